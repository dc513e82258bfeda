package org.jser2net.ser2net.core.internal;

import java.nio.ByteBuffer;

import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.GensioException;

/** One connected client of a port. */
final class Session {

    final Gensio net;
    /** Bytes of the pending device output already written to this client. */
    int ahead;
    /** Written to the client before any device output (the banner); null when done. */
    private ByteBuffer prefix;
    /** The connect-back connector this session was opened to, or null for a client that came in. */
    String connback;
    /** When data last moved either way, for {@code timeout} (nanoTime). */
    long lastActivity = System.nanoTime();

    Session(Gensio net) {
        this.net = net;
    }

    /** Sets what goes to the client before any device output (the banner). */
    void prefix(byte[] bytes) {
        prefix = bytes == null || bytes.length == 0 ? null : ByteBuffer.wrap(bytes);
    }

    String remote() {
        return net.remoteAddress();
    }

    /** Sends what is left of the prefix; true when it is all out. */
    boolean flushPrefix() {
        if (prefix == null) {
            return true;
        }
        try {
            net.write(prefix);
        } catch (GensioException e) {
            prefix = null;
            return true;
        }
        if (prefix.hasRemaining()) {
            net.setWriteReadyEnabled(true);
            return false;
        }
        prefix = null;
        return true;
    }

    /**
     * Writes the part of {@code data} this client has not had yet; returns how far ahead it now is.
     * A client that fails is treated as having taken everything (it is about to end).
     */
    int take(ByteBuffer data) {
        int remaining = data.remaining();
        if (ahead >= remaining || !flushPrefix()) {
            return ahead;
        }
        ByteBuffer view = data.duplicate();
        view.position(data.position() + ahead);
        try {
            ahead += net.write(view);
        } catch (GensioException e) {
            ahead = remaining;
        }
        if (ahead < remaining) {
            net.setWriteReadyEnabled(true);
        }
        lastActivity = System.nanoTime();
        return ahead;
    }
}
