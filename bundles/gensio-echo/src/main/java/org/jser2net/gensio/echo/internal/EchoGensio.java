package org.jser2net.gensio.echo.internal;

import java.nio.ByteBuffer;

import org.jser2net.gensio.api.Callback;
import org.jser2net.gensio.api.EventLoop;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.GensioState;
import org.jser2net.gensio.base.AbstractGensio;

/**
 * The echo connector: bytes written come back as read data through a bounded buffer, so a writer
 * that does not read is stopped ({@code write} returns 0) instead of growing the heap. With noecho
 * it is a sink that takes everything; with data it first supplies those bytes.
 *
 * <p>Write-ready fires when enabled with room, when reading frees room, and again after a callback
 * that wrote something while room is left.
 */
final class EchoGensio extends AbstractGensio {

    private final EchoOptions options;
    private final byte[] buf;
    /** Total bytes ever put into and taken out of {@link #buf}; their difference is its fill. */
    private long tail;
    private long head;
    /** Bytes handed to the handler in the current view (possibly kept as a leftover). */
    private int pending;
    private boolean pumpQueued;
    private boolean writeReadyQueued;
    private boolean wrote;

    EchoGensio(EventLoop loop, EchoOptions options) {
        super("echo", loop, GensioState.CLOSED);
        this.options = options;
        this.buf = new byte[options.bufferSize()];
    }

    @Override
    public void open(Callback done) {
        moveTo(GensioState.OPENING);
        loop.execute(() -> {
            if (state() != GensioState.OPENING) {
                done.done(new GensioException("echo: closed while opening"));
                return;
            }
            head = 0;
            tail = 0;
            pending = 0;
            if (options.data() != null) {
                put(ByteBuffer.wrap(options.data()));
            }
            opened();
            done.done(null);
            if (options.justData()) {
                schedulePump();
            }
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
        loop.execute(() -> {
            closed();
            head = 0;
            tail = 0;
            pending = 0;
            done.done(null);
        });
    }

    @Override
    public int write(ByteBuffer src) throws GensioException {
        checkWritable();
        if (options.noecho()) {
            int n = src.remaining();
            src.position(src.limit());
            wrote = true;
            return n;
        }
        int n = put(src);
        if (n > 0) {
            wrote = true;
            schedulePump();
        }
        return n;
    }

    @Override
    public String remoteAddress() {
        return "echo";
    }

    private int room() {
        return buf.length - (int) (tail - head);
    }

    private int put(ByteBuffer src) {
        int n = Math.min(src.remaining(), room());
        for (int done = 0; done < n;) {
            int at = (int) (tail % buf.length);
            int chunk = Math.min(n - done, buf.length - at);
            src.get(buf, at, chunk);
            tail += chunk;
            done += chunk;
        }
        return n;
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

    private void schedulePump() {
        if (!pumpQueued) {
            pumpQueued = true;
            loop.execute(this::pump);
        }
    }

    private void pump() {
        pumpQueued = false;
        while (state() == GensioState.OPEN && isReadEnabled() && !hasLeftover()) {
            int size = (int) (tail - head);
            if (size == 0) {
                if (options.justData()) {
                    fireEnd(null);
                }
                return;
            }
            int at = (int) (head % buf.length);
            pending = Math.min(size, buf.length - at);
            if (!deliver(ByteBuffer.wrap(buf, at, pending).slice().asReadOnlyBuffer())) {
                return;
            }
            release();
        }
    }

    private void release() {
        head += pending;
        pending = 0;
        scheduleWriteReady();
    }

    private void scheduleWriteReady() {
        if (!writeReadyQueued) {
            writeReadyQueued = true;
            loop.execute(this::writeReady);
        }
    }

    private void writeReady() {
        writeReadyQueued = false;
        if (state() != GensioState.OPEN || !isWriteReadyEnabled() || !writable()) {
            return;
        }
        wrote = false;
        fireWriteReady();
        if (wrote && isWriteReadyEnabled() && writable()) {
            scheduleWriteReady();
        }
    }

    private boolean writable() {
        return options.noecho() || room() > 0;
    }
}
