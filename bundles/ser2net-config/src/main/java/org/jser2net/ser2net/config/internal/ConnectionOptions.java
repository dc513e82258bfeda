package org.jser2net.ser2net.config.internal;

import java.util.Locale;
import java.util.Map;

/** The connection options understood so far, with their types, and ser2net's value spellings. */
final class ConnectionOptions {

    private enum Kind { BOOL, INT }

    private static final Map<String, Kind> KNOWN = Map.of(
            "kickolduser", Kind.BOOL,
            "max-connections", Kind.INT);

    /**
     * ser2net options that are read and checked for a value but not yet carried out; each use is
     * reported as a warning, so nobody is misled.
     */
    private static final java.util.Set<String> NOT_YET = java.util.Set.of(
            "banner", "signature", "openstr", "closestr", "closeon", "sendon", "chardelay",
            "chardelay-scale", "chardelay-min", "chardelay-max", "dev-to-net-bufsize", "net-to-dev-bufsize",
            "accepter-retry-time", "connector-retry-time", "trace-read", "trace-write", "trace-both",
            "trace-hexdump", "trace-timestamp", "telnet-brk-on-sync", "no-con-to-acc", "no-acc-to-con",
            "remaddr", "connback", "authdir", "pamauth", "allowed-users", "led-tx", "led-rx", "mdns",
            "mdns-sysattrs", "mdns-port", "mdns-interface", "mdns-nettype", "mdns-name", "mdns-type",
            "mdns-domain", "mdns-host", "mdns-txt", "timeout");

    private ConnectionOptions() {
    }

    /** True for a ser2net option this version accepts but does not carry out yet. */
    static boolean notYetImplemented(String key) {
        return NOT_YET.contains(key);
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
