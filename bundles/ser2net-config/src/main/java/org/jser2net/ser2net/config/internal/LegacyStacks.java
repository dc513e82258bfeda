package org.jser2net.ser2net.config.internal;

import java.util.Map;
import java.util.Set;

/**
 * The shorthand gensio 2.x accepted where a stack belongs, made explicit: a bare network port as an
 * accepter ({@code 3001}, {@code 127.0.0.1,3001}, {@code ipv4,3001}) means tcp, a connector that
 * starts with {@code /} is a serial device; and ser2net's device options given as options.
 */
final class LegacyStacks {

    /** ser2net's device keywords accepted among the options, and what it appends for each. */
    private static final Map<String, String> DEVICE_OPTIONS = Map.ofEntries(
            Map.entry("XONXOFF", "XONXOFF"), Map.entry("-XONXOFF", "xonxoff=false"),
            Map.entry("RTSCTS", "RTSCTS"), Map.entry("-RTSCTS", "rtscts=false"),
            Map.entry("LOCAL", "LOCAL"), Map.entry("-LOCAL", "local=false"),
            Map.entry("HANGUP_WHEN_DONE", "hangup-when-done"),
            Map.entry("-HANGUP_WHEN_DONE", "hangup-when-done=false"),
            Map.entry("NOBREAK", "NOBREAK"), Map.entry("-NOBREAK", "nobreak=false"),
            Map.entry("NONE", "NONE"), Map.entry("EVEN", "EVEN"), Map.entry("ODD", "ODD"),
            Map.entry("MARK", "MARK"), Map.entry("SPACE", "SPACE"));

    /** gensio's filter types, which may sit above a shorthand terminal ({@code telnet,3001}). */
    private static final Set<String> FILTERS = Set.of("telnet", "ssl", "certauth", "mux", "msgdelim",
            "relpkt", "ratelimit", "trace", "keepopen", "xlt", "perf", "kiss", "ax25", "script");

    private LegacyStacks() {
    }

    /**
     * What ser2net appends to the connector for option text {@code option} ({@code 9600},
     * {@code 8DATABITS}, {@code -RTSCTS}), or null if the text is not a device option.
     */
    static String deviceOption(String option) {
        if (!option.isEmpty() && Character.isDigit(option.charAt(0))) {
            return option;
        }
        return DEVICE_OPTIONS.get(option);
    }

    /** A connector: {@code /dev/ttyS0,9600} becomes {@code serialdev,/dev/ttyS0,9600}. */
    static String connector(String connector) {
        int at = terminalStart(connector);
        String rest = connector.substring(at).stripLeading();
        return rest.startsWith("/") ? connector.substring(0, at) + "serialdev," + rest : connector;
    }

    /**
     * An accepter: a bare port spec gets {@code tcp,} in front. {@code networkOnly} is for old
     * ser2net.conf port fields, which are always a network port (or all zeros: stdin/stdout).
     */
    static String accepter(String accepter, boolean networkOnly) {
        int at = terminalStart(accepter);
        return accepter.substring(0, at) + terminal(accepter.substring(at), networkOnly);
    }

    private static String terminal(String accepter, boolean networkOnly) {
        String s = accepter.strip();
        if (!s.isEmpty() && s.chars().allMatch(c -> c == '0')) {
            return networkOnly ? "stdio" : accepter;
        }
        int end = firstDelimiter(s);
        String first = s.substring(0, end);
        if (first.equals("tcp") || first.equals("udp") || first.equals("sctp")) {
            return accepter;
        }
        boolean port = !first.isEmpty() && first.chars().allMatch(Character::isDigit) && end == s.length();
        boolean family = first.equals("ipv4") || first.equals("ipv6") || first.equals("ipv6n4");
        boolean address = end < s.length() && s.charAt(end) == ','
                && (first.contains(":") || first.matches("[0-9.]+"));
        return networkOnly || port || family || address ? "tcp," + s : accepter;
    }

    /** Where the terminal layer starts: after the known filters (and their options) at the front. */
    private static int terminalStart(String stack) {
        int pos = 0;
        while (true) {
            int end = pos + firstDelimiter(stack.substring(pos));
            if (end >= stack.length() || !FILTERS.contains(stack.substring(pos, end).strip())) {
                return pos;
            }
            if (stack.charAt(end) == '(') {
                end = closing(stack, end);
                if (end >= stack.length() || stack.charAt(end) != ',') {
                    return pos;
                }
            }
            pos = end + 1;
        }
    }

    /** The index just after the ')' matching the '(' at {@code open}, minding quotes and escapes. */
    private static int closing(String s, int open) {
        int depth = 0;
        char quote = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            }
        }
        return s.length();
    }

    private static int firstDelimiter(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ',' || s.charAt(i) == '(') {
                return i;
            }
        }
        return s.length();
    }
}
