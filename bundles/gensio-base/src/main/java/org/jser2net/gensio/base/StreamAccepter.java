package org.jser2net.gensio.base;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jser2net.gensio.api.Accepter;
import org.jser2net.gensio.api.AccepterHandler;
import org.jser2net.gensio.api.Callback;
import org.jser2net.gensio.api.EventLoop;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.IoRegistration;
import org.jser2net.gensio.api.spi.GensioContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An accepter of stream sockets: listeners on its own loop, accepted connections spread over the loops. */
public abstract class StreamAccepter implements Accepter {

    private static final Logger LOG = LoggerFactory.getLogger(StreamAccepter.class);
    /** How many connections one readiness event takes at most. */
    private static final int MAX_ACCEPTS_PER_EVENT = 16;
    private static final long ACCEPT_ERROR_PAUSE_MS = 100;

    /** One listening socket and its registration; confined to the loop. */
    private static final class Listener {
        final ServerSocketChannel channel;
        IoRegistration registration;

        Listener(ServerSocketChannel channel) {
            this.channel = channel;
        }
    }

    private final String type;
    private final GensioContext context;
    private final String stack;
    private final int readBufferSize;
    /** The accepter's loop, on which all listeners run. */
    private final EventLoop loop;
    private final List<Listener> listeners = new ArrayList<>();
    private volatile AccepterHandler handler;
    private volatile List<SocketAddress> bound = List.of();
    private boolean acceptEnabled = true;

    /** @param readBufferSize the read buffer of each accepted {@link StreamSocketGensio} */
    protected StreamAccepter(String type, GensioContext context, String stack, int readBufferSize) {
        this.type = type;
        this.context = context;
        this.loop = context.loop();
        this.stack = stack;
        this.readBufferSize = readBufferSize;
    }

    @Override
    public final String type() {
        return type;
    }

    @Override
    public final String stack() {
        return stack;
    }

    @Override
    public final void setHandler(AccepterHandler handler) {
        this.handler = handler;
    }

    @Override
    public final List<SocketAddress> localAddresses() {
        return bound;
    }

    /**
     * {@inheritDoc} The bind runs one loop turn later, after a select, so that a listener on the
     * same port closed just before (by a shutdown queued earlier, even in the same loop task) has
     * been released.
     */
    @Override
    public final void startup(Callback done) {
        loop.execute(() -> loop.execute(() -> {
            if (!listeners.isEmpty()) {
                done.done(new GensioException(type + ": " + stack + " is already listening"));
                return;
            }
            try {
                listen();
                List<SocketAddress> addrs = new ArrayList<>();
                for (Listener l : listeners) {
                    addrs.add(l.channel.getLocalAddress());
                }
                bound = List.copyOf(addrs);
            } catch (IOException | RuntimeException e) {
                stop();
                Throwable error = e instanceof GensioException ? e
                        : new GensioException(type + ": cannot listen on " + stack + ": " + e.getMessage(), e);
                // As at shutdown: the listeners just closed are released by the next select.
                loop.execute(() -> done.done(error));
                return;
            }
            done.done(null);
        }));
    }

    /**
     * Binds the sockets and passes each to {@link #listenOn}; on the loop. A {@link GensioException}
     * is reported as is, another IOException as failing to listen on the stack.
     */
    protected abstract void listen() throws IOException;

    /** Starts accepting on a bound {@code channel} (closed here if that fails); for {@link #listen}. */
    protected final void listenOn(ServerSocketChannel channel) throws IOException {
        Listener l = new Listener(channel);
        try {
            l.registration = loop.register(channel, acceptEnabled ? SelectionKey.OP_ACCEPT : 0, ops -> acceptSome(l));
        } catch (IOException | RuntimeException e) {
            StreamSocketGensio.closeQuietly(channel, type + ": closing a listener of " + stack);
            throw e;
        }
        listeners.add(l);
    }

