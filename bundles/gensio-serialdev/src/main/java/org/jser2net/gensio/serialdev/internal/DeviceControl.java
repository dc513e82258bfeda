package org.jser2net.gensio.serialdev.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.jser2net.gensio.api.Cancellable;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.GensioState;
import org.jser2net.gensio.api.serial.FlowControl;
import org.jser2net.gensio.api.serial.Parity;
import org.jser2net.gensio.api.serial.SerialControl;
import org.jser2net.gensio.api.serial.SerialEvent;
import org.jser2net.gensio.api.serial.SerialSettings;
import org.jser2net.gensio.serialdev.internal.SerialConfig.InitialLine;

/**
 * The {@link SerialControl} of a {@link SerialGensio}: each call runs on the session's worker thread
 * and completes on the loop with the value the device answered; a query of a line setting while no
 * call is under way is answered at once with the value the device last answered (read at open, kept
 * up to date by every answer). Modem lines are read at open and then polled once a second while a
 * modem-state mask is set (gensio sets 255 at open; never on a device without them), and a
 * {@link SerialEvent.Kind#MODEM_STATE} event goes out first after a mask is set and then on every
 * masked change, with the delta bits.
 */
final class DeviceControl implements SerialControl {

    /** A device call that may fail. */
    @FunctionalInterface
    private interface DeviceCall<T> {
        T call(SerialDevice device) throws Exception;
    }

    private static final long POLL_MS = 1000;

    private final SerialGensio gensio;
    private final String what;
    private SerialSettings settings;
    /** What the device answers to queries, while open; null before the first open and after close. */
    private SerialSettings answered;
    /** Calls sent to the worker and not yet answered. */
    private int inFlight;
    /** The device has no modem lines at all (a pty): nothing to poll or report. */
    private boolean noModemLines;
    private Boolean dtr;
    private Boolean rts;
    private int modemMask;
    private int lineMask;
    private boolean sentFirst;
    private int lastLines;
    private boolean polling;
    private boolean repoll;
    private Cancellable pollTimer;

    DeviceControl(SerialGensio gensio, SerialConfig config, String what) {
        this.gensio = gensio;
        this.what = what;
        this.settings = config.settings();
        for (InitialLine l : config.initialLines()) {
            if (l.line() == Line.DTR) {
                dtr = l.on();
            } else {
                rts = l.on();
            }
        }
    }

    /** The line settings as last answered by the device (the configured ones before that). */
    SerialSettings settingsInForce() {
        return settings;
    }

    /** gensio's {@code " RTSHI DTRHI"} suffix of the remote address, from the last known levels. */
    String lineText() {
        return (rts == null || rts ? " RTSHI" : " RTSLO") + (dtr == null || dtr ? " DTRHI" : " DTRLO");
    }

    /**
     * The session is open, with the settings and modem lines (-1: none) the device answered on the
     * worker: watch the lines as gensio does from the start, reporting these first.
     */
    void opened(SerialSettings inForce, int modemLines) {
        answered = inForce;
        modemMask = 0xff;
        lineMask = 0;
        sentFirst = false;
        polling = false;
        repoll = false;
        lastLines = 0;
        noModemLines = modemLines < 0;
        if (!noModemLines) {
            DeviceSession s = gensio.session();
            gensio.loop().execute(() -> {
                if (gensio.session() == s && gensio.state() == GensioState.OPEN) {
                    report(modemLines);
                    schedulePoll(POLL_MS);
                }
            });
        }
    }

    void closing() {
        answered = null;
        if (pollTimer != null) {
            pollTimer.cancel();
            pollTimer = null;
        }
    }

    /** A watcher for a device: pushes the changes it notices to the loop. */
    SerialDevice.Watcher watcher() {
        return new SerialDevice.Watcher() {
            @Override
            public void modemLinesChanged() {
                gensio.loop().execute(() -> schedulePoll(0));
            }

            @Override
            public void lineEvent(int bits) {
                gensio.loop().execute(() -> {
                    if ((bits & lineMask) != 0) {
                        gensio.serialEvent(SerialEvent.of(SerialEvent.Kind.LINE_STATE, bits & lineMask));
                    }
                });
            }
        };
    }

    @Override
    public CompletionStage<Integer> baud(int baud) {
        if (baud <= 0 && answersKnown()) {
            return CompletableFuture.completedFuture(answered.baud());
        }
        return call(d -> d.baud(baud)).thenApply(v -> learned(v,
                s -> new SerialSettings(v, s.parity(), s.dataBits(), s.stopBits(), s.flow())));
    }

    @Override
    public CompletionStage<Integer> dataSize(int bits) {
        if ((bits < 5 || bits > 8) && answersKnown()) {
            return CompletableFuture.completedFuture(answered.dataBits());
        }
        return call(d -> d.dataSize(bits)).thenApply(v -> learned(v,
                s -> new SerialSettings(s.baud(), s.parity(), v, s.stopBits(), s.flow())));
    }

    @Override
    public CompletionStage<Parity> parity(Parity parity) {
        if (parity == null && answersKnown()) {
            return CompletableFuture.completedFuture(answered.parity());
        }
        return call(d -> d.parity(parity)).thenApply(v -> learned(v,
                s -> new SerialSettings(s.baud(), v, s.dataBits(), s.stopBits(), s.flow())));
    }

