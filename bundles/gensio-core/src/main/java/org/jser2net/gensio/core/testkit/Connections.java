package org.jser2net.gensio.core.testkit;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jser2net.gensio.api.Accepter;
import org.jser2net.gensio.api.AccepterHandler;
import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.GensioHandler;

/**
 * An {@link AccepterHandler} for tests: queues the connections and the accept errors an accepter
 * reports, for the test thread to take. The take methods fail with an {@link AssertionError} when
 * nothing arrives within {@link Recorder#TIMEOUT}.
 */
public final class Connections implements AccepterHandler {

    private final BlockingQueue<Gensio> accepted = new LinkedBlockingQueue<>();
    private final BlockingQueue<Throwable> errors = new LinkedBlockingQueue<>();
    private volatile Accepter lastAccepter;

    @Override
    public void onConnection(Accepter accepter, Gensio gensio) {
        lastAccepter = accepter;
        accepted.add(gensio);
    }

    @Override
    public void onAcceptError(Accepter accepter, String remoteAddress, Throwable error) {
        errors.add(error);
    }

    /** The next connection; fails if none arrives. */
    public Gensio next() throws InterruptedException {
        Gensio g = accepted.poll(Recorder.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (g == null) {
            throw new AssertionError("no connection was accepted; accept errors: " + errors);
        }
        return g;
    }

    /** The next connection, made {@code handler}'s with reads enabled (on its loop). */
    public Gensio next(GensioHandler handler) throws Exception {
        Gensio g = next();
        OnLoop.run(g.loop(), () -> {
            g.setHandler(handler);
            g.setReadEnabled(true);
        });
        return g;
    }

    /** The next connection if one arrives within {@code wait}, else null. */
    public Gensio poll(Duration wait) throws InterruptedException {
        return accepted.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next accept error; fails if none is reported. */
    public Throwable nextError() throws InterruptedException {
        Throwable e = errors.poll(Recorder.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (e == null) {
            throw new AssertionError("no accept error was reported; accepted: " + accepted);
        }
        return e;
    }

    /** True when no connection waits to be taken. */
    public boolean isEmpty() {
        return accepted.isEmpty();
    }

    /** The accepter that handed out the latest connection, or null. */
    public Accepter lastAccepter() {
        return lastAccepter;
    }
}
