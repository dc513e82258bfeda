package org.jser2net.gensio.echo.internal;

import java.nio.ByteBuffer;

import org.jser2net.gensio.api.Callback;
import org.jser2net.gensio.api.EventLoop;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.GensioState;
import org.jser2net.gensio.base.RingGensio;

/**
 * The echo connector: bytes written come back as read data through its own bounded ring, so a
 * writer that does not read is stopped ({@code write} returns 0) instead of growing the heap. With
 * noecho it is a sink that takes everything; with data it first supplies those bytes.
 */
final class EchoGensio extends RingGensio {

    private final EchoOptions options;

    EchoGensio(EventLoop loop, EchoOptions options) {
        super("echo", loop, GensioState.CLOSED, options.bufferSize());
        this.options = options;
    }

    @Override
    public void open(Callback done) {
        moveTo(GensioState.OPENING);
        loop.execute(() -> {
            if (state() != GensioState.OPENING) {
                done.done(new GensioException("echo: closed while opening"));
                return;
            }
            resetRing();
            if (options.data() != null) {
                inbound().put(ByteBuffer.wrap(options.data()));
            }
            opened();
            done.done(null);
            if (options.justData()) {
                schedulePump();
            }
        });
    }

    @Override
    public int write(ByteBuffer src) throws GensioException {
        checkWritable();
        if (options.noecho()) {
            int n = src.remaining();
            src.position(src.limit());
            markWritten();
            return n;
        }
        return writeTo(this, src);
    }

    @Override
    public String remoteAddress() {
        return "echo";
    }

    @Override
    protected boolean endWhenEmpty() {
        return options.justData();
    }

    @Override
    protected void roomFreed() {
        scheduleWriteReady();
    }

    @Override
    protected boolean writable() {
        return options.noecho() || inbound().room() > 0;
    }
}
