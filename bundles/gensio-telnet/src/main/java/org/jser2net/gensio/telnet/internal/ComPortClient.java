package org.jser2net.gensio.telnet.internal;

import static org.jser2net.gensio.telnet.internal.Rfc2217.SERVER;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.serial.SerialEvent;
import org.jser2net.gensio.api.serial.SerialEvent.Kind;

/**
 * The client end of RFC 2217, without I/O: sends requests, pairs each answer (command + 100) with
 * the oldest request of that command (and, for SET-CONTROL, of that value group), and turns the
 * server's NOTIFY-MODEMSTATE and NOTIFY-LINESTATE into {@link SerialEvent}s. A request that gets no
 * answer within the timeout fails, as gensio's do after 5 seconds. Like the server, it switches to
 * Cisco's one-byte baud codes for good once an answer carries one.
 */
final class ComPortClient {

    /** How long gensio waits for an answer. */
    static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);

    /** One request waiting for its answer. */
    private record Pending(int cmd, int group, long deadline, CompletableFuture<Object> result) {
    }

    private final ComPortLink link;
    private final long timeoutNanos;
    private final List<Pending> pending = new ArrayList<>();
    private boolean cisco;
    private int modemState = -1;

    ComPortClient(ComPortLink link, long timeoutNanos) {
        this.link = link;
        this.timeoutNanos = timeoutNanos;
    }

    boolean hasPending() {
        return !pending.isEmpty();
    }

    /** The modem state the server last reported, or -1. */
    int modemState() {
        return modemState;
    }

    // Requests: each returns what the answer carries (Integer, or String for the signature).

    CompletableFuture<Object> signature(long now) {
        return request(Rfc2217.SIGNATURE, -1, now, new byte[] {Rfc2217.SIGNATURE});
    }

    CompletableFuture<Object> baud(int baud, long now) {
        byte[] b = cisco ? new byte[] {Rfc2217.SET_BAUDRATE, (byte) CiscoBaud.toCode(baud)}
                : new byte[] {Rfc2217.SET_BAUDRATE, (byte) (baud >>> 24), (byte) (baud >>> 16), (byte) (baud >>> 8),
                    (byte) baud};
        return request(Rfc2217.SET_BAUDRATE, -1, now, b);
    }

    /** SET-DATASIZE, SET-PARITY, SET-STOPSIZE or PURGE-DATA with one value byte. */
    CompletableFuture<Object> value(int cmd, int value, long now) {
        return request(cmd, -1, now, new byte[] {(byte) cmd, (byte) value});
    }

    /** SET-CONTROL in the group starting at {@code base}; the answer is the offset from the base. */
    CompletableFuture<Object> control(int base, int offset, long now) {
        return request(Rfc2217.SET_CONTROL, base, now, new byte[] {Rfc2217.SET_CONTROL, (byte) (base + offset)});
    }

    /** SET-MODEMSTATE-MASK; the answer is the next NOTIFY-MODEMSTATE. */
    CompletableFuture<Object> modemMask(int mask, long now) {
        return request(Rfc2217.NOTIFY_MODEMSTATE, -1, now, new byte[] {Rfc2217.SET_MODEMSTATE_MASK, (byte) mask});
    }

    /** SET-LINESTATE-MASK, not waiting: the server's NOTIFY-LINESTATE comes as an event. */
    void lineMask(int mask) {
        link.send(new byte[] {Rfc2217.SET_LINESTATE_MASK, (byte) mask}, 2);
    }

    /** Asks the server to stop (true) or restart sending us data; no answer is expected. */
    void flowState(boolean suspend) {
        link.send(new byte[] {(byte) (suspend ? Rfc2217.FLOWCONTROL_SUSPEND : Rfc2217.FLOWCONTROL_RESUME)}, 1);
    }

    private CompletableFuture<Object> request(int cmd, int group, long now, byte[] bytes) {
        Pending p = new Pending(cmd, group, now + timeoutNanos, new CompletableFuture<>());
        pending.add(p);
        link.send(bytes, bytes.length);
        return p.result();
    }

    /** Handles one COM-PORT suboption from the server ({@code data} starts with the command). */
    void suboption(byte[] data, int length) {
        if (length < 1 || (data[0] & 0xff) < SERVER) {
            return;
        }
        int cmd = (data[0] & 0xff) - SERVER;
        int v = length >= 2 ? data[1] & 0xff : -1;
        switch (cmd) {
            case Rfc2217.SIGNATURE:
                answer(cmd, -1, new String(data, 1, length - 1, StandardCharsets.ISO_8859_1));
                break;
            case Rfc2217.SET_BAUDRATE:
                if (length >= 5) {
                    answer(cmd, -1, (data[1] & 0xff) << 24 | (data[2] & 0xff) << 16 | (data[3] & 0xff) << 8
                            | (data[4] & 0xff));
                } else if (v >= 0) {
                    cisco = true;
                    answer(cmd, -1, CiscoBaud.toBaud(v));
                }
                break;
            case Rfc2217.SET_CONTROL:
                if (v >= 0) {
                    int base = v <= 3 ? 0 : v <= 6 ? Rfc2217.CONTROL_BREAK : v <= 9 ? Rfc2217.CONTROL_DTR
                            : v <= 12 ? Rfc2217.CONTROL_RTS : Rfc2217.CONTROL_INBOUND_FLOW;
                    answer(cmd, base, v - base);
                }
                break;
            case Rfc2217.NOTIFY_LINESTATE:
                if (v >= 0) {
                    link.event(SerialEvent.of(Kind.LINE_STATE, v));
                }
                break;
            case Rfc2217.NOTIFY_MODEMSTATE:
                if (v >= 0) {
                    modemState = v;
                    answer(cmd, -1, v);
                    link.event(SerialEvent.of(Kind.MODEM_STATE, v));
                }
                break;
            case Rfc2217.FLOWCONTROL_SUSPEND:
                link.suspend(true);
                break;
            case Rfc2217.FLOWCONTROL_RESUME:
                link.suspend(false);
                break;
            default:
                if (v >= 0) {
                    answer(cmd, -1, v); // data size, parity, stop size, purge
                }
                break;
        }
    }

    private void answer(int cmd, int group, Object value) {
        for (Iterator<Pending> it = pending.iterator(); it.hasNext();) {
            Pending p = it.next();
            if (p.cmd() == cmd && p.group() == group) {
                it.remove();
                p.result().complete(value);
                return;
            }
        }
    }

    /** Fails the requests whose time is up at {@code now}. */
    void expire(long now) {
        for (Iterator<Pending> it = pending.iterator(); it.hasNext();) {
            Pending p = it.next();
            if (now - p.deadline() >= 0) {
                it.remove();
                p.result().completeExceptionally(new GensioException("telnet: the RFC 2217 server did not answer "
                        + name(p.cmd()) + " within " + TimeUnit.NANOSECONDS.toSeconds(timeoutNanos) + " s"));
            }
        }
    }

    /** Fails everything still waiting, e.g. at close. */
    void failAll(String why) {
        List<Pending> all = new ArrayList<>(pending);
        pending.clear();
        for (Pending p : all) {
            p.result().completeExceptionally(new GensioException("telnet: " + why));
        }
    }

    private static String name(int cmd) {
        switch (cmd) {
            case Rfc2217.SIGNATURE: return "SIGNATURE";
            case Rfc2217.SET_BAUDRATE: return "SET-BAUDRATE";
            case Rfc2217.SET_DATASIZE: return "SET-DATASIZE";
            case Rfc2217.SET_PARITY: return "SET-PARITY";
            case Rfc2217.SET_STOPSIZE: return "SET-STOPSIZE";
            case Rfc2217.SET_CONTROL: return "SET-CONTROL";
            case Rfc2217.NOTIFY_MODEMSTATE: return "SET-MODEMSTATE-MASK";
            case Rfc2217.PURGE_DATA: return "PURGE-DATA";
            default: return "command " + cmd;
        }
    }
}
