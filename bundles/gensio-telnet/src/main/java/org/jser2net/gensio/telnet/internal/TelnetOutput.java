package org.jser2net.gensio.telnet.internal;

import static org.jser2net.gensio.telnet.internal.Telnet.IAC;
import static org.jser2net.gensio.telnet.internal.Telnet.SB;
import static org.jser2net.gensio.telnet.internal.Telnet.SE;

import java.nio.ByteBuffer;

import org.jser2net.gensio.api.GensioException;

/**
 * The bytes a telnet layer has to send that its child has not taken yet, in order: commands, and
 * user data that needed IAC doubling. Bounded: encoded user data fills it only up to the data
 * limit (gensio's {@code writebuf}); commands may use the room above that, and a command that
 * does not fit is refused (the caller treats that as a peer that stopped reading).
 */
final class TelnetOutput {

    /** Takes bytes from the head of the queue; the child's {@code write}. */
    @FunctionalInterface
    interface Sink {
        int write(ByteBuffer src) throws GensioException;
    }

    private final ByteBuffer buf;
    private final int dataLimit;

    /**
     * @param dataLimit how many queued bytes encoded user data may fill (at least 2)
     * @param commandRoom how much more commands may use beyond that
     */
    TelnetOutput(int dataLimit, int commandRoom) {
        this.dataLimit = Math.max(2, dataLimit);
        this.buf = ByteBuffer.allocate(this.dataLimit + commandRoom);
    }

    boolean isEmpty() {
        return buf.position() == 0;
    }

    /** Bytes waiting to be sent. */
    int pending() {
        return buf.position();
    }

    /** Room left for commands. */
    int room() {
        return buf.remaining();
    }

    /** Queues {@code IAC verb option}; false when there is no room. */
    boolean command(int verb, int option) {
        if (buf.remaining() < 3) {
            return false;
        }
        buf.put((byte) IAC).put((byte) verb).put((byte) option);
        return true;
    }

    /** Queues the two-byte command {@code IAC command}; false when there is no room. */
    boolean command(int command) {
        if (buf.remaining() < 2) {
            return false;
        }
        buf.put((byte) IAC).put((byte) command);
        return true;
    }

    /** Queues {@code IAC SB option data IAC SE} with 255s in the data doubled; false when there is no room. */
    boolean suboption(int option, byte[] data, int length) {
        int size = 5 + length + (option == IAC ? 1 : 0);
        for (int i = 0; i < length; i++) {
            if (data[i] == (byte) IAC) {
                size++;
            }
        }
        if (buf.remaining() < size) {
            return false;
        }
        buf.put((byte) IAC).put((byte) SB);
        putDoubled(option);
        for (int i = 0; i < length; i++) {
            putDoubled(data[i] & 0xff);
        }
        buf.put((byte) IAC).put((byte) SE);
        return true;
    }

    /**
     * Queues user data from {@code src} with each 255 doubled, as far as the data limit allows
     * (never half of a pair); returns how many bytes of {@code src} it took.
     */
    int encode(ByteBuffer src) {
        int start = src.position();
        int p = start;
        int end = src.limit();
        while (p < end) {
            int room = dataLimit - buf.position();
            if (room <= 0) {
                break;
            }
            int iac = Telnet.indexOfIac(src, p, Math.min(end, p + room));
            int run = iac - p;
            if (run > 0) {
                buf.put(buf.position(), src, p, run);
                buf.position(buf.position() + run);
                p = iac;
                continue;
            }
            if (room < 2) {
                break;
            }
            buf.put((byte) IAC).put((byte) IAC);
            p++;
        }
        src.position(p);
        return p - start;
    }

    /** Writes what it can to {@code sink}; returns true when nothing is left. */
    boolean drainTo(Sink sink) throws GensioException {
        if (buf.position() == 0) {
            return true;
        }
        buf.flip();
        try {
            sink.write(buf);
        } finally {
            buf.compact();
        }
        return buf.position() == 0;
    }

    /** Forgets everything queued. */
    void clear() {
        buf.clear();
    }

    private void putDoubled(int b) {
        buf.put((byte) b);
        if (b == IAC) {
            buf.put((byte) IAC);
        }
    }
}
