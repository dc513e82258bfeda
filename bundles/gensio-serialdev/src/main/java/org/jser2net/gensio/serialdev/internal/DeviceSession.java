package org.jser2net.gensio.serialdev.internal;

import java.util.concurrent.TimeUnit;

import org.jser2net.gensio.base.ByteRing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open period of a serial gensio: the device, its reader and writer threads, and the worker that
 * opens, controls and closes it, all on shared {@link DeviceThreads}. Blocking calls happen on these
 * threads, never on the loop. The reader starts once the device is open, the writer with the first
 * write (a port that is only read never needs one).
 */
final class DeviceSession {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceSession.class);
    private static final long TICK_MS = 10;
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(TICK_MS);

    final SerialDevice device;
    final DeviceThreads.Worker worker;
    /** Null for a write-only device. */
    final DeviceReader reader;
    /** Null for a read-only device. */
    final DeviceWriter writer;
    /** What {@code write} took and the writer has not yet handed to the device. */
    final ByteRing out;
    private final String name;
    /** Reader and writer threads started and not yet finished; guarded by {@code this}. */
    private int running;
    private boolean readerStarted;
    private boolean writerStarted;

    DeviceSession(SerialDevice device, SerialConfig config, String name, int writeBuffer, DeviceReader.Sink readSink,
            DeviceWriter.Sink writeSink) {
        this.device = device;
        this.name = name;
        this.worker = new DeviceThreads.Worker(name + " worker");
        this.reader = config.writeOnly() ? null : new DeviceReader(device, readSink, config.readBuf());
        this.out = new ByteRing(config.readOnly() ? 1 : writeBuffer);
        this.writer = config.readOnly() ? null : new DeviceWriter(device, writeSink, out);
    }

    /** On the worker, once the device is open: starts the reader, which waits until reads are enabled. */
    void startReader() {
        if (reader != null && !readerStarted) {
            readerStarted = true;
            run(name + " reader", reader);
        }
    }

    /** On the loop, when something was written: starts the writer unless it runs. */
    void startWriter() {
        if (!writerStarted) {
            writerStarted = true;
            run(name + " writer", writer);
        }
    }

    private void run(String threadName, Runnable task) {
        synchronized (this) {
            running++;
        }
        DeviceThreads.start(threadName, () -> {
            try {
                task.run();
            } finally {
                synchronized (this) {
                    running--;
                    notifyAll();
                }
            }
        });
    }

    /**
     * On the worker: waits for the output to drain as gensio does (checking every 10 ms; giving up after
     * {@code drainTime} ticks in all or {@code charDrainWait} ticks without progress, -1 meaning never),
     * then closes the device and stops the threads.
     */
    void drainAndClose(int drainTime, int charDrainWait) {
        if (reader != null) {
            reader.stop();
        }
        if (writer != null) {
            if (writerStarted) {
                drain(drainTime, charDrainWait);
            }
            writer.stop();
        }
        device.close();
        join();
        worker.shutdown();
    }

    private void drain(int drainTime, int charDrainWait) {
        int totalLeft = drainTime;
        int charLeft = charDrainWait;
        long last = -1;
        while (true) {
            long count = (long) writer.pending() + (writer.hasFailed() ? 0 : device.outputQueued());
            // A pty reports no output queue, and closing flushes what its peer has not read yet:
            // what was handed over in the last tick counts as still draining.
            if (count <= 0 && (writer.hasFailed() || writer.nanosSinceLastWrite() >= TICK_NANOS)) {
                return;
            }
            if (totalLeft >= 0) {
                if (totalLeft == 0) {
                    break;
                }
                totalLeft--;
            }
            if (last < 0 || count < last) {
                last = count;
                charLeft = charDrainWait;
            }
            if (charLeft >= 0) {
                if (charLeft == 0) {
                    break;
                }
                charLeft--;
            }
            try {
                Thread.sleep(TICK_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        LOG.debug("{}: closing with {} bytes of output not drained", name, writer.pending());
    }

    /** After a failed open: nothing runs any more. */
    void abandon() {
        worker.shutdown();
    }

    private synchronized void join() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        try {
            long left;
            while (running > 0 && (left = deadline - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (running > 0) {
            LOG.warn("{}: the reader or writer thread did not stop", name);
        }
    }
}
