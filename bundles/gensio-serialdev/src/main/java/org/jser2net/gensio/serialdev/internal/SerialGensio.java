package org.jser2net.gensio.serialdev.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.jser2net.gensio.api.Callback;
import org.jser2net.gensio.api.EventLoop;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.GensioState;
import org.jser2net.gensio.api.serial.SerialControl;
import org.jser2net.gensio.api.serial.SerialEvent;
import org.jser2net.gensio.api.serial.SerialSettings;
import org.jser2net.gensio.base.AbstractGensio;

/**
 * A serial port as a gensio. Opening happens on a worker thread and completes on the loop. Reading
 * uses one buffer ({@link DeviceReader}): a reader thread waits for data, and the loop, once a chunk
 * was consumed, reads on by itself while the device already holds more, honouring read-enable;
 * {@code write} copies into a bounded buffer that a writer thread empties into the device. Close
 * drains the output (see {@link DeviceSession#drainAndClose}). A device that fails while open ends
 * the stream with "device disappeared". The {@link SerialControl} capability is a {@link DeviceControl}.
 */
final class SerialGensio extends AbstractGensio {

    /** Bytes {@code write} takes before the device has caught up. */
    static final int WRITE_BUFFER = 16 * 1024;
    /** Chunks the loop reads and delivers in one go before it lets other work run. */
    private static final int BURST = 16;

    private final SerialConfig config;
    private final Supplier<SerialDevice> devices;
    private final String what;
    private final AtomicBoolean writeReadyQueued = new AtomicBoolean();
    /** Write-ready events are enabled: the writer thread then reports freed room. */
    private volatile boolean writeReadyWanted;
    private final DeviceControl control;
    private final List<Callback> closeWaiters = new ArrayList<>();
    private DeviceSession session;
    private long sessionId;
    private ByteBuffer held;
    private boolean wrote;

    /** {@code what} names the port in messages, e.g. {@code serialdev /dev/ttyUSB0}. */
    SerialGensio(String type, EventLoop loop, SerialConfig config, Supplier<SerialDevice> devices, String what) {
        super(type, loop, GensioState.CLOSED);
        this.config = config;
        this.devices = devices;
        this.what = what;
        this.control = new DeviceControl(this, config, what);
    }

    /** The session while open (or opening, or closing), else null. Loop only. */
    DeviceSession session() {
        return session;
    }

    @Override
    public void open(Callback done) {
        moveTo(GensioState.OPENING);
        long id = ++sessionId;
        SerialDevice device = devices.get();
        DeviceSession s = new DeviceSession(device, config, what, WRITE_BUFFER, readSink(id), writeSink(id));
        session = s;
        held = null;
        writeReadyWanted = false;
        device.watch(control.watcher());
        s.worker.execute(() -> {
            Throwable error = null;
            SerialSettings inForce = null;
            int lines = -1;
            try {
                device.open();
                try {
                    inForce = device.settings();
                    lines = device.modemLines();
                    s.startReader();
                } catch (IOException | RuntimeException e) {
                    device.close();
                    throw e;
                }
            } catch (GensioException e) {
                error = e;
            } catch (IOException | RuntimeException | LinkageError e) {
                error = new GensioException(what + ": cannot open: " + e.getMessage(), e);
            }
            Throwable failure = error;
            SerialSettings settings = inForce;
            int modemLines = lines;
            loop.execute(() -> openDone(s, failure, settings, modemLines, done));
        });
    }

    private void openDone(DeviceSession s, Throwable error, SerialSettings inForce, int modemLines, Callback done) {
        if (state() != GensioState.OPENING || session != s) {
            done.done(new GensioException(what + ": closed while opening"));
            return;
        }
        if (error != null) {
            session = null;
            s.abandon();
            closed();
            done.done(error);
            return;
        }
        opened();
        control.opened(inForce, modemLines);
        done.done(null);
    }

    @Override
    public void close(Callback done) {
        if (state() == GensioState.CLOSED) {
            complete(done, null);
            return;
        }
        closeWaiters.add(done);
        if (state() == GensioState.CLOSING) {
            return;
        }
        moveTo(GensioState.CLOSING);
        DeviceSession s = session;
        control.closing();
        if (s.reader != null) {
            s.reader.stop();
        }
        try {
            s.worker.execute(() -> {
                s.drainAndClose(config.drainTime(), config.charDrainWait());
                loop.execute(() -> closeDone(s));
            });
        } catch (RejectedExecutionException e) {
            closeDone(s);
        }
    }

    private void closeDone(DeviceSession s) {
        if (session == s) {
            session = null;
        }
        held = null;
        closed();
        List<Callback> waiters = new ArrayList<>(closeWaiters);
        closeWaiters.clear();
        for (Callback c : waiters) {
            c.done(null);
        }
    }

