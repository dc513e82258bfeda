package org.jser2net.gensio.core.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.GensioHandler;
import org.jser2net.gensio.api.serial.SerialEvent;

/**
 * A {@link GensioHandler} for tests: collects the bytes and events a gensio delivers, and sends
 * queued bytes with flow control (write until 0, then wait for write-ready). The await methods
 * block the test thread, never the loop; they fail with an {@link AssertionError} on timeout.
 */
public final class Recorder implements GensioHandler {

    /** How long the await methods wait unless told otherwise. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final List<String> events = new ArrayList<>();
    private final Deque<ByteBuffer> outgoing = new ArrayDeque<>();
    private int consumeLimit = Integer.MAX_VALUE;
    private long sent;
    private boolean ended;
    private Throwable endError;
    private Throwable writeError;

    /** Becomes {@code gensio}'s handler and enables its reads (on its loop). */
    public Recorder attach(Gensio gensio) {
        gensio.loop().execute(() -> {
            gensio.setHandler(this);
            gensio.setReadEnabled(true);
        });
        return this;
    }

    /** Consume at most {@code n} bytes per data event from now on (to exercise the leftover rule). */
    public synchronized Recorder consumeAtMost(int n) {
        consumeLimit = n;
        return this;
    }

    /** Queues {@code data} to be written to {@code gensio} with flow control (on its loop). */
    public void send(Gensio gensio, byte[] data) {
        ByteBuffer copy = ByteBuffer.wrap(data.clone());
        gensio.loop().execute(() -> {
            synchronized (this) {
                outgoing.add(copy);
            }
            flush(gensio);
        });
    }

    public void send(Gensio gensio, String text) {
        send(gensio, text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void onData(Gensio gensio, ByteBuffer data) {
        int n = Math.min(data.remaining(), consumeLimit);
        byte[] chunk = new byte[n];
        data.get(chunk);
        received.write(chunk, 0, n);
        events.add("data " + n);
        notifyAll();
    }

    @Override
    public void onWriteReady(Gensio gensio) {
        flush(gensio);
    }

    @Override
    public synchronized void onEnd(Gensio gensio, Throwable error) {
        events.add(error == null ? "end" : "end " + error.getMessage());
        ended = true;
        endError = error;
        notifyAll();
    }

    @Override
    public synchronized void onSerialEvent(Gensio gensio, SerialEvent event) {
        events.add("serial " + event);
        notifyAll();
    }

    private synchronized void flush(Gensio gensio) {
        try {
            while (!outgoing.isEmpty()) {
                ByteBuffer head = outgoing.peek();
                sent += gensio.write(head);
                if (head.hasRemaining()) {
                    gensio.setWriteReadyEnabled(true);
                    return;
                }
                outgoing.poll();
            }
            gensio.setWriteReadyEnabled(false);
        } catch (GensioException e) {
            writeError = e;
            events.add("write-error " + e.getMessage());
            outgoing.clear();
            gensio.setWriteReadyEnabled(false);
        } finally {
            notifyAll();
        }
    }

    /** Everything received so far. */
    public synchronized byte[] bytes() {
        return received.toByteArray();
    }

    /** Everything received so far, as UTF-8. */
    public synchronized String text() {
        return received.toString(StandardCharsets.UTF_8);
    }

    /** The events so far: {@code "data N"}, {@code "end"}, {@code "end MESSAGE"}, {@code "serial ..."}. */
    public synchronized List<String> events() {
        return List.copyOf(events);
    }

    public synchronized long sentCount() {
        return sent;
    }

    public synchronized boolean hasEnded() {
        return ended;
    }

    /** The error of the last write that failed, or null. */
    public synchronized Throwable writeError() {
        return writeError;
    }

    /** Waits until at least {@code n} bytes have arrived; returns all received so far. */
    public byte[] awaitBytes(int n) {
        await(() -> received.size() >= n, "" + n + " bytes");
        return bytes();
    }

    /** Waits until the received text contains {@code text}; returns all of it. */
    public String awaitText(String text) {
        await(() -> received.toString(StandardCharsets.UTF_8).contains(text), "text \"" + text + "\"");
        return text();
    }

    /** Waits for the end event; returns its error (null for an orderly end). */
    public Throwable awaitEnd() {
        await(() -> ended, "end");
        synchronized (this) {
            return endError;
        }
    }

    /** Waits until everything queued with {@link #send} has been taken by the gensio. */
    public void awaitSent() {
        await(() -> outgoing.isEmpty() || writeError != null, "all queued bytes written");
    }

    /** Waits for {@code condition}, checked under this recorder's lock whenever something happens. */
    public synchronized void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("timed out waiting for " + what + "; received "
                        + received.size() + " bytes, events " + tail());
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }

    private List<String> tail() {
        return events.subList(Math.max(0, events.size() - 10), events.size());
    }

    @Override
    public synchronized String toString() {
        return "Recorder[" + received.size() + " bytes, " + events.size() + " events]";
    }
}
