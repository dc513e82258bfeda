package org.jser2net.gensio.serialdev.internal;

import java.util.List;

import org.jser2net.gensio.api.serial.FlowControl;
import org.jser2net.gensio.api.serial.Parity;
import org.jser2net.gensio.api.serial.SerialControl.Line;
import org.jser2net.gensio.api.serial.SerialSettings;

/**
 * Everything a {@code serialdev} (or {@code serialsim}) stack string says about one port.
 *
 * @param device the device path (or simulated port name), as given
 * @param baud the line speed
 * @param parity the parity
 * @param dataBits 5 to 8
 * @param stopBits 1 or 2
 * @param xonxoff software flow control (IXON and IXOFF)
 * @param rtscts hardware flow control (CRTSCTS)
 * @param local ignore the modem control lines (CLOCAL)
 * @param hangupWhenDone lower the modem lines on close (HUPCL); null leaves the device's setting
 * @param nobreak do not clear the break condition at open
 * @param initialLines DTR/RTS levels to set at open, in the order given
 * @param rs485 the RS-485 setup; null leaves the driver's setup alone
 * @param termios false for {@code wronly} among the serial options: no line settings at all
 * @param writeOnly never read from the device
 * @param readOnly never write to the device
 * @param uucpLock take a UUCP lock file; null decides by the device (not on ptys or /dev/tty)
 * @param flock take an exclusive flock(2) on the device
 * @param drainTime at close, the longest wait for output to drain, in hundredths of a second; -1 off
 * @param charDrainWait at close, give up after this long without progress, in hundredths; -1 off
 * @param readBuf the size of a read
 */
record SerialConfig(String device, int baud, Parity parity, int dataBits, int stopBits, boolean xonxoff,
        boolean rtscts, boolean local, Boolean hangupWhenDone, boolean nobreak, List<InitialLine> initialLines,
        Rs485 rs485, boolean termios, boolean writeOnly, boolean readOnly, Boolean uucpLock, boolean flock,
        int drainTime, int charDrainWait, int readBuf) {

    SerialConfig {
        initialLines = List.copyOf(initialLines);
    }

    /** A DTR or RTS level requested at open ({@code dtr=off}). */
    record InitialLine(Line line, boolean on) {
    }

    /** The flow control these flags amount to; RTS/CTS wins when both are set, as gensio reports it. */
    FlowControl flow() {
        return rtscts ? FlowControl.RTSCTS : xonxoff ? FlowControl.XONXOFF : FlowControl.NONE;
    }

    SerialSettings settings() {
        return new SerialSettings(baud, parity, dataBits, stopBits, flow());
    }

    /** gensio's remote address: {@code dev,9600N81[,XONXOFF][,RTSCTS][,CLOCAL][,HANGUP_WHEN_DONE]}. */
    String describe(SerialSettings now) {
        StringBuilder b = new StringBuilder(device);
        if (!termios) {
            return b.toString();
        }
        b.append(',').append(now);
        if (now.flow() == FlowControl.XONXOFF) {
            b.append(",XONXOFF");
        } else if (now.flow() == FlowControl.RTSCTS) {
            b.append(",RTSCTS");
        }
        if (local) {
            b.append(",CLOCAL");
        }
        if (Boolean.TRUE.equals(hangupWhenDone)) {
            b.append(",HANGUP_WHEN_DONE");
        }
        return b.toString();
    }
}
