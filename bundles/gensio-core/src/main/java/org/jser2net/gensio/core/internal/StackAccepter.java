package org.jser2net.gensio.core.internal;

import java.net.SocketAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jser2net.gensio.api.Accepter;
import org.jser2net.gensio.api.AccepterHandler;
import org.jser2net.gensio.api.Callback;
import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.GensioState;
import org.jser2net.gensio.api.spi.FilterFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An accepter for a stack with filters: the terminal accepter listens, and every connection it
 * produces is wrapped with the filter layers (bottom up), opened so that each layer's handshake
 * runs, and only then handed to the user's handler. Connections still in their handshake are
 * closed at shutdown.
 */
final class StackAccepter implements Accepter, AccepterHandler {

    private static final Logger LOG = LoggerFactory.getLogger(StackAccepter.class);

    /** Used until the user sets a handler: nobody wants the connection, so it is closed. */
    private static final AccepterHandler NOBODY = (acc, gensio) -> gensio.close(Callback.NONE);

    /** A connection whose layers are opening; whoever removes it from {@link #pending} owns it. */
    private static final class Handshake {
        final Gensio top;
        final Gensio raw;

        Handshake(Gensio top, Gensio raw) {
            this.top = top;
            this.raw = raw;
        }
    }

    private final String stack;
    private final String type;
    private final Accepter terminal;
    private final List<FilterFactory> factories;
    private volatile AccepterHandler handler = NOBODY;
    private volatile boolean up;
    /** Connections in their handshake, on any loop. */
    private final Set<Handshake> pending = ConcurrentHashMap.newKeySet();

    /**
     * @param factories the configured filter layers, top first
     */
    StackAccepter(String stack, String type, Accepter terminal, List<FilterFactory> factories) {
        this.stack = stack;
        this.type = type;
        this.terminal = terminal;
        this.factories = List.copyOf(factories);
        terminal.setHandler(this);
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public void setHandler(AccepterHandler handler) {
        this.handler = handler == null ? NOBODY : handler;
    }

    @Override
    public void startup(Callback done) {
        up = true;
        terminal.startup(done);
    }

    @Override
    public void shutdown(Callback done) {
        up = false;
        for (Handshake h : pending) {
            if (pending.remove(h)) {
                LOG.debug("{}: closing connection from {} still in its handshake", stack, h.raw.remoteAddress());
                try {
                    h.raw.loop().execute(() -> closeAll(h.top, h.raw));
                } catch (IllegalStateException e) {
                    LOG.debug("{}: cannot close {}: its loop has stopped", stack, h.raw, e);
                }
            }
        }
        terminal.shutdown(done);
    }

    /** How many connections are in their handshake; for tests. */
    int pendingHandshakes() {
        return pending.size();
    }

    @Override
    public void setAcceptEnabled(boolean enabled) {
        terminal.setAcceptEnabled(enabled);
    }

    @Override
    public List<SocketAddress> localAddresses() {
        return terminal.localAddresses();
    }

    @Override
    public String stack() {
        return stack;
    }

    /** A raw connection from the terminal: wrap it, run the handshakes, then pass it on. */
    @Override
    public void onConnection(Accepter from, Gensio raw) {
        String remote = raw.remoteAddress();
        Gensio top = raw;
        try {
            for (int i = factories.size() - 1; i >= 0; i--) {
                top = factories.get(i).wrap(top);
            }
        } catch (GensioException | RuntimeException e) {
            fail(remote, new GensioException("cannot set up \"" + stack + "\" for a connection from "
                    + remote + ": " + e.getMessage(), e), top, raw);
            return;
        }
        Handshake h = new Handshake(top, raw);
        pending.add(h);
        // Checked after the add: either this sees the shutdown, or the shutdown sees the handshake.
        if (!up) {
            if (pending.remove(h)) {
                LOG.debug("{}: dropping connection from {} that arrived after shutdown", stack, remote);
                closeAll(top, raw);
            }
            return;
        }
        top.open(error -> {
            if (!pending.remove(h)) {
                return; // closed by shutdown meanwhile
            }
            if (error != null) {
                fail(remote, error, h.top, raw);
            } else if (!up) {
                LOG.debug("{}: dropping connection from {} finished after shutdown", stack, remote);
                closeAll(h.top, raw);
            } else {
                handler.onConnection(this, h.top);
            }
        });
    }

    @Override
    public void onAcceptError(Accepter from, String remoteAddress, Throwable error) {
        handler.onAcceptError(this, remoteAddress, error);
    }

    private void fail(String remote, Throwable error, Gensio top, Gensio raw) {
        LOG.debug("{}: connection from {} failed: {}", stack, remote, error.toString());
        try {
            handler.onAcceptError(this, remote, error);
        } finally {
            closeAll(top, raw);
        }
    }

    /** Closes the stack from the top and, should a layer have left it open, the raw connection. */
    private static void closeAll(Gensio top, Gensio raw) {
        top.close(e -> {
            if (raw != top && raw.state() != GensioState.CLOSED && raw.state() != GensioState.CLOSING) {
                raw.close(Callback.NONE);
            }
        });
    }

    @Override
    public String toString() {
        return "accepter[" + stack + "]";
    }
}
