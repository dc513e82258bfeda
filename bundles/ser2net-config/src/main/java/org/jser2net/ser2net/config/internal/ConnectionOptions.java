package org.jser2net.ser2net.config.internal;

import java.util.Locale;
import java.util.Map;

/** The connection options understood so far, with their types, and ser2net's value spellings. */
final class ConnectionOptions {

    private enum Kind { BOOL, INT }

    private static final Map<String, Kind> KNOWN = Map.of(
            "kickolduser", Kind.BOOL,
            "max-connections", Kind.INT);

    private ConnectionOptions() {
    }

    /** Converts {@code value} for option {@code key}; the message of the exception says what is wrong. */
    static Object convert(String key, String value) {
        Kind kind = KNOWN.get(key);
        if (kind == null) {
            throw new IllegalArgumentException("Unknown config item: " + key + "=" + value);
        }
        switch (kind) {
            case BOOL:
                return bool(key, value);
            case INT:
                try {
                    return Integer.valueOf(value.trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Invalid number for " + key + ": " + value);
                }
            default:
                throw new AssertionError(kind);
        }
    }

    /** ser2net's booleans: true/false, yes/no, on/off, 1/0 (any case). */
    static boolean bool(String key, String value) {
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true": case "yes": case "on": case "1":
                return true;
            case "false": case "no": case "off": case "0":
                return false;
            default:
                throw new IllegalArgumentException("Invalid boolean for " + key + ": " + value);
        }
    }
}
