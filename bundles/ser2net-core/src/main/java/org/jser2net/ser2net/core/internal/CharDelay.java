package org.jser2net.ser2net.core.internal;

import org.jser2net.gensio.api.serial.SerialSettings;

/**
 * How long device output is collected before it goes to the clients: {@code chardelay-scale} tenths
 * of a character time at the device's real speed (4.3.11 always assumes 9600 8N1), at least
 * {@code chardelay-min} microseconds, and never more than {@code chardelay-max} after the first byte.
 */
record CharDelay(long delayMicros, long maxMicros) {

    static CharDelay of(PortSettings s, SerialSettings line) {
        long charMicros = 1_000_000L * line.bitsPerChar();
        long delay = charMicros * s.chardelayScale() / (10L * line.baud());
        return new CharDelay(Math.max(delay, s.chardelayMin()), s.chardelayMax());
    }
}
