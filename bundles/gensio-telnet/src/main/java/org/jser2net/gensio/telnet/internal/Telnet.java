package org.jser2net.gensio.telnet.internal;

import java.nio.ByteBuffer;

/** Telnet's command and option numbers (RFC 854 and friends) and the fast search for IAC. */
final class Telnet {

    static final int SE = 240;
    static final int NOP = 241;
    static final int DM = 242;
    static final int BREAK = 243;
    static final int SB = 250;
    static final int WILL = 251;
    static final int WONT = 252;
    static final int DO = 253;
    static final int DONT = 254;
    static final int IAC = 255;

    static final int OPT_BINARY = 0;
    static final int OPT_ECHO = 1;
    static final int OPT_SGA = 3;
    static final int OPT_NAWS = 31;
    static final int OPT_COM_PORT = 44;

    private static final long LOW7 = 0x7f7f7f7f7f7f7f7fL;

    private Telnet() {
    }

    /**
     * The index of the first 0xFF byte in {@code buf} from {@code from} (inclusive) to {@code to}
     * (exclusive), or {@code to} when there is none. Looks at eight bytes per step.
     */
    static int indexOfIac(ByteBuffer buf, int from, int to) {
        int i = from;
        while (i + 8 <= to) {
            long inverted = ~buf.getLong(i); // an 0xFF byte becomes 0x00
            // Exact zero-byte test (no false positives): the high bit is set in each zero byte only.
            long zeros = ~(((inverted & LOW7) + LOW7) | inverted | LOW7);
            if (zeros != 0) {
                int byteInWord = buf.order() == java.nio.ByteOrder.BIG_ENDIAN
                        ? Long.numberOfLeadingZeros(zeros) >>> 3
                        : Long.numberOfTrailingZeros(zeros) >>> 3;
                return i + byteInWord;
            }
            i += 8;
        }
        while (i < to) {
            if (buf.get(i) == (byte) IAC) {
                return i;
            }
            i++;
        }
        return to;
    }

    /** A verb's name for logs: {@code WILL}, {@code DONT}, ... */
    static String verb(int verb) {
        switch (verb) {
            case WILL: return "WILL";
            case WONT: return "WONT";
            case DO: return "DO";
            case DONT: return "DONT";
            default: return Integer.toString(verb);
        }
    }
}
