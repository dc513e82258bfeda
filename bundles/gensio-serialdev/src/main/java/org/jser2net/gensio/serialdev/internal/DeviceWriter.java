package org.jser2net.gensio.serialdev.internal;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.jser2net.gensio.base.ByteRing;

/**
 * The thread that writes a gensio's bounded output buffer to a {@link SerialDevice}. {@code write} on
 * the loop only copies into the ring; this thread blocks in the device instead, and tells the gensio
 * when room frees up. Output can be suspended (RFC 2217 flow-control suspend, like tcflow(TCOOFF)).
 */
final class DeviceWriter implements Runnable {

    /** Told about progress; called on the writer thread. */
    interface Sink {
        /**
         * Some of the ring was written and at least half of it is free now; told after every write
         * from then on. Waiting for half lets the loop refill in large pieces.
         */
        void roomFreed();

        /** The device failed; the writer has stopped. */
        void failed(IOException error);
    }

    /** Small writes go through a small array: jSerialComm copies the whole array it is given. */
    private static final int SMALL = 1024;

    private final SerialDevice device;
    private final Sink sink;
    private final ByteRing ring;
    private byte[] small;
    /**
     * Half the ring: the device gets much in one call, while the loop may already refill the other
     * half (a write returns only once the device took all of it).
     */
    private byte[] large;
    private final int largeSize;
    private boolean suspended;
    private boolean stopped;
    private boolean failed;
    /** When the device last took bytes ({@link System#nanoTime}), or 0. */
    private volatile long lastWrite;
    /** Bumped by {@link #purge}, so bytes in flight are not released from a cleared ring. */
    private long generation;
    private long inFlight;

    DeviceWriter(SerialDevice device, Sink sink, ByteRing ring) {
        this.device = device;
        this.sink = sink;
        this.ring = ring;
        this.largeSize = Math.max(SMALL, ring.capacity() / 2);
    }

    /** New data was put into the ring. */
    synchronized void kick() {
        notifyAll();
    }

    synchronized void suspend(boolean on) {
        suspended = on;
        notifyAll();
    }

    synchronized void stop() {
        stopped = true;
        notifyAll();
    }

    /** Drops everything not yet written. */
    synchronized void purge() {
        ring.clear();
        generation++;
        notifyAll();
    }

    /** Bytes not yet handed to the device, or 0 once the device failed. */
    synchronized int pending() {
        return failed ? 0 : ring.size();
    }

    synchronized boolean hasFailed() {
        return failed;
    }

    /** How long ago the device last took bytes; very long when it never did. */
    long nanosSinceLastWrite() {
        long at = lastWrite;
        return at == 0 ? Long.MAX_VALUE : System.nanoTime() - at;
    }

    /** Waits for bytes to write; the next view of the ring, or null once stopped. */
    private synchronized ByteBuffer next() throws InterruptedException {
        while (!stopped && (suspended || ring.size() == 0)) {
            wait();
        }
        if (stopped) {
            return null;
        }
        inFlight = generation;
        return ring.peek();
    }

    private byte[] small() {
        if (small == null) {
            small = new byte[SMALL];
        }
        return small;
    }

    private byte[] large() {
        if (large == null) {
            large = new byte[largeSize];
        }
        return large;
    }

    @Override
    public void run() {
        try {
            ByteBuffer view;
            while ((view = next()) != null) {
                int n = Math.min(view.remaining(), largeSize);
                byte[] chunk = n <= SMALL ? small() : large();
                view.get(chunk, 0, n);
                int off = 0;
                while (off < n) {
                    int w;
                    try {
                        w = device.write(chunk, off, n - off);
                    } catch (IOException e) {
                        synchronized (this) {
                            failed = true;
                            if (stopped) {
                                return;
                            }
                        }
                        sink.failed(e);
                        return;
                    }
                    off += w;
                    lastWrite = System.nanoTime();
                    boolean halfFree;
                    synchronized (this) {
                        if (generation == inFlight) {
                            ring.release(w);
                        }
                        halfFree = ring.room() >= ring.capacity() / 2;
                    }
                    if (halfFree) {
                        sink.roomFreed();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
