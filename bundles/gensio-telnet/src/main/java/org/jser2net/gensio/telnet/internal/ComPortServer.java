package org.jser2net.gensio.telnet.internal;

import static org.jser2net.gensio.telnet.internal.Rfc2217.CONTROL_BREAK;
import static org.jser2net.gensio.telnet.internal.Rfc2217.CONTROL_DTR;
import static org.jser2net.gensio.telnet.internal.Rfc2217.CONTROL_FLOW;
import static org.jser2net.gensio.telnet.internal.Rfc2217.CONTROL_INBOUND_FLOW;
import static org.jser2net.gensio.telnet.internal.Rfc2217.CONTROL_RTS;
import static org.jser2net.gensio.telnet.internal.Rfc2217.SERVER;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

import org.jser2net.gensio.api.serial.SerialEvent;
import org.jser2net.gensio.api.serial.SerialEvent.Kind;

/**
 * The server end of RFC 2217, without I/O: turns the client's COM-PORT suboptions into
 * {@link SerialEvent}s and encodes the answers and notifications. Event values are RFC 2217
 * numbers with 0 meaning "query": baud; data size 5-8; parity 1-5 ({@code Parity.ofRfc2217});
 * stop size 1, 2, 3 (= 1.5); flow control 1-3 ({@code FlowControl.rfc2217()}, also for the
 * inbound group, whose answer is then sent in that group); BREAK, DTR, RTS 1 on / 2 off; purge
 * 1 receive / 2 transmit / 3 both; masks as sent. Out-of-range values become queries, so every
 * request can be answered. A SET-BAUDRATE with fewer than four value bytes switches the session to
 * Cisco's one-byte codes for good, as gensio does.
 */
final class ComPortServer {

    private static final int MAX_PENDING_FLOW = 64;

    private final ComPortLink link;
    private boolean cisco;
    private boolean announced;
    private int modemMask;
    private int lineMask;
    private boolean modemAnswerDue;
    private boolean lineAnswerDue;
    /** For each outstanding flow-control request: true when it came in the inbound group. */
    private final Deque<Boolean> flowRequests = new ArrayDeque<>();

    ComPortServer(ComPortLink link) {
        this.link = link;
    }

    /** True once the client agreed to COM-PORT (or spoke it). */
    boolean announced() {
        return announced;
    }

    /**
     * The client agreed to COM-PORT (WILL, or a first COM-PORT command): as in gensio, that counts
     * as a modem-state mask of 255, once per session.
     */
    void agreed() {
        if (!announced) {
            announced = true;
            modemMask = 0xff;
            modemAnswerDue = true;
            link.event(SerialEvent.of(Kind.MODEM_MASK, 0xff));
        }
    }

    /** Handles one COM-PORT suboption from the client ({@code data} starts with the command). */
    void suboption(byte[] data, int length) {
        if (length < 1 || (data[0] & 0xff) >= SERVER) {
            return;
        }
        int cmd = data[0] & 0xff;
        int v = length >= 2 ? data[1] & 0xff : -1;
        switch (cmd) {
            case Rfc2217.SIGNATURE:
                link.event(new SerialEvent(Kind.SIGNATURE, 0,
                        new String(data, 1, length - 1, StandardCharsets.ISO_8859_1)));
                break;
            case Rfc2217.SET_BAUDRATE:
                if (v >= 0) {
                    link.event(SerialEvent.of(Kind.SET_BAUD, baud(data, length)));
                }
                break;
            case Rfc2217.SET_DATASIZE:
                request(Kind.SET_DATASIZE, v, v >= 5 && v <= 8);
                break;
            case Rfc2217.SET_PARITY:
                request(Kind.SET_PARITY, v, v >= 1 && v <= 5);
                break;
            case Rfc2217.SET_STOPSIZE:
                request(Kind.SET_STOPSIZE, v, v >= 1 && v <= 3);
                break;
            case Rfc2217.SET_CONTROL:
                control(v);
                break;
            case Rfc2217.NOTIFY_LINESTATE:
                // Not a client command in RFC 2217; pyserial sends it to poll: answer with the state.
                lineAnswerDue = true;
                link.event(SerialEvent.of(Kind.LINE_MASK, lineMask));
                break;
            case Rfc2217.NOTIFY_MODEMSTATE:
                modemAnswerDue = true;
                link.event(SerialEvent.of(Kind.MODEM_MASK, modemMask));
                break;
            case Rfc2217.FLOWCONTROL_SUSPEND:
                link.suspend(true);
                link.event(SerialEvent.of(Kind.FLOW_SUSPEND, 0));
                break;
            case Rfc2217.FLOWCONTROL_RESUME:
                link.suspend(false);
                link.event(SerialEvent.of(Kind.FLOW_RESUME, 0));
                break;
            case Rfc2217.SET_LINESTATE_MASK:
                if (v >= 0) {
                    lineMask = v;
                    lineAnswerDue = true;
                    link.event(SerialEvent.of(Kind.LINE_MASK, v));
                }
                break;
            case Rfc2217.SET_MODEMSTATE_MASK:
                if (v >= 0) {
                    modemMask = v;
                    modemAnswerDue = true;
                    link.event(SerialEvent.of(Kind.MODEM_MASK, v));
                }
                break;
            case Rfc2217.PURGE_DATA:
                request(Kind.PURGE, v, v >= 1 && v <= 3);
                break;
            default:
                break; // not an RFC 2217 command: nothing to answer
        }
    }

