package org.jser2net.gensio.base;

import java.nio.ByteBuffer;
import java.util.Optional;

import org.jser2net.gensio.api.Callback;
import org.jser2net.gensio.api.EventLoop;
import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.GensioHandler;
import org.jser2net.gensio.api.GensioState;
import org.jser2net.gensio.api.serial.SerialEvent;

/**
 * The part of every gensio that is the same: state, handler, read/write-ready enables, and delivery
 * of received data with the leftover rule (what the handler does not consume is kept, reads pause,
 * and it is offered again when reads are enabled).
 *
 * <p>Subclasses call {@link #deliver} with their read buffer (in read mode). While it returns false
 * they must not touch that buffer: it holds the leftover and will be offered again. They react to
 * {@link #readEnableChanged} and {@link #writeReadyEnableChanged} by arming or disarming their I/O.
 */
public abstract class AbstractGensio implements Gensio {

    private static final GensioHandler NO_HANDLER = new GensioHandler() {
        @Override
        public void onData(Gensio g, ByteBuffer data) {
        }

        @Override
        public void onWriteReady(Gensio g) {
        }

        @Override
        public void onEnd(Gensio g, Throwable error) {
        }
    };

    protected final EventLoop loop;
    private final String type;
    private GensioHandler handler = NO_HANDLER;
    private GensioState state;
    private boolean readEnabled;
    private boolean writeReadyEnabled;
    private ByteBuffer leftover;
    private boolean redeliveryQueued;
    private boolean ended;

    protected AbstractGensio(String type, EventLoop loop, GensioState initial) {
        this.type = type;
        this.loop = loop;
        this.state = initial;
    }

    @Override
    public final String type() {
        return type;
    }

    @Override
    public Gensio child() {
        return null;
    }

    @Override
    public final EventLoop loop() {
        return loop;
    }

    @Override
    public final GensioState state() {
        return state;
    }

    /** Moves to {@code next}, refusing transitions the lifecycle does not allow. */
    protected final void moveTo(GensioState next) {
        if (next == state) {
            return;
        }
        if (!state.canMoveTo(next)) {
            throw new IllegalStateException(type + ": illegal transition " + state + " -> " + next);
        }
        state = next;
    }

    @Override
    public final void setHandler(GensioHandler handler) {
        this.handler = handler == null ? NO_HANDLER : handler;
    }

    protected final GensioHandler handler() {
        return handler;
    }

    public final boolean isReadEnabled() {
        return readEnabled;
    }

    public final boolean isWriteReadyEnabled() {
        return writeReadyEnabled;
    }

    @Override
    public final void setReadEnabled(boolean enabled) {
        if (enabled == readEnabled) {
            return;
        }
        readEnabled = enabled;
        if (enabled && (leftover != null || ended)) {
            if (!redeliveryQueued) {
                redeliveryQueued = true;
                loop.execute(this::redeliver);
            }
            return;
        }
        if (state == GensioState.OPEN) {
            readEnableChanged(enabled);
        }
    }

    @Override
    public final void setWriteReadyEnabled(boolean enabled) {
        if (enabled == writeReadyEnabled) {
            return;
        }
        writeReadyEnabled = enabled;
        if (state == GensioState.OPEN) {
            writeReadyEnableChanged(enabled);
        }
    }

    /**
     * Hands {@code data} to the handler. Returns true when it was all consumed; false when some is
     * left, in which case reads are now disabled and the subclass must keep the buffer untouched.
     * Unless open, the data is dropped (true); while reads are disabled, the handler is not called
     * and all of it becomes the leftover (false), offered when reads are enabled. Not to be called
     * while {@link #hasLeftover()}.
     */
    protected final boolean deliver(ByteBuffer data) {
        if (!data.hasRemaining()) {
            return true;
        }
        if (state != GensioState.OPEN) {
            data.position(data.limit());
            return true;
        }
        if (!readEnabled) {
            leftover = data;
            return false;
        }
        handler.onData(this, data);
        if (!data.hasRemaining()) {
            return true;
        }
        if (state != GensioState.OPEN) {
            data.position(data.limit());
            return true;
        }
        leftover = data;
        if (readEnabled) {
            readEnabled = false;
            readEnableChanged(false);
        }
        return false;
    }

    /** True while a leftover waits to be offered again. */
    protected final boolean hasLeftover() {
        return leftover != null;
    }

    private void redeliver() {
        redeliveryQueued = false;
        if (!readEnabled || state != GensioState.OPEN) {
            return;
        }
        if (leftover != null) {
            ByteBuffer data = leftover;
            handler.onData(this, data);
            if (state != GensioState.OPEN) {
                leftover = null;
                return;
            }
            if (data.hasRemaining()) {
                readEnabled = false;
                return;
            }
            leftover = null;
            leftoverConsumed(data);
        }
        if (!readEnabled) {
            return;
        }
        if (ended) {
            ended = false;
            fireEnd(null);
        } else {
            readEnableChanged(true);
        }
    }

    /** The leftover buffer was consumed at last; the subclass may reuse it. */
    protected void leftoverConsumed(ByteBuffer buffer) {
        buffer.clear();
    }

    /** Reads were switched on or off while open: arm or disarm the source. */
    protected abstract void readEnableChanged(boolean enabled);

    /** Write-ready events were switched on or off while open. */
    protected abstract void writeReadyEnableChanged(boolean enabled);

    /** Tells the handler it may write again. */
    protected final void fireWriteReady() {
        if (writeReadyEnabled && state == GensioState.OPEN) {
            handler.onWriteReady(this);
        }
    }

    /**
     * Tells the handler the stream ended, once. An orderly end waits until a leftover has been
     * consumed and reads are enabled, so no data is lost behind it.
     */
    protected final void fireEnd(Throwable error) {
        if (error == null && (leftover != null || !readEnabled)) {
            ended = true;
            return;
        }
        if (state != GensioState.OPEN || endReported) {
            return;
        }
        endReported = true;
        handler.onEnd(this, error);
    }

    private boolean endReported;

    protected final void fireSerialEvent(SerialEvent event) {
        handler.onSerialEvent(this, event);
    }

    /** Throws unless open, for {@link #write}. */
    protected final void checkWritable() throws GensioException {
        if (state != GensioState.OPEN) {
            throw new GensioException(type + " is " + state.name().toLowerCase() + ", cannot write");
        }
        if (endReported) {
            throw new GensioException(type + " has ended, cannot write");
        }
    }

    /** Once open, arms the I/O according to the enables set while it was opening. */
    protected final void opened() {
        moveTo(GensioState.OPEN);
        if (readEnabled) {
            readEnableChanged(true);
        }
        if (writeReadyEnabled) {
            writeReadyEnableChanged(true);
        }
    }

    /** Resets per-session state after close, so a connector can be opened again. */
    protected final void closed() {
        moveTo(GensioState.CLOSED);
        leftover = null;
        ended = false;
        endReported = false;
        readEnabled = false;
        writeReadyEnabled = false;
    }

    @Override
    public <T> Optional<T> capability(Class<T> cls) {
        return cls.isInstance(this) ? Optional.of(cls.cast(this)) : Optional.empty();
    }

    @Override
    public String remoteAddress() {
        return "";
    }

    /** Runs {@code done} later on the loop, so callers never see their callback run inline. */
    protected final void complete(Callback done, Throwable error) {
        loop.execute(() -> done.done(error));
    }

    @Override
    public String toString() {
        return type + "[" + state + "]";
    }
}
