package org.jser2net.gensio.api.serial;

/**
 * A serial event delivered to a {@link org.jser2net.gensio.api.GensioHandler}: on a device or RFC 2217
 * client, a change of modem or line state; on an RFC 2217 server, a request from the client that the
 * connection manager carries out on the device and answers through the server's {@link SerialControl}.
 *
 * @param kind what happened
 * @param value the number that goes with it (baud, bits, mask, enum ordinal per {@link Kind})
 * @param text the text that goes with it (signature), or null
 */
public record SerialEvent(Kind kind, int value, String text) {

    public static SerialEvent of(Kind kind, int value) {
        return new SerialEvent(kind, value, null);
    }

    /** The kinds of serial event. */
    public enum Kind {
        MODEM_STATE, LINE_STATE,
        SET_BAUD, SET_DATASIZE, SET_PARITY, SET_STOPSIZE, SET_FLOWCONTROL, SET_DTR, SET_RTS, SET_BREAK,
        SIGNATURE, FLOW_SUSPEND, FLOW_RESUME, PURGE, MODEM_MASK, LINE_MASK, SEND_BREAK
    }
}
