package org.jser2net.gensio.core.testkit;

import java.net.SocketAddress;
import java.util.List;

import org.jser2net.gensio.api.Accepter;
import org.jser2net.gensio.api.AccepterHandler;
import org.jser2net.gensio.api.Callback;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.spi.GensioContext;

/** The accepter of a {@link MemoryTerminal}: listens on a name, hands out pipe ends. */
final class MemoryAccepter implements Accepter {

    /** The "address" a memory accepter is bound to. */
    static final class MemoryAddress extends SocketAddress {
        private static final long serialVersionUID = 1L;
        private final String name;

        MemoryAddress(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return "mem," + name;
        }
    }

    private static final AccepterHandler NOBODY = (acc, g) -> g.close(Callback.NONE);

    private final MemoryTerminal terminal;
    private final String name;
    private final GensioContext context;
    private final int capacity;
    private volatile AccepterHandler handler = NOBODY;
    private volatile boolean enabled = true;
    private volatile boolean up;

    MemoryAccepter(MemoryTerminal terminal, String name, GensioContext context, int capacity) {
        this.terminal = terminal;
        this.name = name;
        this.context = context;
        this.capacity = capacity;
    }

    @Override
    public String type() {
        return MemoryTerminal.TYPE;
    }

    @Override
    public void setHandler(AccepterHandler handler) {
        this.handler = handler == null ? NOBODY : handler;
    }

    @Override
    public void startup(Callback done) {
        boolean bound = terminal.bind(name, this);
        up = bound;
        Throwable error = bound ? null : new GensioException("mem," + name + " is already in use");
        context.loop().execute(() -> done.done(error));
    }

    @Override
    public void shutdown(Callback done) {
        up = false;
        terminal.unbind(name, this);
        context.loop().execute(() -> done.done(null));
    }

    @Override
    public void setAcceptEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public List<SocketAddress> localAddresses() {
        return up ? List.of(new MemoryAddress(name)) : List.of();
    }

    @Override
    public String stack() {
        return "mem," + name;
    }

    /** Takes a connecting end: makes and links the accepted end, then hands it out on its loop. */
    void connect(PipeGensio client) throws GensioException {
        if (!up || !enabled) {
            throw new GensioException("mem," + name + ": connection refused (not accepting)");
        }
        PipeGensio server = PipeGensio.accepted(MemoryTerminal.TYPE, context.nextLoop(), capacity,
                "mem," + name);
        PipeGensio.link(client, server);
        server.loop().execute(() -> handler.onConnection(this, server));
    }

    @Override
    public String toString() {
        return "MemoryAccepter[" + name + (up ? ", up" : ", down") + "]";
    }
}
