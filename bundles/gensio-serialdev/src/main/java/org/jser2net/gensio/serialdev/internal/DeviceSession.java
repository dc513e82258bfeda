package org.jser2net.gensio.serialdev.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.jser2net.gensio.base.ByteRing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open period of a serial gensio: the device, its reader and writer threads, and the worker thread
 * that opens, controls and closes it. Blocking calls happen on these threads, never on the loop.
 */
final class DeviceSession {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceSession.class);
    private static final long TICK_MS = 10;

    final SerialDevice device;
    final ExecutorService worker;
    /** Null for a write-only device. */
    final DeviceReader reader;
    /** Null for a read-only device. */
    final DeviceWriter writer;
    /** What {@code write} took and the writer has not yet handed to the device. */
    final ByteRing out;
    private final String name;
    private Thread readerThread;
    private Thread writerThread;

    DeviceSession(SerialDevice device, SerialConfig config, String name, int writeBuffer, DeviceReader.Sink readSink,
            DeviceWriter.Sink writeSink) {
        this.device = device;
        this.name = name;
        this.worker = Executors.newSingleThreadExecutor(r -> daemon(r, name + " worker"));
        this.reader = config.writeOnly() ? null : new DeviceReader(device, readSink, config.readBuf());
        this.out = new ByteRing(config.readOnly() ? 1 : writeBuffer);
        this.writer = config.readOnly() ? null : new DeviceWriter(device, writeSink, out);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Starts reading and writing, once the device is open. */
    void start() {
        if (reader != null) {
            readerThread = daemon(reader, name + " reader");
            readerThread.start();
        }
        if (writer != null) {
            writerThread = daemon(writer, name + " writer");
            writerThread.start();
        }
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
        if (writer != null && writerThread != null) {
            drain(drainTime, charDrainWait);
            writer.stop();
        }
        device.close();
        join(readerThread);
        join(writerThread);
        worker.shutdown();
    }

    private void drain(int drainTime, int charDrainWait) {
        int totalLeft = drainTime;
        int charLeft = charDrainWait;
        long last = -1;
        while (true) {
            long count = (long) writer.pending() + (writer.hasFailed() ? 0 : device.outputQueued());
            if (count <= 0) {
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

    private void join(Thread t) {
        if (t == null) {
            return;
        }
        try {
            t.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (t.isAlive()) {
            LOG.warn("{}: {} did not stop", name, t.getName());
        }
    }
}
