package org.jser2net.gensio.api;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads a gensio(5) stack string, {@code type[(options)][,child-or-args]}, the way gensio's
 * {@code str_to_gensio} and {@code gensio_scan_args} read it.
 *
 * <ul>
 * <li><b>Type</b>: letters, digits, {@code -}, {@code _}, {@code .}, followed directly by
 * {@code (}, {@code ,} or the end. Whitespace before a type is skipped (at the start and after
 * the comma that ends a layer); whitespace after a type is an error, as in gensio
 * ({@code "tcp ,3000"} names no known type there).</li>
 * <li><b>Options</b>: inside {@code (...)} tokens are separated by runs of commas and whitespace
 * (space, tab, newline, CR, FF, VT), so empty tokens vanish; the first unquoted {@code )} ends the
 * list and must be followed by {@code ,} or the end. Quotes ({@code '} or {@code "}, anywhere in a
 * token, removed) and C escapes ({@code \n \t \r \a \b \f \v}, octal {@code \ooo}, hex {@code \xhh},
 * any other {@code \c} is {@code c}; escapes also work inside quotes) protect those characters.
 * A token splits at its first {@code =} after decoding into key and value; no {@code =} is a
 * flag. {@code (} is an ordinary character, as in gensio.</li>
 * <li><b>Child or arguments</b>: after a filter's comma comes its child stack; after a
 * terminal's comma comes the rest of the string, split at commas outside quotes and not escaped.
 * Arguments are kept <em>raw</em> (quotes and backslashes stay), because gensio hands that text
 * to the terminal, which reads it its own way: tcp splits host/port pairs
 * ({@code [ipv4|ipv6|ipv6n4,][host,]port}, repeated for a host list; IPv6 literals are bare, as in
 * {@code tcp,::1,3000}, gensio accepts no brackets), serialdev and stdio tokenise with quotes,
 * ipmisol keeps spaces. Only the first argument loses leading whitespace; {@code String.join(",",
 * args)} is exactly the text gensio would hand over.</li>
 * </ul>
 *
 * <p>Two differences from gensio: {@code \xhh} takes hex letters at their value (gensio 2.x
 * counts them as 0) and {@code \x} without a digit is an error; and a string gensio rejects is
 * retried with one extension: an unquoted {@code (} in an option token opens a group, kept
 * verbatim up to its matching {@code )}, so {@code conacc(x=mux(a=1,b=2))} works unquoted.
 * Errors are {@link StackSyntaxException}s pointing at the offending character (an unclosed quote
 * or parenthesis at its opener, a premature end at the string's length).
 */
final class StackParser {

    /** The characters gensio's option scanner treats as whitespace. */
    static final String SPACES = " \t\n\r\f\u000B";

    private final String text;
    private final Predicate<String> isFilter;
    private final boolean groups;
    private int pos;

    StackParser(String text, Predicate<String> isFilter) {
        this(text, isFilter, false);
    }

    private StackParser(String text, Predicate<String> isFilter, boolean groups) {
        this.text = text == null ? "" : text;
        this.isFilter = isFilter;
        this.groups = groups;
    }

    StackSpec parse() {
        try {
            return stack();
        } catch (StackSyntaxException plain) {
            if (groups || text.indexOf('(') < 0) {
                throw plain;
            }
            try {
                return new StackParser(text, isFilter, true).stack();
            } catch (StackSyntaxException grouped) {
                throw grouped.position() > plain.position() ? grouped : plain;
            }
        }
    }

    /** Splits {@code text} into gensio argv words at runs of {@code separators}, decoding quotes and escapes. */
    static List<String> words(String text, String separators) {
        StackParser p = new StackParser(text, t -> false, false);
        List<String> out = new ArrayList<>();
        while (true) {
            while (p.pos < p.text.length() && separators.indexOf(p.text.charAt(p.pos)) >= 0) {
                p.pos++;
            }
            if (p.pos == p.text.length()) {
                return out;
            }
            out.add(p.token(separators, false));
        }
    }

    /** True for a well-formed type name. */
    static boolean isTypeName(String type) {
        if (type.isEmpty()) {
            return false;
        }
        for (int i = 0; i < type.length(); i++) {
            if (!isTypeChar(type.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Why {@code arg} cannot be printed raw as argument {@code index}, or null if it can. */
    static String argProblem(String arg, int index) {
        if (index == 0 && !arg.isEmpty() && SPACES.indexOf(arg.charAt(0)) >= 0) {
            return "the first argument cannot start with whitespace (gensio skips it)";
        }
        StackParser p = new StackParser(arg, t -> false, false);
        try {
            List<String> parts = p.args();
            return parts.size() == 1 ? null : "an unquoted, unescaped ',' would split it";
        } catch (StackSyntaxException e) {
            return e.getMessage();
        }
    }

    private StackSpec stack() {
        skipSpaces();
        if (pos == text.length()) {
            throw error(pos, "empty stack: expected a gensio type");
        }
        List<LayerSpec> layers = new ArrayList<>();
        String parent = null;
        while (true) {
            String type = type(parent);
            List<Option> options = List.of();
            if (pos < text.length() && text.charAt(pos) == '(') {
                options = options(type);
            }
            boolean filter = isFilter.test(type);
            if (pos == text.length()) {
                if (filter) {
                    throw error(pos, "filter \"" + type + "\" needs a child: expected ',' and a gensio type");
                }
                layers.add(new LayerSpec(type, options, List.of()));
                return new StackSpec(layers);
            }
            pos++; // the ',' (type() and options() checked it)
            skipSpaces();
            if (!filter) {
                layers.add(new LayerSpec(type, options, args()));
                return new StackSpec(layers);
            }
            layers.add(new LayerSpec(type, options, List.of()));
            parent = type;
        }
    }

    private String type(String parent) {
        int start = pos;
        while (pos < text.length() && isTypeChar(text.charAt(pos))) {
            pos++;
        }
        if (pos == start) {
            String what = parent == null ? "a gensio type" : "a gensio type (the child of \"" + parent + "\")";
            if (pos == text.length()) {
                throw error(pos, "expected " + what + " but the string ends");
            }
            throw error(pos, "expected " + what + " (letters, digits, '-', '_', '.') but found "
                    + describe(text.charAt(pos)));
        }
        String type = text.substring(start, pos);
        if (pos < text.length() && text.charAt(pos) != '(' && text.charAt(pos) != ',') {
            throw error(pos, "unexpected " + describe(text.charAt(pos)) + " after type \"" + type
                    + "\": expected '(', ',' or the end");
        }
        return type;
    }

    private List<Option> options(String type) {
        int open = pos++;
        List<Option> out = new ArrayList<>();
        while (true) {
            while (pos < text.length() && isOptionSeparator(text.charAt(pos))) {
                pos++;
            }
            if (pos == text.length()) {
                throw error(open, "unclosed '(' after type \"" + type + "\": expected ')'");
            }
            if (text.charAt(pos) == ')') {
                pos++;
                break;
            }
            int start = pos;
            String token = token(SPACES + ",", true);
            int eq = token.indexOf('=');
            if (token.isEmpty()) {
                throw error(start, "empty option: expected an option name");
            } else if (eq == 0) {
                throw error(start, "expected an option name before '='");
            }
            out.add(eq < 0 ? Option.flag(token) : new Option(token.substring(0, eq), token.substring(eq + 1)));
        }
        if (pos < text.length() && text.charAt(pos) != ',') {
            throw error(pos, "unexpected " + describe(text.charAt(pos)) + " after the ')' closing the options of \""
                    + type + "\": expected ',' or the end (quote values that contain parentheses)");
        }
        return out;
    }

    /** One decoded token, up to an unquoted separator (or {@code )} in an option list). */
    private String token(String separators, boolean inOptions) {
        StringBuilder sb = new StringBuilder();
        char quote = 0;
        int quoteAt = -1;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\\') {
                escape(sb);
            } else if (quote != 0) {
                if (c != quote) {
                    sb.append(c);
                }
                quote = c == quote ? 0 : quote;
                pos++;
            } else if (c == '\'' || c == '"') {
                quote = c;
                quoteAt = pos++;
            } else if (separators.indexOf(c) >= 0 || inOptions && c == ')') {
                break;
            } else if (inOptions && groups && c == '(') {
                group(sb);
            } else {
                sb.append(c);
                pos++;
            }
        }
        if (quote != 0) {
            throw error(quoteAt, "unclosed quote " + describe(quote) + ": expected a closing " + describe(quote));
        }
        return sb.toString();
    }

    private void escape(StringBuilder sb) {
        int at = pos++;
        if (pos == text.length()) {
            throw error(at, "trailing backslash: expected a character after '\\'");
        }
        char c = text.charAt(pos);
        int base = c >= '0' && c <= '7' ? 8 : c == 'x' ? 16 : 0;
        if (base != 0) {
            pos += base == 16 ? 1 : 0;
            int value = 0;
            int digits = 0;
            while (digits < (base == 8 ? 3 : 2) && pos < text.length()
                    && Character.digit(text.charAt(pos), base) >= 0 && text.charAt(pos) < 0x80) {
                value = value * base + Character.digit(text.charAt(pos++), base);
                digits++;
            }
            if (digits == 0) {
                throw error(at, "expected a hex digit after '\\x'");
            }
            sb.append((char) (value & 0xFF));
            return;
        }
        pos++;
        int named = "abfnrtv".indexOf(c);
        sb.append(named < 0 ? c : "\u0007\b\f\n\r\t\u000B".charAt(named));
    }

    /** Grouping extension: copies {@code (...)} verbatim up to the matching parenthesis. */
    private void group(StringBuilder sb) {
        int open = pos;
        int depth = 0;
        char quote = 0;
        int quoteAt = -1;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            sb.append(c);
            if (c == '\\') {
                if (++pos == text.length()) {
                    throw error(pos - 1, "trailing backslash: expected a character after '\\'");
                }
                sb.append(text.charAt(pos));
            } else if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
                quoteAt = pos;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                pos++;
                return;
            }
            pos++;
        }
        if (quote != 0) {
            throw error(quoteAt, "unclosed quote " + describe(quote) + ": expected a closing " + describe(quote));
        }
        throw error(open, "unclosed '(' in an option value: expected ')'");
    }

    /** The raw terminal arguments from here to the end. */
    private List<String> args() {
        List<String> out = new ArrayList<>();
        int start = pos;
        char quote = 0;
        int quoteAt = -1;
        for (; pos < text.length(); pos++) {
            char c = text.charAt(pos);
            if (c == '\\') {
                if (++pos == text.length()) {
                    throw error(pos - 1, "trailing backslash: expected a character after '\\'");
                }
            } else if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
                quoteAt = pos;
            } else if (c == ',') {
                out.add(text.substring(start, pos));
                start = pos + 1;
            }
        }
        if (quote != 0) {
            throw error(quoteAt, "unclosed quote " + describe(quote) + ": expected a closing " + describe(quote));
        }
        out.add(text.substring(start));
        return out;
    }

    private void skipSpaces() {
        while (pos < text.length() && SPACES.indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private static boolean isOptionSeparator(char c) {
        return c == ',' || SPACES.indexOf(c) >= 0;
    }

    private static boolean isTypeChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '-' || c == '_' || c == '.';
    }

    private static String describe(char c) {
        if (c >= 0x20 && c < 0x7f) {
            return "'" + c + "'";
        }
        return String.format("U+%04X", (int) c);
    }

    private StackSyntaxException error(int at, String problem) {
        return new StackSyntaxException(text, at, problem);
    }
}
