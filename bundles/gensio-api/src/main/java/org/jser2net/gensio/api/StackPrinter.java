package org.jser2net.gensio.api;

/**
 * Prints stacks in canonical gensio(5) syntax: no optional whitespace, {@code (...)} only when a
 * layer has options, option keys and values quoted only where gensio would otherwise split or
 * decode them, and terminal arguments as their raw text.
 *
 * <p>A key or value needs quoting if it holds whitespace, {@code ,}, {@code )}, a quote, a
 * backslash or a control character. It is then put in double quotes (single quotes if it contains
 * {@code "} but no {@code '}); inside, the quote character and backslash are escaped with
 * {@code \}, and control characters are written as {@code \n \t \r \a \b \f \v} or three-digit
 * octal, so the output stays on one line and is accepted by gensio as well.
 */
final class StackPrinter {

    private static final String NAMED_CHARS = "\u0007\b\f\n\r\t\u000B";
    private static final String NAMED_ESCAPES = "abfnrtv";

    private StackPrinter() {
    }

    static String stack(StackSpec spec) {
        StringBuilder sb = new StringBuilder();
        for (LayerSpec layer : spec.layers()) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            layer(layer, sb);
        }
        return sb.toString();
    }

    static String layer(LayerSpec layer) {
        StringBuilder sb = new StringBuilder();
        layer(layer, sb);
        return sb.toString();
    }

    private static void layer(LayerSpec layer, StringBuilder sb) {
        sb.append(layer.type());
        if (!layer.options().isEmpty()) {
            sb.append('(');
            for (int i = 0; i < layer.options().size(); i++) {
                Option o = layer.options().get(i);
                sb.append(i == 0 ? "" : ",");
                quoted(o.key(), sb);
                if (!o.isFlag()) {
                    sb.append('=');
                    quoted(o.value(), sb);
                }
            }
            sb.append(')');
        }
        for (String arg : layer.args()) {
            sb.append(',').append(arg);
        }
    }

    /** Appends {@code s} so that gensio's option scanner reads it back as one unchanged piece. */
    static void quoted(String s, StringBuilder sb) {
        if (!needsQuoting(s)) {
            sb.append(s);
            return;
        }
        char q = s.indexOf('"') >= 0 && s.indexOf('\'') < 0 ? '\'' : '"';
        sb.append(q);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int named = NAMED_CHARS.indexOf(c);
            if (c == q || c == '\\') {
                sb.append('\\').append(c);
            } else if (named >= 0) {
                sb.append('\\').append(NAMED_ESCAPES.charAt(named));
            } else if (isControl(c)) {
                // Always three digits, so a following digit is not taken into the escape.
                sb.append(String.format("\\%03o", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append(q);
    }

    private static boolean needsQuoting(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == ')' || c == '\'' || c == '"' || c == '\\' || c == ' ' || isControl(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isControl(char c) {
        return c < 0x20 || c == 0x7f;
    }
}
