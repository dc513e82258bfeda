package org.jser2net.gensio.telnet.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.serial.FlowControl;
import org.jser2net.gensio.api.serial.Parity;
import org.jser2net.gensio.api.serial.SerialControl;

/**
 * The {@link SerialControl} of a server-side telnet gensio with {@code rfc2217}: each call sends its
 * value to the client (the answer to the client's request, or an unasked report) and completes with
 * that value at once. A null or 0 argument sends the group's query value, as ser2net does for a
 * device that cannot tell. {@link #modemState} sends nothing and gives the modem state last
 * reported with {@code TelnetControl.notifyModemState}; {@link #notifyMasks} does nothing, since
 * the client sets the masks; {@link #flowSuspend} asks the client to stop or restart sending.
 */
final class ServerControl implements SerialControl {

    private final TelnetGensio gensio;

    ServerControl(TelnetGensio gensio) {
        this.gensio = gensio;
    }

    @Override
    public CompletionStage<Integer> baud(int baud) {
        return sent(c -> c.baud(baud), baud);
    }

    @Override
    public CompletionStage<Integer> dataSize(int bits) {
        return sent(c -> c.dataSize(bits), bits);
    }

    @Override
    public CompletionStage<Parity> parity(Parity parity) {
        return sent(c -> c.parity(parity == null ? 0 : parity.rfc2217()), parity);
    }

    @Override
    public CompletionStage<Integer> stopBits(int bits) {
        return sent(c -> c.stopSize(bits), bits);
    }

    @Override
    public CompletionStage<FlowControl> flowControl(FlowControl flow) {
        return sent(c -> c.flowControl(flow == null ? 0 : flow.rfc2217()), flow);
    }

    @Override
    public CompletionStage<Boolean> line(Line line, Boolean on) {
        int base = line == Line.DTR ? Rfc2217.CONTROL_DTR : Rfc2217.CONTROL_RTS;
        return sent(c -> c.control(base, Rfc2217.onOff(on)), on);
    }

    @Override
    public CompletionStage<Boolean> breakState(Boolean on) {
        return sent(c -> c.control(Rfc2217.CONTROL_BREAK, Rfc2217.onOff(on)), on);
    }

    /** Sends {@code IAC BREAK}, as gensio does on either side. */
    @Override
    public CompletionStage<Void> sendBreak() {
        return sent(c -> gensio.sendBreakCommand(), null);
    }

    @Override
    public CompletionStage<Void> purge(boolean receive, boolean transmit) {
        return sent(c -> c.purge((receive ? 1 : 0) | (transmit ? 2 : 0)), null);
    }

    @Override
    public CompletionStage<String> signature(String signature) {
        return sent(c -> c.signature(signature), signature);
    }

    @Override
    public CompletionStage<Integer> modemState() {
        return CompletableFuture.completedFuture(gensio.session().lastModemState());
    }

    @Override
    public void notifyMasks(int modemStateMask, int lineStateMask) {
        // The client sets the masks with SET-MODEMSTATE-MASK and SET-LINESTATE-MASK.
    }

    @Override
    public void flowSuspend(boolean suspended) {
        ComPortServer c = gensio.session().comPort();
        if (gensio.isOpen() && c != null) {
            c.flowState(suspended);
            gensio.scheduleFlush();
        }
    }

    /**
     * Same as {@code TelnetControl.notifyModemState}; here so that a {@code SerialControl.notifyModemState}
     * added to the API later (proposed) is implemented at once.
     */
    @Override
    public boolean notifyModemState(int state) {
        return gensio.session().notifyModemState(state);
    }

    /** Same as {@code TelnetControl.notifyLineState}; see {@link #notifyModemState}. */
    @Override
    public boolean notifyLineState(int state) {
        return gensio.session().notifyLineState(state);
    }

    private <T> CompletionStage<T> sent(Consumer<ComPortServer> send, T value) {
        ComPortServer c = gensio.session().comPort();
        if (!gensio.isOpen() || c == null) {
            return CompletableFuture.failedFuture(new GensioException("telnet: not open, cannot answer the client"));
        }
        send.accept(c);
        gensio.scheduleFlush();
        return CompletableFuture.completedFuture(value);
    }
}
