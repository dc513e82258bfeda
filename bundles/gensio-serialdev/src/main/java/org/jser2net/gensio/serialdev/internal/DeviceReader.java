package org.jser2net.gensio.serialdev.internal;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Reads a {@link SerialDevice} for its gensio into its one buffer, which belongs either to the reader
 * thread or to the loop. The reader thread waits in the device (only while reads are enabled) and
 * hands the buffer over with the first chunk; the loop delivers it and, while the device already holds
 * more, reads the next chunk itself without waiting ({@link #readNow}), so a busy device costs no
 * thread handoff per chunk. When the device has nothing more, or reads stop, the loop hands the
 * buffer back ({@link #release}). So at most one buffer of data waits in memory; the rest stays in
 * the driver, where the device's own flow control holds it back.
 */
final class DeviceReader implements Runnable {

    /** Where the chunks go; called on the reader thread, so implementations hand over to their loop. */
    interface Sink {
        /** A chunk arrived; the buffer is now the loop's, until it calls {@link DeviceReader#release}. */
        void received(ByteBuffer data);

        /** The device failed; the reader has stopped. */
        void failed(IOException error);
    }

    private final SerialDevice device;
    private final Sink sink;
    private final byte[] buf;
    private final ByteBuffer view;
    private boolean wanted;
    private boolean loopOwns;
    private boolean stopped;

    DeviceReader(SerialDevice device, Sink sink, int size) {
        this.device = device;
        this.sink = sink;
        this.buf = new byte[size];
        this.view = ByteBuffer.wrap(buf);
    }

    /** Reads are enabled or not. */
    synchronized void enable(boolean on) {
        wanted = on;
        if (on) {
            notifyAll();
        }
    }

    /** On the loop, which owns the buffer: gives it back to the reader thread. */
    synchronized void release() {
        loopOwns = false;
        notifyAll();
    }

    /**
     * On the loop, which owns the buffer and has consumed its last chunk: the next chunk of what the
     * device already holds, or null when it holds nothing (the loop still owns the buffer).
     */
    ByteBuffer readNow() throws IOException {
        int n = device.readNow(buf, buf.length);
        return n > 0 ? chunk(n) : null;
    }

    private ByteBuffer chunk(int n) {
        view.clear().limit(n);
        return view;
    }

    /** Stops at the next chance (within one read timeout). */
    synchronized void stop() {
        stopped = true;
        notifyAll();
    }

    private synchronized boolean awaitTurn() throws InterruptedException {
        while (!stopped && (!wanted || loopOwns)) {
            wait();
        }
        return !stopped;
    }

    private synchronized boolean handOver() {
        loopOwns = !stopped;
        return loopOwns;
    }

    private synchronized boolean isStopped() {
        return stopped;
    }

    @Override
    public void run() {
        try {
            while (awaitTurn()) {
                int n;
                try {
                    n = device.read(buf, buf.length);
                } catch (IOException e) {
                    if (!isStopped()) {
                        sink.failed(e);
                    }
                    return;
                }
                if (n > 0 && handOver()) {
                    sink.received(chunk(n));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
