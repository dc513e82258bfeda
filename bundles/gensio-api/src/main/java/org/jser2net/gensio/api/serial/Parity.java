package org.jser2net.gensio.api.serial;

/** Parity, numbered as RFC 2217 SET-PARITY numbers them. */
public enum Parity {
    NONE(1, 'N'), ODD(2, 'O'), EVEN(3, 'E'), MARK(4, 'M'), SPACE(5, 'S');

    private final int rfc2217;
    private final char letter;

    Parity(int rfc2217, char letter) {
        this.rfc2217 = rfc2217;
        this.letter = letter;
    }

    public int rfc2217() {
        return rfc2217;
    }

    /** The letter used in speed strings such as {@code 9600N81}. */
    public char letter() {
        return letter;
    }

    public static Parity ofLetter(char c) {
        for (Parity p : values()) {
            if (p.letter == Character.toUpperCase(c)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown parity '" + c + "' (expected N, O, E, M or S)");
    }

    public static Parity ofRfc2217(int value) {
        for (Parity p : values()) {
            if (p.rfc2217 == value) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown RFC 2217 parity " + value);
    }
}
