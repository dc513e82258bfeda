package org.jser2net.gensio.serialdev.internal;

/** How gensio matches one serial option word against a key. */
final class Tokens {

    private Tokens() {
    }

    /**
     * The value of {@code token} when it is {@code key} ("" for the bare key) or {@code key=value}
     * (key in any case, as gensio compares it); null when it is another option.
     */
    static String value(String token, String key) {
        if (token.equalsIgnoreCase(key)) {
            return "";
        }
        int n = key.length();
        if (token.length() > n && token.charAt(n) == '=' && token.regionMatches(true, 0, key, 0, n)) {
            return token.substring(n + 1);
        }
        return null;
    }

    /** {@code s} without one pair of enclosing quotes. */
    static String unquote(String s) {
        if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'') && s.charAt(s.length() - 1) == s.charAt(0)) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
