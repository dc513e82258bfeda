package org.jser2net.gensio.keepopen.internal;

import java.util.concurrent.TimeUnit;

/**
 * gensio's time values ("gtime" in gensio(5)): numbers each followed by a unit letter, {@code D},
 * {@code H}, {@code M}, {@code s}, {@code m}, {@code u} or {@code n}, such as {@code 1M30s}; a lone
 * number without a letter is in the layer's default unit.
 */
final class GTime {

    private GTime() {
    }

    /**
     * The length of {@code text} in nanoseconds; {@code defaultUnit} applies to a lone number.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    static long parseNanos(String text, char defaultUnit) {
        String t = text.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("empty time");
        }
        long total = 0;
        int i = 0;
        boolean first = true;
        while (i < t.length()) {
            int start = i;
            i = numberEnd(t, i);
            if (i == start) {
                throw new IllegalArgumentException("expected a number at \"" + t.substring(start) + "\"");
            }
            long value = number(t.substring(start, i));
            char unit;
            if (i == t.length()) {
                if (!first) {
                    throw new IllegalArgumentException("\"" + t.substring(start) + "\" needs a unit letter");
                }
                unit = defaultUnit;
            } else {
                unit = t.charAt(i++);
            }
            try {
                total = Math.addExact(total, Math.multiplyExact(value, nanosPer(unit)));
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("time too large");
            }
            // The sub-second units end a time value, as in gensio.
            if ((unit == 'm' || unit == 'u' || unit == 'n') && i < t.length()) {
                throw new IllegalArgumentException("nothing may follow a '" + unit + "' value");
            }
            first = false;
        }
        return total;
    }

    private static long nanosPer(char unit) {
        switch (unit) {
            case 'D': return TimeUnit.DAYS.toNanos(1);
            case 'H': return TimeUnit.HOURS.toNanos(1);
            case 'M': return TimeUnit.MINUTES.toNanos(1);
            case 's': return TimeUnit.SECONDS.toNanos(1);
            case 'm': return TimeUnit.MILLISECONDS.toNanos(1);
            case 'u': return TimeUnit.MICROSECONDS.toNanos(1);
            case 'n': return 1;
            default:
                throw new IllegalArgumentException("unknown unit '" + unit + "'");
        }
    }

    /** Where the number starting at {@code i} ends: hex after {@code 0x}, else decimal or octal digits. */
    private static int numberEnd(String t, int i) {
        if (t.startsWith("0x", i) || t.startsWith("0X", i)) {
            int j = i + 2;
            while (j < t.length() && Character.digit(t.charAt(j), 16) >= 0) {
                j++;
            }
            return j > i + 2 ? j : i + 1;
        }
        int j = i;
        while (j < t.length() && t.charAt(j) >= '0' && t.charAt(j) <= '9') {
            j++;
        }
        return j;
    }

    /** The number as strtoll with base 0 reads it: decimal, 0x hex or leading-0 octal. */
    private static long number(String digits) {
        try {
            return Long.decode(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad number \"" + digits + "\"");
        }
    }
}
