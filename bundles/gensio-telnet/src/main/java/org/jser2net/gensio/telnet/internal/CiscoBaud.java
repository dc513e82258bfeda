package org.jser2net.gensio.telnet.internal;

/**
 * Cisco IOS's one-byte RFC 2217 baud codes (SET-BAUDRATE with a single value byte), as gensio
 * decodes them: 3 = 300 up to 15 = 230400; unknown codes and rates map to 0.
 */
final class CiscoBaud {

    private static final int[][] CODES = {
        {3, 300}, {4, 600}, {5, 1200}, {6, 2400}, {7, 4800}, {8, 9600},
        {10, 19200}, {12, 38400}, {13, 57600}, {14, 115200}, {15, 230400},
    };

    private CiscoBaud() {
    }

    static int toBaud(int code) {
        for (int[] c : CODES) {
            if (c[0] == code) {
                return c[1];
            }
        }
        return 0;
    }

    static int toCode(int baud) {
        for (int[] c : CODES) {
            if (c[1] == baud) {
                return c[0];
            }
        }
        return 0;
    }
}
