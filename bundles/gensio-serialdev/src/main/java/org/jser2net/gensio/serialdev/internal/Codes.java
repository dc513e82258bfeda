package org.jser2net.gensio.serialdev.internal;

import org.jser2net.gensio.api.serial.FlowControl;
import org.jser2net.gensio.api.serial.Parity;

import com.fazecast.jSerialComm.SerialPort;

/** jSerialComm's numbers for parity, stop bits and flow control, both ways. */
final class Codes {

    private Codes() {
    }

    static int parity(Parity p) {
        switch (p) {
            case ODD: return SerialPort.ODD_PARITY;
            case EVEN: return SerialPort.EVEN_PARITY;
            case MARK: return SerialPort.MARK_PARITY;
            case SPACE: return SerialPort.SPACE_PARITY;
            default: return SerialPort.NO_PARITY;
        }
    }

    static Parity parity(int code) {
        switch (code) {
            case SerialPort.ODD_PARITY: return Parity.ODD;
            case SerialPort.EVEN_PARITY: return Parity.EVEN;
            case SerialPort.MARK_PARITY: return Parity.MARK;
            case SerialPort.SPACE_PARITY: return Parity.SPACE;
            default: return Parity.NONE;
        }
    }

    static int stopBits(int bits) {
        return bits == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT;
    }

    /** XON/XOFF both ways (IXON and IXOFF, as gensio sets them); RTS/CTS as CRTSCTS. */
    static int flow(boolean xonxoff, boolean rtscts) {
        int bits = 0;
        if (xonxoff) {
            bits |= SerialPort.FLOW_CONTROL_XONXOFF_IN_ENABLED | SerialPort.FLOW_CONTROL_XONXOFF_OUT_ENABLED;
        }
        if (rtscts) {
            bits |= SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED;
        }
        return bits;
    }

    static FlowControl flow(int bits) {
        if ((bits & (SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED)) != 0) {
            return FlowControl.RTSCTS;
        }
        if ((bits & (SerialPort.FLOW_CONTROL_XONXOFF_IN_ENABLED | SerialPort.FLOW_CONTROL_XONXOFF_OUT_ENABLED)) != 0) {
            return FlowControl.XONXOFF;
        }
        return FlowControl.NONE;
    }
}
