package org.jser2net.gensio.base;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

import org.jser2net.gensio.api.Callback;
import org.jser2net.gensio.api.EventLoop;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.GensioState;

/** A {@link StreamSocketGensio} that opens by connecting, with the pending-open bookkeeping done. */
public abstract class StreamSocketConnector extends StreamSocketGensio {

    private final String target;
    private Callback openDone;

    /** @param target what is connected to, as messages name it ({@code localhost,3000}, a socket path) */
    protected StreamSocketConnector(String type, EventLoop loop, int readBufferSize, String target) {
        super(type, loop, readBufferSize);
        this.target = target;
    }

    @Override
    public final void open(Callback done) {
        if (state() != GensioState.CLOSED) {
            complete(done, new GensioException(type() + ": " + target + " is already "
                    + state().name().toLowerCase()));
            return;
        }
        moveTo(GensioState.OPENING);
        openDone = done;
        startConnecting();
    }

    /**
     * Opens a socket and hands it to {@link #connect}, or reports {@link #openFailed}; it may do so
     * again from {@link #connectFailed} to try another address.
     */
    protected abstract void startConnecting();

    /** Connects {@code ch} without blocking; the outcome goes to {@link #connected} or {@link #connectFailed}. */
    protected final void connect(SocketChannel ch, SocketAddress address) {
        boolean now;
        try {
            attach(ch);
            now = ch.connect(address);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // An unsupported or unresolved address is reported like a refused connection.
            release();
            connectFailed(e instanceof IOException io ? io : new IOException(e.getMessage(), e));
            return;
        }
        if (now) {
            connected();
        } else {
            registration().interest(SelectionKey.OP_CONNECT);
        }
    }

    @Override
    final void connectReady() {
        try {
            if (!channel().finishConnect()) {
                return;
            }
        } catch (IOException e) {
            release();
            connectFailed(e);
            return;
        }
        registration().interest(0);
        connected();
    }

    /** The socket is connected: the subclass names the peer with {@link #openSucceeded}. */
    protected abstract void connected();

    /** Connecting failed and the socket is released: try another address, or {@link #openFailed}. */
    protected abstract void connectFailed(IOException error);

    /** Completes the pending open: now open, with {@code remote} as the peer's name. */
    protected final void openSucceeded(String remote) {
        setRemote(remote);
        Callback done = openDone;
        openDone = null;
        opened();
        complete(done, null);
    }

    /** Fails the pending open with {@code error}; the gensio is closed again and may be reopened. */
    protected final void openFailed(GensioException error) {
        release();
        Callback done = openDone;
        openDone = null;
        closed();
        complete(done, error);
    }

    @Override
    final void openAborted() {
        Callback done = openDone;
        openDone = null;
        if (done != null) {
            complete(done, new GensioException(type() + ": connecting to " + target + " was cancelled by close"));
        }
    }
}
