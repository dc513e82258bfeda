package org.jser2net.gensio.core.internal;

import java.nio.ByteBuffer;

import org.jser2net.gensio.api.Callback;
import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.GensioHandler;
import org.jser2net.gensio.api.GensioState;
import org.jser2net.gensio.base.AbstractGensio;

/**
 * A small filter for registry tests: upper-cases bytes in both directions when asked to, and can
 * write a greeting to its child as its open "handshake", fail that handshake, or hold it until the
 * peer sends a first byte (which the handshake consumes).
 */
final class TestFilter extends AbstractGensio implements GensioHandler {

    private final Gensio child;
    private final boolean upper;
    private final String greeting;
    private final boolean fail;
    private final boolean hold;
    private final ByteBuffer in = ByteBuffer.allocate(256);
    /** The open waiting for the peer's first byte, with {@code hold}. */
    private Callback held;
    private boolean heard;

    TestFilter(String type, Gensio child, boolean upper, String greeting, boolean fail, boolean hold) {
        super(type, child.loop(), GensioState.CLOSED);
        this.child = child;
        this.upper = upper;
        this.greeting = greeting;
        this.fail = fail;
        this.hold = hold;
        child.setHandler(this);
    }

    @Override
    public Gensio child() {
        return child;
    }

    @Override
    public void open(Callback done) {
        moveTo(GensioState.OPENING);
        if (child.state() == GensioState.OPEN) {
            handshake(done);
        } else {
            child.open(err -> {
                if (err != null) {
                    closed();
                    done.done(err);
                } else {
                    handshake(done);
                }
            });
        }
    }

    private void handshake(Callback done) {
        if (hold && !heard) {
            held = done;
            child.setReadEnabled(true);
            return;
        }
        if (fail) {
            closed();
            done.done(new GensioException(type() + ": handshake refused"));
            return;
        }
        try {
            if (greeting != null) {
                ByteBuffer g = ByteBuffer.wrap(greeting.getBytes());
                child.write(g);
                if (g.hasRemaining()) {
                    throw new GensioException("greeting did not fit");
                }
            }
        } catch (GensioException e) {
            closed();
            done.done(e);
            return;
        }
        opened();
        done.done(null);
    }

    @Override
    public void close(Callback done) {
        if (state() == GensioState.CLOSED) {
            complete(done, null);
            return;
        }
        Callback opening = held;
        held = null;
        moveTo(GensioState.CLOSING);
        child.close(err -> {
            closed();
            if (opening != null) {
                opening.done(new GensioException(type() + ": closed during the handshake"));
            }
            done.done(err);
        });
    }

    @Override
    public int write(ByteBuffer src) throws GensioException {
        checkWritable();
        byte[] out = new byte[src.remaining()];
        src.duplicate().get(out);
        for (int i = 0; i < out.length; i++) {
            out[i] = map(out[i]);
        }
        int n = child.write(ByteBuffer.wrap(out));
        src.position(src.position() + n);
        return n;
    }

    private byte map(byte b) {
        return upper && b >= 'a' && b <= 'z' ? (byte) (b - 32) : b;
    }

    @Override
    protected void readEnableChanged(boolean enabled) {
        child.setReadEnabled(enabled);
    }

    @Override
    protected void writeReadyEnableChanged(boolean enabled) {
        child.setWriteReadyEnabled(enabled);
    }

    /** Passes the child's bytes up in chunks; stops when reads go off (the child keeps the rest). */
    @Override
    public void onData(Gensio g, ByteBuffer data) {
        if (held != null) {
            Callback done = held;
            held = null;
            heard = true;
            data.get();
            child.setReadEnabled(false);
            handshake(done);
            return;
        }
        while (data.hasRemaining() && isReadEnabled()) {
            in.clear();
            while (in.hasRemaining() && data.hasRemaining()) {
                in.put(map(data.get()));
            }
            in.flip();
            if (!deliver(in)) {
                return;
            }
        }
    }

    @Override
    public void onWriteReady(Gensio g) {
        fireWriteReady();
    }

    @Override
    public void onEnd(Gensio g, Throwable error) {
        fireEnd(error);
    }
}
