package org.jser2net.ser2net.config.internal;

import java.util.List;
import java.util.Locale;

/**
 * One ser2net option: its name, type, allowed range and built-in default, and whether a
 * {@code default:} entry may set it (only the options in ser2net's defaults table can).
 */
record OptionSpec(String name, Kind kind, long min, long max, Object builtin, boolean defaultable,
        List<String> choices) {

    /** How a value is read and stored: Boolean, Integer, String, String[] or one of a few words. */
    enum Kind { BOOL, INT, STRING, LIST, ENUM }

    static OptionSpec bool(String name, boolean builtin, boolean defaultable) {
        return new OptionSpec(name, Kind.BOOL, 0, 0, builtin, defaultable, List.of());
    }

    static OptionSpec integer(String name, long min, long max, Integer builtin, boolean defaultable) {
        return new OptionSpec(name, Kind.INT, min, max, builtin, defaultable, List.of());
    }

    static OptionSpec string(String name, String builtin, boolean defaultable) {
        return new OptionSpec(name, Kind.STRING, 0, 0, builtin, defaultable, List.of());
    }

    static OptionSpec list(String name, boolean defaultable) {
        return new OptionSpec(name, Kind.LIST, 0, 0, null, defaultable, List.of());
    }

    static OptionSpec choice(String name, String builtin, String... choices) {
        return new OptionSpec(name, Kind.ENUM, 0, 0, builtin, false, List.of(choices));
    }

    /**
     * Reads an option value the way gensio's key parsers do: booleans are true/false, yes/no,
     * on/off, 1/0; numbers are C numbers ({@code 0x10}, {@code 010}) and must lie in the range.
     */
    Object parse(String value) {
        switch (kind) {
            case BOOL:
                return parseBool(name, value);
            case INT:
                return checkRange(parseCNumber(name, value));
            case ENUM:
                String v = value.toLowerCase(Locale.ROOT);
                if (!choices.contains(v)) {
                    throw new IllegalArgumentException("Invalid value for " + name + ": " + value
                            + " (use one of " + String.join(", ", choices) + ")");
                }
                return v;
            default:
                return value;
        }
    }

    Integer checkRange(long v) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(name + "=" + v + " is out of range, use " + min + " to " + max);
        }
        return (int) v;
    }

    static boolean parseBool(String name, String value) {
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true": case "yes": case "on": case "1":
                return true;
            case "false": case "no": case "off": case "0":
                return false;
            default:
                throw new IllegalArgumentException("Invalid boolean for " + name + ": " + value
                        + " (use true or false)");
        }
    }

    /** A number as C's {@code strtol(s, &end, 0)} reads it, the whole string being the number. */
    static long parseCNumber(String name, String value) {
        String s = value.trim();
        boolean negative = false;
        if (s.startsWith("-") || s.startsWith("+")) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        int radix = 10;
        if (s.length() > 1 && (s.startsWith("0x") || s.startsWith("0X"))) {
            radix = 16;
            s = s.substring(2);
        } else if (s.length() > 1 && s.startsWith("0")) {
            radix = 8;
            s = s.substring(1);
        }
        try {
            if (s.isEmpty() || s.charAt(0) == '-' || s.charAt(0) == '+') {
                throw new NumberFormatException();
            }
            long v = Long.parseLong(s, radix);
            return negative ? -v : v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid number for " + name + ": " + value);
        }
    }
}
