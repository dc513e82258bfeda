package org.jser2net.gensio.base;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jser2net.gensio.api.Callback;
import org.jser2net.gensio.api.EventLoop;
import org.jser2net.gensio.api.GensioState;

/**
 * A gensio that reads from a bounded {@link ByteRing} which a writer fills: itself (echo) or a peer
 * (an in-memory pipe end), possibly from another loop. It delivers the ring's bytes with the
 * leftover rule and frees them only once consumed, so a writer that outruns the reader is stopped
 * ({@code write} returns 0) instead of growing the heap.
 *
 * <p>Write-ready events fire when they are enabled and {@link #writable} holds, when reading frees
 * room, and again after a write-ready callback that wrote something, while room is left and they
 * stay enabled.
 */
public abstract class RingGensio extends AbstractGensio {

    private final ByteRing inbound;
    private final AtomicBoolean pumpQueued = new AtomicBoolean();
    private final AtomicBoolean writeReadyQueued = new AtomicBoolean();
    /** Bytes handed to the handler in the current view (possibly kept as a leftover). */
    private int pending;
    private boolean wrote;

    protected RingGensio(String type, EventLoop loop, GensioState initial, int capacity) {
        super(type, loop, initial);
        this.inbound = new ByteRing(capacity);
    }

    /** The ring this gensio reads from. */
    protected final ByteRing inbound() {
        return inbound;
    }

    /** True when an empty ring means the stream is over (delivered as an orderly end). */
    protected abstract boolean endWhenEmpty();

    /** Delivered bytes were consumed and freed: tell whoever writes into this ring. */
    protected abstract void roomFreed();

    /** True while a write would take something (or report why it cannot). */
    protected abstract boolean writable();

    /** Close began; a pipe end tells its peer here. Runs before the close completes. */
    protected void closing() {
    }

    @Override
    public final void close(Callback done) {
        if (state() == GensioState.CLOSED) {
            complete(done, null);
            return;
        }
        if (state() == GensioState.CLOSING) {
            loop.execute(() -> done.done(null));
            return;
        }
        moveTo(GensioState.CLOSING);
        closing();
        loop.execute(() -> {
            closed();
            resetRing();
            done.done(null);
        });
    }

    /** Puts what fits of {@code src} into {@code target}'s ring (this one or a peer's); returns the count. */
    protected final int writeTo(RingGensio target, ByteBuffer src) {
        int n = target.inbound.put(src);
        if (n > 0) {
            wrote = true;
            target.schedulePump();
        }
        return n;
    }

    /** Records that a write took bytes without a ring (a sink), for the write-ready rule. */
    protected final void markWritten() {
        wrote = true;
    }

    /** Empties the ring and forgets any bytes handed out, for a new session. */
    protected final void resetRing() {
        inbound.clear();
        pending = 0;
    }

    @Override
    protected final void readEnableChanged(boolean enabled) {
        if (enabled) {
            schedulePump();
        }
    }

    @Override
    protected final void writeReadyEnableChanged(boolean enabled) {
        if (enabled) {
            scheduleWriteReady();
        }
    }

    @Override
    protected final void leftoverConsumed(ByteBuffer buffer) {
        release();
    }

    /** Delivers what the ring holds, on this gensio's loop; safe to call from any thread. */
    protected final void schedulePump() {
        if (pumpQueued.compareAndSet(false, true)) {
            loop.execute(this::pump);
        }
    }

    /** Fires write-ready if it is due, on this gensio's loop; safe to call from any thread. */
    protected final void scheduleWriteReady() {
        if (writeReadyQueued.compareAndSet(false, true)) {
            loop.execute(this::writeReady);
        }
    }

    private void pump() {
        pumpQueued.set(false);
        while (state() == GensioState.OPEN && isReadEnabled() && !hasLeftover()) {
            ByteBuffer view = inbound.peek();
            if (view == null) {
                if (endWhenEmpty()) {
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

    private void release() {
        inbound.release(pending);
        pending = 0;
        roomFreed();
    }

    private void writeReady() {
        writeReadyQueued.set(false);
        if (state() != GensioState.OPEN || !isWriteReadyEnabled() || !writable()) {
            return;
        }
        wrote = false;
        fireWriteReady();
        if (wrote && isWriteReadyEnabled() && writable()) {
            scheduleWriteReady();
        }
    }
}
