package org.jser2net.gensio.api.serial;

/**
 * The line settings of a serial port: {@code 9600N81} is baud 9600, no parity, 8 data bits, 1 stop bit.
 */
public record SerialSettings(int baud, Parity parity, int dataBits, int stopBits, FlowControl flow) {

    /** gensio's default, 9600N81 without flow control. */
    public static final SerialSettings DEFAULT = new SerialSettings(9600, Parity.NONE, 8, 1, FlowControl.NONE);

    public SerialSettings {
        if (baud <= 0) {
            throw new IllegalArgumentException("baud must be positive: " + baud);
        }
        if (dataBits < 5 || dataBits > 8) {
            throw new IllegalArgumentException("data bits must be 5 to 8: " + dataBits);
        }
        if (stopBits != 1 && stopBits != 2) {
            throw new IllegalArgumentException("stop bits must be 1 or 2: " + stopBits);
        }
    }

    /** Bits on the wire per character: start + data + parity + stop. */
    public int bitsPerChar() {
        return 1 + dataBits + (parity == Parity.NONE ? 0 : 1) + stopBits;
    }

    /** As in speed strings and ser2net's output, e.g. {@code 9600N81}. */
    @Override
    public String toString() {
        return "" + baud + parity.letter() + dataBits + stopBits;
    }
}
