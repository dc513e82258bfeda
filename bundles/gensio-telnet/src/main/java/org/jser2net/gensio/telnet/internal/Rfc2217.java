package org.jser2net.gensio.telnet.internal;

/**
 * RFC 2217 COM-PORT-OPTION command numbers as the client sends them; the server answers and
 * notifies with the same number plus {@link #SERVER}. SET-CONTROL values come in groups with a
 * base: each group's base value is its query, base+1 "on"/first choice, base+2 "off"/second.
 */
final class Rfc2217 {

    static final int SIGNATURE = 0;
    static final int SET_BAUDRATE = 1;
    static final int SET_DATASIZE = 2;
    static final int SET_PARITY = 3;
    static final int SET_STOPSIZE = 4;
    static final int SET_CONTROL = 5;
    static final int NOTIFY_LINESTATE = 6;
    static final int NOTIFY_MODEMSTATE = 7;
    static final int FLOWCONTROL_SUSPEND = 8;
    static final int FLOWCONTROL_RESUME = 9;
    static final int SET_LINESTATE_MASK = 10;
    static final int SET_MODEMSTATE_MASK = 11;
    static final int PURGE_DATA = 12;

    /** Added to a command number in the server's answers and notifications. */
    static final int SERVER = 100;

    /** SET-CONTROL group bases: outbound flow 0-3, BREAK 4-6, DTR 7-9, RTS 10-12, inbound flow 13-19. */
    static final int CONTROL_FLOW = 0;
    static final int CONTROL_BREAK = 4;
    static final int CONTROL_DTR = 7;
    static final int CONTROL_RTS = 10;
    static final int CONTROL_INBOUND_FLOW = 13;

    /** The longest signature sent (gensio's command buffer less the two header bytes). */
    static final int MAX_SIGNATURE = 254;

    private Rfc2217() {
    }

    /** The SET-CONTROL offset of an on/off/query answer: 0 query (null), 1 on, 2 off. */
    static int onOff(Boolean on) {
        return on == null ? 0 : on ? 1 : 2;
    }
}
