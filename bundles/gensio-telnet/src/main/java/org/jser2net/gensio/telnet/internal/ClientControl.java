package org.jser2net.gensio.telnet.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.jser2net.gensio.api.Cancellable;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.serial.FlowControl;
import org.jser2net.gensio.api.serial.Parity;
import org.jser2net.gensio.api.serial.SerialControl;

/**
 * The {@link SerialControl} of a client-side telnet gensio with {@code rfc2217}: a remote RFC 2217
 * port (another ser2net) used like a local serial device. Each call sends a request and completes
 * with the value the server answers, or fails when RFC 2217 is not agreed or the answer does not
 * come within 5 seconds. {@link #modemState} gives the state the server last reported, asking for
 * it (SET-MODEMSTATE-MASK 255) when none came yet; {@link #notifyMasks} sends both masks, and the
 * server's notifications arrive as MODEM_STATE and LINE_STATE events.
 */
final class ClientControl implements SerialControl {

    private final TelnetGensio gensio;
    /** Ticks once a second while requests wait, to fail those that time out. */
    private Cancellable timer;

    ClientControl(TelnetGensio gensio) {
        this.gensio = gensio;
    }

    /** The session ends: whatever still waits fails. */
    void end() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        ComPortClient c = gensio.session().comPortClient();
        if (c != null) {
            c.failAll("closed before the RFC 2217 server answered");
        }
    }

    /** A request went out: send it soon, and watch for an answer that does not come. */
    private void sent() {
        gensio.scheduleFlush();
        if (timer == null) {
            timer = gensio.loop().schedule(this::tick, 1, TimeUnit.SECONDS);
        }
    }

    private void tick() {
        timer = null;
        ComPortClient c = gensio.session().comPortClient();
        if (c != null && gensio.isOpen()) {
            c.expire(System.nanoTime());
            if (c.hasPending()) {
                timer = gensio.loop().schedule(this::tick, 1, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public CompletionStage<Integer> baud(int baud) {
        return ask(c -> c.baud(baud, now()), v -> (Integer) v);
    }

    @Override
    public CompletionStage<Integer> dataSize(int bits) {
        return ask(c -> c.value(Rfc2217.SET_DATASIZE, bits, now()), v -> (Integer) v);
    }

    @Override
    public CompletionStage<Parity> parity(Parity parity) {
        return ask(c -> c.value(Rfc2217.SET_PARITY, parity == null ? 0 : parity.rfc2217(), now()), v -> {
            int p = (Integer) v;
            return p >= 1 && p <= 5 ? Parity.ofRfc2217(p) : null;
        });
    }

    @Override
    public CompletionStage<Integer> stopBits(int bits) {
        return ask(c -> c.value(Rfc2217.SET_STOPSIZE, bits, now()), v -> (Integer) v);
    }

    @Override
    public CompletionStage<FlowControl> flowControl(FlowControl flow) {
        return ask(c -> c.control(Rfc2217.CONTROL_FLOW, flow == null ? 0 : flow.rfc2217(), now()), v -> {
            for (FlowControl f : FlowControl.values()) {
                if (f.rfc2217() == (Integer) v) {
                    return f;
                }
            }
            return null;
        });
    }

    @Override
    public CompletionStage<Boolean> line(Line line, Boolean on) {
        int base = line == Line.DTR ? Rfc2217.CONTROL_DTR : Rfc2217.CONTROL_RTS;
        return ask(c -> c.control(base, Rfc2217.onOff(on), now()), ClientControl::onOff);
    }

    @Override
    public CompletionStage<Boolean> breakState(Boolean on) {
        return ask(c -> c.control(Rfc2217.CONTROL_BREAK, Rfc2217.onOff(on), now()), ClientControl::onOff);
    }

    @Override
    public CompletionStage<Void> sendBreak() {
        if (!gensio.isOpen()) {
            return CompletableFuture.failedFuture(new GensioException("telnet: not open, cannot send a break"));
        }
        gensio.sendBreakCommand();
        gensio.scheduleFlush();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> purge(boolean receive, boolean transmit) {
        return ask(c -> c.value(Rfc2217.PURGE_DATA, (receive ? 1 : 0) | (transmit ? 2 : 0), now()), v -> null);
    }

    /** Asks the server for its signature; {@code signature} is not sent (gensio never sends one). */
    @Override
    public CompletionStage<String> signature(String signature) {
        return ask(c -> c.signature(now()), v -> (String) v);
    }

    @Override
    public CompletionStage<Integer> modemState() {
        ComPortClient c = gensio.session().comPortClient();
        if (c != null && c.modemState() >= 0) {
            return CompletableFuture.completedFuture(c.modemState());
        }
        return ask(cl -> cl.modemMask(0xff, now()), v -> (Integer) v);
    }

    @Override
    public void notifyMasks(int modemStateMask, int lineStateMask) {
        ComPortClient c = gensio.session().comPortClient();
        if (c != null && gensio.isOpen() && gensio.session().comPortActive()) {
            c.modemMask(modemStateMask & 0xff, now()).exceptionally(e -> null);
            c.lineMask(lineStateMask & 0xff);
            sent();
        }
    }

    @Override
    public void flowSuspend(boolean suspended) {
        ComPortClient c = gensio.session().comPortClient();
        if (c != null && gensio.isOpen() && gensio.session().comPortActive()) {
            c.flowState(suspended);
            gensio.scheduleFlush();
        }
    }

    private static Boolean onOff(Object v) {
        int o = (Integer) v;
        return o == 1 ? Boolean.TRUE : o == 2 ? Boolean.FALSE : null;
    }

    private static long now() {
        return System.nanoTime();
    }

    private <T> CompletionStage<T> ask(Function<ComPortClient, CompletableFuture<Object>> request,
            Function<Object, T> decode) {
        ComPortClient c = gensio.session().comPortClient();
        if (!gensio.isOpen() || c == null) {
            return CompletableFuture.failedFuture(new GensioException("telnet: not open"));
        }
        if (!gensio.session().comPortActive()) {
            return CompletableFuture.failedFuture(new GensioException("telnet: the server at "
                    + gensio.remoteAddress() + " did not agree to RFC 2217 (COM-PORT-OPTION)"));
        }
        CompletableFuture<Object> answer = request.apply(c);
        sent();
        return answer.thenApply(decode);
    }
}
