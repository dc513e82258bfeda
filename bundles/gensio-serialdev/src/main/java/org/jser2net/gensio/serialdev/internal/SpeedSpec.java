package org.jser2net.gensio.serialdev.internal;

import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.serial.Parity;

/**
 * A line setting under construction from speed strings: {@code <baud>[<parity>[<data bits>[<stop bits>]]]}
 * such as {@code 9600N81} or {@code 115200e71}; the parts given replace those set before. Starts at
 * gensio's 9600N81.
 */
final class SpeedSpec {

    int baud = 9600;
    Parity parity = Parity.NONE;
    int dataBits = 8;
    int stopBits = 1;

    /**
     * Applies {@code text} if it is a speed string. Returns false when it is not one at all (it does not
     * start with a number of at least 10, like {@code 1STOPBIT}); throws when it is a malformed one.
     */
    boolean apply(String text, String what) throws GensioException {
        int end = 0;
        while (end < text.length() && text.charAt(end) >= '0' && text.charAt(end) <= '9') {
            end++;
        }
        if (end == 0) {
            return false;
        }
        int value;
        try {
            value = Integer.parseInt(text.substring(0, end));
        } catch (NumberFormatException e) {
            throw new GensioException(what + ": speed " + text.substring(0, end) + " is too large");
        }
        if (value < 10) {
            return false;
        }
        Parity p = parity;
        int data = dataBits;
        int stop = stopBits;
        String rest = text.substring(end);
        if (!rest.isEmpty()) {
            char c = rest.charAt(0);
            if ("NnEeOoMmSs".indexOf(c) < 0) {
                throw bad(what, text, "unknown parity '" + c + "' (use N, E, O, M or S)");
            }
            p = Parity.ofLetter(c);
            rest = rest.substring(1);
        }
        if (!rest.isEmpty()) {
            char c = rest.charAt(0);
            if (c < '5' || c > '8') {
                throw bad(what, text, "unknown number of data bits '" + c + "' (use 5 to 8)");
            }
            data = c - '0';
            rest = rest.substring(1);
        }
        if (!rest.isEmpty()) {
            char c = rest.charAt(0);
            if (c != '1' && c != '2') {
                throw bad(what, text, "unknown number of stop bits '" + c + "' (use 1 or 2)");
            }
            stop = c - '0';
            rest = rest.substring(1);
        }
        if (!rest.isEmpty()) {
            throw bad(what, text, "extra text '" + rest + "'");
        }
        baud = value;
        parity = p;
        dataBits = data;
        stopBits = stop;
        return true;
    }

    private static GensioException bad(String what, String text, String why) {
        return new GensioException(what + ": bad speed '" + text + "': " + why);
    }
}
