package org.jser2net.gensio.telnet.internal;

import org.jser2net.gensio.api.serial.SerialEvent;

/** Where either end of RFC 2217 ({@link ComPortServer}, {@link ComPortClient}) sends and reports. */
interface ComPortLink {

    /** Sends {@code IAC SB 44 data IAC SE}. */
    void send(byte[] data, int length);

    /** For the gensio's user: a request from the client (server end) or a notification (client end). */
    void event(SerialEvent event);

    /** The peer asks us to stop (true) or restart sending it data (FLOWCONTROL-SUSPEND/RESUME). */
    void suspend(boolean suspended);
}
