package org.jser2net.gensio.serialdev.internal;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The thread that reads a {@link SerialDevice} for its gensio. It reads only while reads are enabled
 * and the previous chunk has been consumed, so at most one buffer of data waits in memory; the rest
 * stays in the driver, where the device's own flow control holds it back.
 */
final class DeviceReader implements Runnable {

    /** Where the chunks go; called on the reader thread, so implementations hand over to their loop. */
    interface Sink {
        /** A chunk arrived; the buffer is the sink's until it calls {@link DeviceReader#consumed}. */
        void received(ByteBuffer data);

        /** The device failed; the reader has stopped. */
        void failed(IOException error);
    }

    private final SerialDevice device;
    private final Sink sink;
    private final byte[] buf;
    private boolean wanted;
    private boolean busy;
    private boolean stopped;

    DeviceReader(SerialDevice device, Sink sink, int size) {
        this.device = device;
        this.sink = sink;
        this.buf = new byte[size];
    }

    /** Reads are enabled or not. */
    synchronized void enable(boolean on) {
        wanted = on;
        notifyAll();
    }

    /** The last chunk was consumed; its buffer may be reused. */
    synchronized void consumed() {
        busy = false;
        notifyAll();
    }

    /** Stops at the next chance (within one read timeout). */
    synchronized void stop() {
        stopped = true;
        notifyAll();
    }

    private synchronized boolean awaitTurn() throws InterruptedException {
        while (!stopped && (!wanted || busy)) {
            wait();
        }
        return !stopped;
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
                if (n > 0) {
                    synchronized (this) {
                        busy = true;
                    }
                    sink.received(ByteBuffer.wrap(buf, 0, n));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
