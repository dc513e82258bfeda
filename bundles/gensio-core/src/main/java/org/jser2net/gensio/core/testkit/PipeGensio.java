package org.jser2net.gensio.core.testkit;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jser2net.gensio.api.Callback;
import org.jser2net.gensio.api.EventLoop;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.GensioState;
import org.jser2net.gensio.base.AbstractGensio;

/**
 * One end of an in-memory byte pipe: what one end writes, the other reads. Each end has a bounded
 * inbound buffer; {@code write} takes only what fits in the peer's buffer (0 when full), write-ready
 * comes once the peer has consumed some, and closing an end makes the other end see an orderly
 * end after the bytes already written. The two ends may run on different loops.
 *
 * <p>Write-ready events fire when they are enabled and there is room, when room frees up, and again
 * after a write-ready callback that wrote something, while room is left and they stay enabled.
 */
public final class PipeGensio extends AbstractGensio {

    /** Two connected ends. */
    public record Pair(PipeGensio a, PipeGensio b) {
    }

    /** Finds the other end for a connecting end; links them with {@link #link}. */
    @FunctionalInterface
    interface Dialer {
        void dial(PipeGensio client) throws GensioException;
    }

    private final ByteRing inbound;
    private final String remote;
    private final Dialer dialer;
    private final AtomicBoolean pumpQueued = new AtomicBoolean();
    private final AtomicBoolean writeReadyQueued = new AtomicBoolean();
    private volatile PipeGensio peer;
    private volatile boolean peerClosed;
    private int pending;
    private boolean wrote;

    private PipeGensio(String type, EventLoop loop, int capacity, GensioState initial, String remote,
            Dialer dialer) {
        super(type, loop, initial);
        this.inbound = new ByteRing(capacity);
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
        inbound.clear();
        peerClosed = false;
        pending = 0;
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
    public void close(Callback done) {
        if (state() == GensioState.CLOSED) {
            complete(done, null);
            return;
        }
        if (state() == GensioState.CLOSING) {
            loop.execute(() -> done.done(null));
            return;
        }
        moveTo(GensioState.CLOSING);
        PipeGensio p = peer;
        if (p != null) {
            p.peerGone();
        }
        loop.execute(() -> {
            closed();
            inbound.clear();
            pending = 0;
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
        int n = p.inbound.put(src);
        if (n > 0) {
            wrote = true;
            p.schedulePump();
        }
        return n;
    }

    /** Makes this end fail as if its I/O broke: the handler gets {@code onEnd(error)}. */
    public void fail(Throwable error) {
        loop.execute(() -> fireEnd(error));
    }

    /** Bytes written by the peer that this end has not delivered (or that were not consumed). */
    public int buffered() {
        return inbound.size();
    }

    @Override
    public String remoteAddress() {
        return remote;
    }

    @Override
    protected void readEnableChanged(boolean enabled) {
        if (enabled) {
            schedulePump();
        }
    }

    @Override
    protected void writeReadyEnableChanged(boolean enabled) {
        if (enabled) {
            scheduleWriteReady();
        }
    }

    @Override
    protected void leftoverConsumed(ByteBuffer buffer) {
        release();
    }

    private void peerGone() {
        peerClosed = true;
        schedulePump();
        scheduleWriteReady();
    }

    private void schedulePump() {
        if (pumpQueued.compareAndSet(false, true)) {
            loop.execute(this::pump);
        }
    }

    private void pump() {
        pumpQueued.set(false);
        while (state() == GensioState.OPEN && isReadEnabled() && !hasLeftover()) {
            ByteBuffer view = inbound.peek();
            if (view == null) {
                if (peerClosed) {
                    fireEnd(null);
                }
                return;
            }
            pending = view.remaining();
            if (!deliver(view)) {
                return;
            }
            release();
        }
    }

    /** The bytes handed out are consumed: free them and let the writer know. */
    private void release() {
        inbound.release(pending);
        pending = 0;
        PipeGensio p = peer;
        if (p != null) {
            p.scheduleWriteReady();
        }
    }

    private void scheduleWriteReady() {
        if (writeReadyQueued.compareAndSet(false, true)) {
            loop.execute(this::writeReady);
        }
    }

    private void writeReady() {
        writeReadyQueued.set(false);
        PipeGensio p = peer;
        if (state() != GensioState.OPEN || !isWriteReadyEnabled() || !writable(p)) {
            return;
        }
        wrote = false;
        fireWriteReady();
        if (wrote && isWriteReadyEnabled() && writable(p)) {
            scheduleWriteReady();
        }
    }

    /** Room in the peer, or a closed peer (so that the writer's next write reports it). */
    private boolean writable(PipeGensio p) {
        return p == null || peerClosed || p.inbound.room() > 0;
    }
}
