package org.jser2net.gensio.tcp.internal;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jser2net.gensio.api.Accepter;
import org.jser2net.gensio.api.AccepterHandler;
import org.jser2net.gensio.api.Gensio;

/** An accepter handler that queues the connections it gets. */
final class Connections implements AccepterHandler {

    private final BlockingQueue<Gensio> queue = new LinkedBlockingQueue<>();

    @Override
    public void onConnection(Accepter accepter, Gensio gensio) {
        queue.add(gensio);
    }

    Gensio take() throws InterruptedException {
        Gensio g = queue.poll(TestContext.TIMEOUT_S, TimeUnit.SECONDS);
        if (g == null) {
            throw new AssertionError("no connection arrived");
        }
        return g;
    }

    /** The next connection if one arrives within {@code ms}, else null. */
    Gensio poll(long ms) throws InterruptedException {
        return queue.poll(ms, TimeUnit.MILLISECONDS);
    }
}
