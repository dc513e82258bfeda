package org.jser2net.gensio.core.testkit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jser2net.gensio.api.Accepter;
import org.jser2net.gensio.api.AccepterHandler;
import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.GensioHandler;
import org.jser2net.gensio.api.LayerSpec;
import org.jser2net.gensio.api.spi.TerminalProvider;

/**
 * Drives one {@link TerminalProvider} from a test thread over a {@link TestContext}: starts
 * accepters and opens connectors, waiting for each step. Closing it shuts down the accepters it
 * started and stops the context's loops.
 */
public final class TerminalDriver implements AutoCloseable {

    private final TerminalProvider provider;
    private final TestContext context;
    private final List<Accepter> started = new CopyOnWriteArrayList<>();

    public TerminalDriver(TerminalProvider provider, TestContext context) {
        this.provider = provider;
        this.context = context;
    }

    public TestContext context() {
        return context;
    }

    /** Builds an accepter for {@code layer} and starts it with {@code handler}; fails if it does not start. */
    public Accepter listen(LayerSpec layer, AccepterHandler handler) throws Exception {
        Accepter accepter = provider.accepter(layer, context);
        Throwable error = startup(accepter, handler);
        if (error != null) {
            throw new AssertionError("startup of " + layer + " failed: " + error, error);
        }
        return accepter;
    }

    /** Starts {@code accepter} with {@code handler}; returns the startup error, or null once listening. */
    public Throwable startup(Accepter accepter, AccepterHandler handler) {
        accepter.setHandler(handler);
        Completion done = new Completion();
        accepter.startup(done);
        Throwable error = done.await();
        if (error == null) {
            started.add(accepter);
        }
        return error;
    }

    /** Shuts {@code accepter} down and waits; fails if the shutdown reports an error. */
    public void shutdown(Accepter accepter) {
        started.remove(accepter);
        Completion done = new Completion();
        accepter.shutdown(done);
        done.awaitSuccess();
    }

    /** Builds a connector for {@code layer} on the context's loop, not yet open. */
    public Gensio connector(LayerSpec layer) throws Exception {
        return OnLoop.call(context.loop(), () -> provider.connector(layer, context));
    }

    /** Builds and opens a connector with {@code handler} and enables its reads; fails if the open fails. */
    public Gensio connect(LayerSpec layer, GensioHandler handler) throws Exception {
        Gensio gensio = connector(layer);
        Throwable error = OnLoop.open(gensio, handler);
        if (error != null) {
            throw new AssertionError("open of " + layer + " failed: " + error, error);
        }
        OnLoop.run(gensio.loop(), () -> gensio.setReadEnabled(true));
        return gensio;
    }

    /** Shuts down the accepters still running (ignoring their errors) and stops the loops. */
    @Override
    public void close() {
        try {
            for (Accepter accepter : started) {
                Completion done = new Completion();
                accepter.shutdown(done);
                done.await();
            }
            started.clear();
        } finally {
            context.close();
        }
    }
}
