package org.jser2net.gensio.core.internal;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jser2net.gensio.api.Accepter;
import org.jser2net.gensio.api.AccepterHandler;
import org.jser2net.gensio.api.Gensio;

/** Collects what an accepter hands out, for tests. */
final class Connections implements AccepterHandler {

    final BlockingQueue<Gensio> accepted = new LinkedBlockingQueue<>();
    final BlockingQueue<Throwable> errors = new LinkedBlockingQueue<>();
    volatile Accepter lastAccepter;

    @Override
    public void onConnection(Accepter accepter, Gensio gensio) {
        lastAccepter = accepter;
        accepted.add(gensio);
    }

    @Override
    public void onAcceptError(Accepter accepter, String remoteAddress, Throwable error) {
        errors.add(error);
    }

    Gensio next() throws InterruptedException {
        Gensio g = accepted.poll(10, TimeUnit.SECONDS);
        if (g == null) {
            throw new AssertionError("no connection was accepted; errors: " + errors);
        }
        return g;
    }

    Throwable nextError() throws InterruptedException {
        Throwable e = errors.poll(10, TimeUnit.SECONDS);
        if (e == null) {
            throw new AssertionError("no accept error was reported; accepted: " + accepted);
        }
        return e;
    }
}
