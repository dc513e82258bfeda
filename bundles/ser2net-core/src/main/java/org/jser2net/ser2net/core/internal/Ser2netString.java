package org.jser2net.ser2net.core.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * ser2net's backslash escapes in banner, openstr, closestr, closeon, sendon and trace file names, as
 * ser2net 4.3.11 really behaves (see ser2net-behaviour.md §1.7) except where that is a bug: {@code \B}
 * has no leading comma, and {@code \s} gives the serial parameters in strings and the seconds in file
 * names, as the man page says.
 */
final class Ser2netString {

    private Ser2netString() {
    }

    /** Expands {@code template} for sending: the result is the bytes to write. */
    static byte[] expand(String template, EscapeContext ctx) {
        return expand(template, ctx, false);
    }

    /** Expands a trace file name: {@code \d} and {@code \o} lose everything up to their last '/'. */
    static String fileName(String template, EscapeContext ctx) {
        return new String(expand(template, ctx, true), StandardCharsets.ISO_8859_1);
    }

    private static byte[] expand(String t, EscapeContext ctx, boolean fileName) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(t.length() + 16);
        int i = 0;
        while (i < t.length()) {
            char c = t.charAt(i++);
            if (c != '\\' || i >= t.length()) {
                put(out, c);
                continue;
            }
            char e = t.charAt(i++);
            if (e >= '0' && e <= '7') {
                int v = e - '0';
                for (int n = 1; n < 3 && i < t.length() && isOctal(t.charAt(i)); n++) {
                    v = v * 8 + (t.charAt(i++) - '0');
                }
                out.write(v & 0xff);
            } else if (e == 'x' && i < t.length() && Character.digit(t.charAt(i), 16) >= 0) {
                int v = Character.digit(t.charAt(i++), 16);
                if (i < t.length() && Character.digit(t.charAt(i), 16) >= 0) {
                    v = v * 16 + Character.digit(t.charAt(i++), 16);
                }
                out.write(v);
            } else {
                text(out, escape(e, ctx, fileName));
            }
        }
        return out.toByteArray();
    }

    private static boolean isOctal(char c) {
        return c >= '0' && c <= '7';
    }

    private static String escape(char e, EscapeContext ctx, boolean fileName) {
        switch (e) {
            case 'a': return "\u0007";
            case 'b': return "\b";
            case 'f': return "\f";
            case 'n': return "\n";
            case 'r': return "\r";
            case 't': return "\t";
            case 'v': return "\u000b";
            case 'd': return fileName ? afterSlash(ctx.connector()) : ctx.connector();
            case 'o': return fileName ? afterSlash(ctx.name()) : ctx.name();
            case 'N': return ctx.name();
            case 'p': return ctx.accepter();
            case 'B': return ctx.serialParams();
            case 's': return fileName ? two(ctx.time().getSecond()) : ctx.serialParams();
            case 'I': return ctx.client();
            case 'Y': return Integer.toString(ctx.time().getYear());
            case 'y': return Integer.toString(ctx.time().getDayOfYear() - 1);
            case 'M': return ctx.time().getMonth().getDisplayName(TextStyle.SHORT, Locale.ROOT);
            case 'm': return Integer.toString(ctx.time().getMonthValue());
            case 'A': return ctx.time().getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ROOT);
            case 'D': return Integer.toString(ctx.time().getDayOfMonth());
            case 'H': return two(ctx.time().getHour());
            case 'h': return two(hour12(ctx.time().getHour()));
            case 'i': return two(ctx.time().getMinute());
            case 'S': return two(ctx.time().getSecond());
            case 'q': return ctx.time().getHour() < 12 ? "am" : "pm";
            case 'P': return ctx.time().getHour() < 12 ? "AM" : "PM";
            case 'T': return two(ctx.time().getHour()) + ":" + two(ctx.time().getMinute()) + ":"
                    + two(ctx.time().getSecond());
            case 'e': return Long.toString(ctx.time().toEpochSecond());
            case 'U': return String.format(Locale.ROOT, "%06d", ctx.micros());
            default: return String.valueOf(e);
        }
    }

    private static int hour12(int h) {
        int r = h % 12;
        return r == 0 ? 12 : r;
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }

    private static String afterSlash(String s) {
        return s.substring(s.lastIndexOf('/') + 1);
    }

    private static void text(ByteArrayOutputStream out, String s) {
        for (int i = 0; i < s.length(); i++) {
            put(out, s.charAt(i));
        }
    }

    private static void put(ByteArrayOutputStream out, char c) {
        if (c < 0x100) {
            out.write(c);
        } else {
            byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
            out.write(b, 0, b.length);
        }
    }
}