    @Override
    public CompletionStage<Integer> stopBits(int bits) {
        if (bits != 1 && bits != 2 && answersKnown()) {
            return CompletableFuture.completedFuture(answered.stopBits());
        }
        return call(d -> d.stopBits(bits)).thenApply(v -> learned(v,
                s -> new SerialSettings(s.baud(), s.parity(), s.dataBits(), v, s.flow())));
    }

    @Override
    public CompletionStage<FlowControl> flowControl(FlowControl flow) {
        if (flow == null && answersKnown()) {
            return CompletableFuture.completedFuture(answered.flow());
        }
        return call(d -> d.flowControl(flow)).thenApply(v -> learned(v,
                s -> new SerialSettings(s.baud(), s.parity(), s.dataBits(), s.stopBits(), v)));
    }

    /**
     * A query can be answered here, without a trip to the worker: the device's answers are known
     * (read at open, then kept up to date) and no call is on its way that could change them.
     */
    private boolean answersKnown() {
        return answered != null && inFlight == 0 && gensio.state() == GensioState.OPEN;
    }

    /** The device answered {@code value}: both the shown and the known settings take it. */
    private <T> T learned(T value, UnaryOperator<SerialSettings> change) {
        settings = change.apply(settings);
        if (answered != null) {
            answered = change.apply(answered);
        }
        return value;
    }

    @Override
    public CompletionStage<Boolean> line(Line line, Boolean on) {
        return call(d -> d.line(line, on)).thenApply(v -> {
            if (line == Line.DTR) {
                dtr = v;
            } else {
                rts = v;
            }
            return v;
        });
    }

    @Override
    public CompletionStage<Boolean> breakState(Boolean on) {
        return call(d -> d.breakState(on));
    }

    @Override
    public CompletionStage<Void> sendBreak() {
        return call(d -> {
            d.sendBreak();
            return null;
        });
    }

    @Override
    public CompletionStage<Void> purge(boolean receive, boolean transmit) {
        if (gensio.state() == GensioState.OPEN) {
            if (receive) {
                gensio.dropReceived();
            }
            if (transmit) {
                gensio.dropOutput();
            }
        }
        return call(d -> {
            d.purge(receive, transmit);
            return null;
        });
    }

    /** A serial device has no signature of its own (ser2net's configuration supplies one): null. */
    @Override
    public CompletionStage<String> signature(String signature) {
        return call(SerialDevice::signature);
    }

    @Override
    public CompletionStage<Integer> modemState() {
        return call(d -> Math.max(0, d.modemLines()));
    }

    @Override
    public void notifyMasks(int modemStateMask, int lineStateMask) {
        modemMask = modemStateMask & 0xff;
        lineMask = lineStateMask & 0xff;
        sentFirst = false;
        schedulePoll(0);
    }

    /** Suspends or resumes sending to the device, as gensio's serialdev does with tcflow(3). */
    @Override
    public void flowSuspend(boolean suspended) {
        DeviceSession s = gensio.session();
        if (s != null && s.writer != null) {
            s.writer.suspend(suspended);
        }
    }

    private <T> CompletionStage<T> call(DeviceCall<T> op) {
        CompletableFuture<T> result = new CompletableFuture<>();
        DeviceSession s = gensio.session();
        if (s == null || gensio.state() != GensioState.OPEN) {
            result.completeExceptionally(new GensioException(what + " is not open"));
            return result;
        }
        try {
            inFlight++;
            s.worker.execute(() -> {
                T value = null;
                Throwable error = null;
                try {
                    value = op.call(s.device);
                } catch (Exception | LinkageError e) {
                    error = new GensioException(what + ": " + e.getMessage(), e);
                }
                T v = value;
                Throwable err = error;
                gensio.loop().execute(() -> {
                    inFlight--;
                    if (err != null) {
                        result.completeExceptionally(err);
                    } else {
                        result.complete(v);
                    }
                });
            });
        } catch (RejectedExecutionException e) {
            inFlight--;
            result.completeExceptionally(new GensioException(what + " is closing"));
        }
        return result;
    }

    private void schedulePoll(long delayMs) {
        if (pollTimer != null) {
            pollTimer.cancel();
            pollTimer = null;
        }
        if (gensio.state() == GensioState.OPEN && modemMask != 0 && !noModemLines) {
            pollTimer = gensio.loop().schedule(this::poll, delayMs, TimeUnit.MILLISECONDS);
        }
    }

    private void poll() {
        pollTimer = null;
        if (polling) {
            repoll = true;
            return;
        }
        polling = true;
        DeviceSession s = gensio.session();
        call(SerialDevice::modemLines).whenComplete((lines, error) -> {
            polling = false;
            boolean again = repoll;
            repoll = false;
            if (error != null || gensio.session() != s || gensio.state() != GensioState.OPEN) {
                return;
            }
            if (lines < 0) {
                noModemLines = true; // no modem lines at all (a pty): nothing to report, as in gensio
                return;
            }
            report(lines);
            schedulePoll(again ? 0 : POLL_MS);
        });
    }

    /** Sends a MODEM_STATE event with the delta bits, first after a mask was set and then on changes. */
    private void report(int lines) {
        int delta = ((lines ^ lastLines) & modemMask) >> 4;
        lastLines = lines;
        if (!sentFirst || delta != 0) {
            sentFirst = true;
            gensio.serialEvent(SerialEvent.of(SerialEvent.Kind.MODEM_STATE, lines | delta));
        }
    }
}
