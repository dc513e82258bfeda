package org.jser2net.gensio.base;

import java.io.Closeable;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

import org.jser2net.gensio.api.Callback;
import org.jser2net.gensio.api.EventLoop;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.GensioState;
import org.jser2net.gensio.api.IoHandler;
import org.jser2net.gensio.api.IoRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A gensio over a connected stream {@link SocketChannel} (tcp or unix), used as is for accepted connections. */
public class StreamSocketGensio extends AbstractGensio implements IoHandler {

    private static final Logger LOG = LoggerFactory.getLogger(StreamSocketGensio.class);

    /** Reads per readiness event at most, so one busy socket cannot starve the rest of its loop. */
    private static final int MAX_READS_PER_EVENT = 4;

    private final int readBufferSize;
    private SocketChannel channel;
    private IoRegistration registration;
    // Direct, and allocated on the first read only, so an idle connection costs little.
    private ByteBuffer readBuffer;
    private String remote = "";
    private boolean inputDone;
    private GensioException failure;

    /**
     * An accepted connection, open at once with reads disabled; must be created on {@code loop}.
     *
     * @param remote the peer as gensio prints it, see {@link NetAddress#format}
     */
    public StreamSocketGensio(String type, EventLoop loop, int readBufferSize, SocketChannel channel, String remote)
            throws IOException {
        super(type, loop, GensioState.OPEN);
        this.readBufferSize = readBufferSize;
        attach(channel);
        this.remote = remote;
    }

    /** A connector: closed until it attaches a connecting channel. */
    StreamSocketGensio(String type, EventLoop loop, int readBufferSize) {
        super(type, loop, GensioState.CLOSED);
        this.readBufferSize = readBufferSize;
    }

    /** Registers {@code ch} (made non-blocking) with the loop, with no interest yet. */
    final void attach(SocketChannel ch) throws IOException {
        channel = ch;
        registration = loop.register(ch, 0, this);
    }

    /** The channel while attached, else null. */
    protected final SocketChannel channel() {
        return channel;
    }

    final IoRegistration registration() {
        return registration;
    }

    final void setRemote(String remote) {
        this.remote = remote;
    }

    @Override
    public String remoteAddress() {
        return remote;
    }

    /** The socket's local address (gensio's {@code laddr}) while it has one, else null; on the loop. */
    public final SocketAddress localAddress() {
        try {
            return channel == null ? null : channel.getLocalAddress();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void open(Callback done) {
        complete(done, new GensioException(type() + ": an accepted connection cannot be opened again"));
    }

    @Override
    public final void onReady(int ops) {
        if ((ops & SelectionKey.OP_CONNECT) != 0) {
            connectReady();
            return;
        }
        if ((ops & SelectionKey.OP_READ) != 0) {
            readReady();
        }
        if ((ops & SelectionKey.OP_WRITE) != 0) {
            fireWriteReady();
        }
    }

    /** The pending connect finished (or failed); for connectors. */
    void connectReady() {
    }

    private void readReady() {
        ByteBuffer buf = readBuffer;
        if (buf == null) {
            buf = ByteBuffer.allocateDirect(readBufferSize);
            readBuffer = buf;
        }
        for (int i = 0; i < MAX_READS_PER_EVENT; i++) {
            // The handler may have closed us or paused reads during the previous delivery.
            if (!isReadEnabled() || hasLeftover() || state() != GensioState.OPEN) {
                return;
            }
            int n;
            try {
                n = channel.read(buf);
            } catch (IOException e) {
                inputEnded();
                fireEnd(failed("read from", e));
                return;
            }
            if (n <= 0) {
                if (n < 0) {
                    inputEnded();
                    fireEnd(null);
                }
                return;
            }
            buf.flip();
            if (!deliver(buf)) {
                return;
            }
            buf.clear();
            if (n < readBufferSize) {
                return;
            }
        }
    }

    private void inputEnded() {
        inputDone = true;
        registration.interest(SelectionKey.OP_READ, false);
    }

    private GensioException failed(String what, IOException e) {
        if (failure == null) {
            failure = new GensioException(type() + ": " + what + " " + remote + " failed: " + e.getMessage(), e);
        }
        return failure;
    }

    // OP_READ is armed only while reads are enabled and no leftover waits (AbstractGensio sees to that).
    @Override
    protected final void readEnableChanged(boolean enabled) {
        if (registration != null && !inputDone) {
            registration.interest(SelectionKey.OP_READ, enabled);
        }
    }

    @Override
    protected final void writeReadyEnableChanged(boolean enabled) {
        if (registration != null) {
            registration.interest(SelectionKey.OP_WRITE, enabled);
        }
    }

    @Override
    public final int write(ByteBuffer src) throws GensioException {
        checkWritable();
        if (failure != null) {
            throw failure;
        }
        try {
            return channel.write(src);
        } catch (IOException e) {
            GensioException f = failed("write to", e);
            loop.execute(() -> fireEnd(f));
            throw f;
        }
    }

    @Override
    public final void close(Callback done) {
        GensioState s = state();
        if (s == GensioState.CLOSED) {
            complete(done, null);
            return;
        }
        if (s == GensioState.OPENING) {
            openAborted();
        }
        moveTo(GensioState.CLOSING);
        release();
        closed();
        complete(done, null);
    }

    /** Close was called while opening; the connector fails its pending open. */
    void openAborted() {
    }

    /** Drops the channel and its registration and forgets the session state. */
    final void release() {
        if (registration != null) {
            registration.cancel();
            registration = null;
        }
        if (channel != null) {
            closeQuietly(channel, type() + ": closing " + remote);
            channel = null;
        }
        readBuffer = null;
        inputDone = false;
        failure = null;
    }

    /** Closes {@code c}, logging a failure at debug level with {@code what}. */
    static void closeQuietly(Closeable c, String what) {
        try {
            c.close();
        } catch (IOException e) {
            LOG.debug("{}", what, e);
        }
    }
}
