package org.jser2net.gensio.core.testkit;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.GensioHandler;

/**
 * A bulk transfer between two open gensios, for flow-control tests: {@code new BulkTransfer(payload,
 * 7).start(client, server).assertDelivered(timeout)}. The writing end writes the payload as fast as
 * {@code write} takes it. The reading end starts paused and is resumed at the first short write,
 * so the writer must meet back-pressure; every {@code halveEvery}-th delivery it consumes only half
 * and turns reads on again, exercising the leftover rule.
 */
public final class BulkTransfer {

    private final byte[] payload;
    private final ByteBuffer src;
    private final byte[] received;
    private final int halveEvery;
    private final CompletableFuture<Void> allOut = new CompletableFuture<>();
    private final CompletableFuture<Integer> allIn = new CompletableFuture<>();
    /** Completes when both sides are done, or fails as soon as either fails (the other may stall). */
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private volatile Gensio reader;
    private volatile int shortWrites;

    public BulkTransfer(byte[] payload, int halveEvery) {
        this.payload = payload;
        this.src = ByteBuffer.wrap(payload);
        this.received = new byte[payload.length];
        this.halveEvery = halveEvery;
        allOut.whenComplete((v, e) -> settle(e));
        allIn.whenComplete((v, e) -> settle(e));
    }

    /** Makes {@code to} the paused reader and {@code from} the writer, and starts writing. */
    public BulkTransfer start(Gensio from, Gensio to) throws Exception {
        reader = to;
        OnLoop.run(to.loop(), () -> {
            to.setReadEnabled(false);
            to.setHandler(new Reader());
        });
        OnLoop.run(from.loop(), () -> {
            from.setHandler(new Writer());
            from.setWriteReadyEnabled(true);
        });
        return this;
    }

    /**
     * Waits for the transfer; fails unless the reader got the whole payload intact and in order and
     * the writer met back-pressure (a short write) on the way.
     */
    public void assertDelivered(Duration timeout) throws Exception {
        try {
            finished.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("the transfer failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("the transfer did not finish within " + timeout + " (written: "
                    + allOut.isDone() + ", received: " + allIn.isDone() + ")", e);
        }
        int n = allIn.join();
        if (n != payload.length) {
            throw new AssertionError("received " + n + " of " + payload.length + " bytes");
        }
        if (shortWrites == 0) {
            throw new AssertionError("the writer never met back-pressure");
        }
        int at = Arrays.mismatch(payload, received);
        if (at >= 0) {
            throw new AssertionError("the payload arrived changed from byte " + at + " on");
        }
    }

    private void settle(Throwable error) {
        if (error != null) {
            finished.completeExceptionally(error);
        } else if (allOut.isDone() && allIn.isDone()) {
            finished.complete(null);
        }
    }

    /** Writes until a short write, resuming the reader at the first one. */
    private final class Writer implements GensioHandler {
        @Override
        public void onData(Gensio g, ByteBuffer data) {
            data.position(data.limit());
        }

        @Override
        public void onWriteReady(Gensio g) {
            try {
                while (src.hasRemaining()) {
                    int offered = src.remaining();
                    if (g.write(src) < offered) {
                        if (shortWrites++ == 0) {
                            Gensio r = reader;
                            r.loop().execute(() -> r.setReadEnabled(true));
                        }
                        return;
                    }
                }
                g.setWriteReadyEnabled(false);
                allOut.complete(null);
            } catch (GensioException e) {
                allOut.completeExceptionally(e);
            }
        }

        @Override
        public void onEnd(Gensio g, Throwable error) {
            allOut.completeExceptionally(new AssertionError("the writer's gensio ended", error));
        }
    }

    /** Copies what arrives; every {@code halveEvery}-th delivery it leaves half as a leftover. */
    private final class Reader implements GensioHandler {
        private int pos;
        private int calls;

        @Override
        public void onData(Gensio g, ByteBuffer data) {
            int n = data.remaining();
            if (++calls % halveEvery == 0 && n > 1) {
                n /= 2;
                g.loop().execute(() -> g.setReadEnabled(true));
            }
            data.get(received, pos, n);
            pos += n;
            if (pos == received.length) {
                allIn.complete(pos);
            }
        }

        @Override
        public void onWriteReady(Gensio g) {
        }

        @Override
        public void onEnd(Gensio g, Throwable error) {
            allIn.completeExceptionally(new AssertionError("ended after " + pos + " bytes", error));
        }
    }
}