    private void request(Kind kind, int value, boolean valid) {
        if (value >= 0) {
            link.event(SerialEvent.of(kind, valid ? value : 0));
        }
    }

    private int baud(byte[] data, int length) {
        if (length < 5) {
            cisco = true;
            return CiscoBaud.toBaud(data[1] & 0xff);
        }
        int baud = (data[1] & 0xff) << 24 | (data[2] & 0xff) << 16 | (data[3] & 0xff) << 8 | (data[4] & 0xff);
        return baud < 0 ? 0 : baud;
    }

    private void control(int v) {
        if (v < 0) {
            return;
        }
        if (v <= 3) {
            flowRequest(false);
            link.event(SerialEvent.of(Kind.SET_FLOWCONTROL, v));
        } else if (v <= 6) {
            link.event(SerialEvent.of(Kind.SET_BREAK, v - CONTROL_BREAK));
        } else if (v <= 9) {
            link.event(SerialEvent.of(Kind.SET_DTR, v - CONTROL_DTR));
        } else if (v <= 12) {
            link.event(SerialEvent.of(Kind.SET_RTS, v - CONTROL_RTS));
        } else if (v <= 19) {
            // Inbound none/XON-XOFF/hardware map to the port's flow control; DCD, DTR and DSR
            // flow control cannot be had, so they ask for the current setting.
            int f = v - CONTROL_INBOUND_FLOW;
            flowRequest(true);
            link.event(SerialEvent.of(Kind.SET_FLOWCONTROL, f <= 3 ? f : 0));
        }
    }

    private void flowRequest(boolean inbound) {
        if (flowRequests.size() == MAX_PENDING_FLOW) {
            flowRequests.removeFirst();
        }
        flowRequests.addLast(inbound);
    }

    // Answers and notifications

    void signature(String signature) {
        byte[] text = signature == null ? new byte[0] : signature.getBytes(StandardCharsets.ISO_8859_1);
        int n = Math.min(text.length, Rfc2217.MAX_SIGNATURE);
        byte[] b = new byte[n + 1];
        b[0] = (byte) (SERVER + Rfc2217.SIGNATURE);
        System.arraycopy(text, 0, b, 1, n);
        link.send(b, b.length);
    }

    void baud(int baud) {
        if (cisco) {
            send(Rfc2217.SET_BAUDRATE, CiscoBaud.toCode(baud));
        } else {
            link.send(new byte[] {(byte) (SERVER + Rfc2217.SET_BAUDRATE), (byte) (baud >>> 24), (byte) (baud >>> 16),
                (byte) (baud >>> 8), (byte) baud}, 5);
        }
    }

    void dataSize(int bits) {
        send(Rfc2217.SET_DATASIZE, bits);
    }

    void parity(int parity) {
        send(Rfc2217.SET_PARITY, parity);
    }

    void stopSize(int stop) {
        send(Rfc2217.SET_STOPSIZE, stop);
    }

    /** Answers a flow-control request in the group it was asked in (outbound when unasked). */
    void flowControl(int flow) {
        Boolean inbound = flowRequests.pollFirst();
        send(Rfc2217.SET_CONTROL, (inbound != null && inbound ? CONTROL_INBOUND_FLOW : CONTROL_FLOW) + flow);
    }

    /** Answers a SET-CONTROL in the group starting at {@code base} (BREAK, DTR, RTS) with 0/1/2. */
    void control(int base, int offset) {
        send(Rfc2217.SET_CONTROL, base + offset);
    }

    void purge(int which) {
        send(Rfc2217.PURGE_DATA, which);
    }

    /** Asks the client to stop (true) or restart sending data. */
    void flowState(boolean suspend) {
        link.send(new byte[] {(byte) (SERVER + (suspend ? Rfc2217.FLOWCONTROL_SUSPEND : Rfc2217.FLOWCONTROL_RESUME))}, 1);
    }

    boolean notifyModemState(int state) {
        if (!modemAnswerDue && (state & modemMask & 0x0f) == 0) {
            return false;
        }
        modemAnswerDue = false;
        send(Rfc2217.NOTIFY_MODEMSTATE, state & modemMask);
        return true;
    }

    boolean notifyLineState(int state) {
        if (!lineAnswerDue && (state & lineMask) == 0) {
            return false;
        }
        lineAnswerDue = false;
        send(Rfc2217.NOTIFY_LINESTATE, state & lineMask);
        return true;
    }

    private void send(int cmd, int value) {
        link.send(new byte[] {(byte) (SERVER + cmd), (byte) value}, 2);
    }
}
