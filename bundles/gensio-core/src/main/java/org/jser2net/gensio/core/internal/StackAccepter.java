package org.jser2net.gensio.core.internal;

import java.net.SocketAddress;
import java.util.List;

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
 * runs, and only then handed to the user's handler.
 */
final class StackAccepter implements Accepter, AccepterHandler {

    private static final Logger LOG = LoggerFactory.getLogger(StackAccepter.class);

    /** Used until the user sets a handler: nobody wants the connection, so it is closed. */
    private static final AccepterHandler NOBODY = (acc, gensio) -> gensio.close(Callback.NONE);

    private final String stack;
    private final String type;
    private final Accepter terminal;
    private final List<FilterFactory> factories;
    private volatile AccepterHandler handler = NOBODY;
    private volatile boolean up;

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
        terminal.shutdown(done);
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
        Gensio built = top;
        built.open(error -> {
            if (error != null) {
                fail(remote, error, built, raw);
            } else if (!up) {
                LOG.debug("{}: dropping connection from {} finished after shutdown", stack, remote);
                closeAll(built, raw);
            } else {
                handler.onConnection(this, built);
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
