package org.jser2net.gensio.unix.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.GensioHandler;

/** A handler that keeps everything it receives and completes {@link #end} when the stream ends. */
class Collector implements GensioHandler {

    final CompletableFuture<Throwable> end = new CompletableFuture<>();
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();
    private int calls;

    @Override
    public void onData(Gensio gensio, ByteBuffer buf) {
        synchronized (data) {
            calls++;
            while (buf.hasRemaining()) {
                data.write(buf.get());
            }
            data.notifyAll();
        }
    }

    @Override
    public void onWriteReady(Gensio gensio) {
    }

    @Override
    public void onEnd(Gensio gensio, Throwable error) {
        end.complete(error);
    }

    String text() {
        synchronized (data) {
            return data.toString(StandardCharsets.ISO_8859_1);
        }
    }

    int calls() {
        synchronized (data) {
            return calls;
        }
    }

    /** Waits until at least {@code n} bytes arrived; returns all received so far. */
    String awaitBytes(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TestContext.TIMEOUT_S);
        synchronized (data) {
            while (data.size() < n) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new AssertionError("got only " + data.size() + " of " + n + " bytes: " + text());
                }
                data.wait(left);
            }
            return text();
        }
    }

    Throwable awaitEnd() throws Exception {
        return end.get(TestContext.TIMEOUT_S, TimeUnit.SECONDS);
    }
}
