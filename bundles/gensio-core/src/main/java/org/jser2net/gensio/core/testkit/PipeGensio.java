package org.jser2net.gensio.core.testkit;

import java.nio.ByteBuffer;

import org.jser2net.gensio.api.Callback;
import org.jser2net.gensio.api.EventLoop;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.GensioState;
import org.jser2net.gensio.base.RingGensio;

/**
 * One end of an in-memory byte pipe: what one end writes, the other reads. Each end has a bounded
 * inbound buffer; {@code write} takes only what fits in the peer's buffer (0 when full), write-ready
 * comes once the peer has consumed some, and closing an end makes the other end see an orderly
 * end after the bytes already written. The two ends may run on different loops. Write-ready
 * follows the rule of {@link RingGensio}.
 */
public final class PipeGensio extends RingGensio {

    /** Two connected ends. */
    public record Pair(PipeGensio a, PipeGensio b) {
    }

    /** Finds the other end for a connecting end; links them with {@link #link}. */
    @FunctionalInterface
    interface Dialer {
        void dial(PipeGensio client) throws GensioException;
    }

    private final String remote;
    private final Dialer dialer;
    private volatile PipeGensio peer;
    private volatile boolean peerClosed;

    private PipeGensio(String type, EventLoop loop, int capacity, GensioState initial, String remote,
            Dialer dialer) {
        super(type, loop, initial, capacity);
        this.remote = remote;
        this.dialer = dialer;
    }

    /** Two open ends on one loop, each buffering up to {@code capacity} bytes it has not read. */
    public static Pair pair(EventLoop loop, int capacity) {
        return pair(loop, loop, capacity);
    }

    /** Two open ends on their own loops. */
    public static Pair pair(EventLoop loopA, EventLoop loopB, int capacity) {
        PipeGensio a = accepted("pipe", loopA, capacity, "pipe");
        PipeGensio b = accepted("pipe", loopB, capacity, "pipe");
        link(a, b);
        return new Pair(a, b);
    }

    /** An open end, not yet linked, as an accepter hands it out. */
    static PipeGensio accepted(String type, EventLoop loop, int capacity, String remote) {
        return new PipeGensio(type, loop, capacity, GensioState.OPEN, remote, null);
    }

    /** A closed end whose {@code open} asks {@code dialer} for its peer. */
    static PipeGensio connector(String type, EventLoop loop, int capacity, String remote, Dialer dialer) {
        return new PipeGensio(type, loop, capacity, GensioState.CLOSED, remote, dialer);
    }

    static void link(PipeGensio a, PipeGensio b) {
        a.reset();
        b.reset();
        a.peer = b;
        b.peer = a;
    }

    private void reset() {
        resetRing();
        peerClosed = false;
    }

    @Override
    public void open(Callback done) {
        if (dialer == null && state() == GensioState.CLOSED) {
            complete(done, new GensioException(type() + ": a closed pipe end cannot be opened again"));
            return;
        }
        moveTo(GensioState.OPENING);
        loop.execute(() -> {
            if (state() != GensioState.OPENING) {
                done.done(new GensioException(type() + ": closed while opening"));
                return;
            }
            try {
                dialer.dial(this);
            } catch (GensioException | RuntimeException e) {
                closed();
                done.done(e);
                return;
            }
            opened();
            done.done(null);
        });
    }

    @Override
    public int write(ByteBuffer src) throws GensioException {
        checkWritable();
        PipeGensio p = peer;
        if (p == null || peerClosed) {
            throw new GensioException(type() + ": the other end is closed");
        }
        return writeTo(p, src);
    }

    /** Makes this end fail as if its I/O broke: the handler gets {@code onEnd(error)}. */
    public void fail(Throwable error) {
        loop.execute(() -> fireEnd(error));
    }

    /** Bytes written by the peer that this end has not delivered (or that were not consumed). */
    public int buffered() {
        return inbound().size();
    }

    @Override
    public String remoteAddress() {
        return remote;
    }

    @Override
    protected void closing() {
        PipeGensio p = peer;
        if (p != null) {
            p.peerGone();
        }
    }

    @Override
    protected boolean endWhenEmpty() {
        return peerClosed;
    }

    /** The bytes handed out are consumed: let the writer know. */
    @Override
    protected void roomFreed() {
        PipeGensio p = peer;
        if (p != null) {
            p.scheduleWriteReady();
        }
    }

    /** Room in the peer, or a closed peer (so that the writer's next write reports it). */
    @Override
    protected boolean writable() {
        PipeGensio p = peer;
        return p == null || peerClosed || p.inbound().room() > 0;
    }

    private void peerGone() {
        peerClosed = true;
        schedulePump();
        scheduleWriteReady();
    }
}