    @Override
    public int write(ByteBuffer src) throws GensioException {
        checkWritable();
        if (config.readOnly()) {
            throw new GensioException(what + " was opened read-only (rdonly), cannot write");
        }
        int n = session.out.put(src);
        if (n > 0) {
            wrote = true;
            session.startWriter();
            session.writer.kick();
        }
        return n;
    }

    @Override
    public String remoteAddress() {
        String s = config.describe(control.settingsInForce());
        if (!config.termios()) {
            return s;
        }
        return state() == GensioState.OPEN ? s + control.lineText() : s + " offline";
    }

    @Override
    public <T> Optional<T> capability(Class<T> cls) {
        return cls == SerialControl.class ? Optional.of(cls.cast(control)) : super.capability(cls);
    }

    @Override
    protected void readEnableChanged(boolean enabled) {
        if (session != null && session.reader != null) {
            session.reader.enable(enabled);
        }
        if (enabled && held != null) {
            loop.execute(this::pump);
        }
    }

    @Override
    protected void writeReadyEnableChanged(boolean enabled) {
        writeReadyWanted = enabled;
        if (enabled) {
            scheduleWriteReady();
        }
    }

    @Override
    protected void leftoverConsumed(ByteBuffer buffer) {
        DeviceSession s = session;
        loop.execute(() -> {
            if (readMore(s)) {
                pump();
            }
        });
    }

    /** Drops a received chunk not yet delivered (purge of the receive direction). */
    void dropReceived() {
        if (held != null) {
            held = null;
            session.reader.release();
        }
    }

    /** Drops output not yet written (purge of the transmit direction). */
    void dropOutput() {
        if (session != null && session.writer != null) {
            session.writer.purge();
            scheduleWriteReady();
        }
    }

    /** Serial events from the control, delivered while open. */
    void serialEvent(SerialEvent event) {
        if (state() == GensioState.OPEN) {
            fireSerialEvent(event);
        }
    }

    /**
     * Delivers the held chunk and then, as long as everything is consumed and the device already has
     * more, reads and delivers the next one right here; a burst at a time, so other work runs between.
     * The reader thread gets the buffer back once the device has nothing more or reads stop.
     */
    private void pump() {
        if (held == null || !isReadEnabled() || hasLeftover() || state() != GensioState.OPEN) {
            return;
        }
        DeviceSession s = session;
        for (int i = 0; i < BURST; i++) {
            ByteBuffer data = held;
            held = null;
            if (!deliver(data)) {
                return; // the leftover keeps the buffer; leftoverConsumed carries on
            }
            if (!readMore(s)) {
                return;
            }
        }
        loop.execute(this::pump);
    }

    /**
     * After a chunk was consumed: holds the next one and returns true, or returns false. When the
     * device has nothing, the loop looks once more after its other work (the driver often refills
     * within microseconds), and only then gives the buffer back to the reader thread.
     */
    private boolean readMore(DeviceSession s) {
        return readMore(s, true);
    }

    private boolean readMore(DeviceSession s, boolean again) {
        if (session != s || s.reader == null) {
            return false;
        }
        if (!isReadEnabled() || state() != GensioState.OPEN) {
            s.reader.release();
            return false;
        }
        try {
            held = s.reader.readNow();
        } catch (IOException e) {
            s.reader.release();
            deviceFailed(sessionId, e);
            return false;
        }
        if (held != null) {
            return true;
        }
        if (again) {
            loop.execute(() -> {
                if (held == null && !hasLeftover() && readMore(s, false)) {
                    pump();
                }
            });
        } else {
            s.reader.release();
        }
        return false;
    }

    private DeviceReader.Sink readSink(long id) {
        return new DeviceReader.Sink() {
            @Override
            public void received(ByteBuffer data) {
                loop.execute(() -> {
                    if (id == sessionId && state() == GensioState.OPEN) {
                        held = data;
                        pump();
                    }
                });
            }

            @Override
            public void failed(IOException error) {
                loop.execute(() -> deviceFailed(id, error));
            }
        };
    }

    private DeviceWriter.Sink writeSink(long id) {
        return new DeviceWriter.Sink() {
            @Override
            public void roomFreed() {
                if (writeReadyWanted) {
                    scheduleWriteReady();
                }
            }

            @Override
            public void failed(IOException error) {
                loop.execute(() -> deviceFailed(id, error));
            }
        };
    }

    private void deviceFailed(long id, IOException error) {
        if (id == sessionId && state() == GensioState.OPEN) {
            fireEnd(new GensioException(what + ": device disappeared: " + error.getMessage(), error));
        }
    }

    private void scheduleWriteReady() {
        if (writeReadyQueued.compareAndSet(false, true)) {
            loop.execute(this::writeReady);
        }
    }

    private void writeReady() {
        writeReadyQueued.set(false);
        if (state() != GensioState.OPEN || !isWriteReadyEnabled() || session.out.room() == 0) {
            return;
        }
        wrote = false;
        fireWriteReady();
        if (wrote && isWriteReadyEnabled() && state() == GensioState.OPEN && session.out.room() > 0) {
            scheduleWriteReady();
        }
    }
}