    /** Closes every listener, as before a new attempt to bind; on the loop. */
    protected final void closeListeners() {
        for (Listener l : listeners) {
            l.registration.cancel();
            l.registration = null;
            StreamSocketGensio.closeQuietly(l.channel, type + ": closing a listener of " + stack);
        }
        listeners.clear();
        bound = List.of();
    }

    /**
     * {@inheritDoc} A channel registered with a selector is only really closed at the loop's next
     * select, so {@code done} runs one loop turn after the close: by then the port is free.
     */
    @Override
    public final void shutdown(Callback done) {
        loop.execute(() -> {
            stop();
            loop.execute(() -> done.done(null));
        });
    }

    private void stop() {
        closeListeners();
        stopped();
    }

    /** The listeners were closed (at shutdown, or after a failed startup): release what goes with them. */
    protected void stopped() {
    }

    @Override
    public final void setAcceptEnabled(boolean enabled) {
        Runnable change = () -> {
            acceptEnabled = enabled;
            listeners.forEach(l -> l.registration.interest(enabled ? SelectionKey.OP_ACCEPT : 0));
        };
        // On the loop it takes effect at once, so no connection of the current batch slips through.
        if (loop.inLoop()) {
            change.run();
        } else {
            loop.execute(change);
        }
    }

    /**
     * Prepares a connection accepted on {@code listener} and names its peer as gensio prints it, or
     * returns null to hang up on it.
     */
    protected abstract String admit(ServerSocketChannel listener, SocketChannel connection) throws IOException;

    private void acceptSome(Listener l) {
        for (int i = 0; i < MAX_ACCEPTS_PER_EVENT && l.registration != null && l.registration.interest() != 0; i++) {
            SocketChannel c;
            String remote;
            try {
                c = l.channel.accept();
            } catch (IOException e) {
                acceptFailed(l, e);
                return;
            }
            if (c == null) {
                return;
            }
            try {
                remote = admit(l.channel, c);
            } catch (IOException | RuntimeException e) {
                StreamSocketGensio.closeQuietly(c, type + ": closing a refused connection");
                report("", e);
                continue;
            }
            if (remote == null) {
                StreamSocketGensio.closeQuietly(c, type + ": closing a refused connection");
                continue;
            }
            EventLoop target = context.nextLoop();
            try {
                target.execute(() -> handOver(target, c, remote));
            } catch (RuntimeException e) {
                // Typically the loop has stopped (the registry is going down).
                StreamSocketGensio.closeQuietly(c, type + ": closing " + remote);
                report(remote, e);
            }
        }
    }

    private void handOver(EventLoop target, SocketChannel c, String remote) {
        StreamSocketGensio g;
        try {
            g = new StreamSocketGensio(type, target, readBufferSize, c, remote);
        } catch (IOException | RuntimeException e) {
            StreamSocketGensio.closeQuietly(c, type + ": closing " + remote);
            report(remote, e);
            return;
        }
        AccepterHandler h = handler;
        if (h == null) {
            LOG.warn("{}: {} has no handler, dropping the connection from {}", type, stack, remote);
            g.close(Callback.NONE);
            return;
        }
        h.onConnection(this, g);
    }

    private void acceptFailed(Listener l, IOException error) {
        // Typically out of file descriptors: pause that listener briefly instead of spinning.
        l.registration.interest(0);
        loop.schedule(() -> {
            if (l.registration != null) {
                l.registration.interest(acceptEnabled ? SelectionKey.OP_ACCEPT : 0);
            }
        }, ACCEPT_ERROR_PAUSE_MS, TimeUnit.MILLISECONDS);
        report("", error);
    }

    private void report(String remote, Exception e) {
        LOG.warn("{}: {}: accepting a connection failed: {}", type, stack, e.getMessage());
        AccepterHandler h = handler;
        if (h != null) {
            h.onAcceptError(this, remote, new GensioException(type + ": accept on " + stack + " failed: "
                    + e.getMessage(), e));
        }
    }
}
