package org.jser2net.gensio.api.serial;

/** RFC 2217 modem-state and line-state bits. */
public final class ModemState {

    public static final int CTS_DELTA = 0x01;
    public static final int DSR_DELTA = 0x02;
    public static final int RI_TRAILING = 0x04;
    public static final int CD_DELTA = 0x08;
    public static final int CTS = 0x10;
    public static final int DSR = 0x20;
    public static final int RI = 0x40;
    public static final int CD = 0x80;

    public static final int LINE_DATA_READY = 0x01;
    public static final int LINE_OVERRUN = 0x02;
    public static final int LINE_PARITY_ERROR = 0x04;
    public static final int LINE_FRAMING_ERROR = 0x08;
    public static final int LINE_BREAK = 0x10;

    private ModemState() {
    }
}
