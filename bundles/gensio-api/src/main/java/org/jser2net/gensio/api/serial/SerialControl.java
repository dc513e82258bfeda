package org.jser2net.gensio.api.serial;

import java.util.concurrent.CompletionStage;

/**
 * What can be asked of a serial port: the RFC 2217 set of controls. Every setter returns the value
 * in force afterwards (a device that cannot do something answers with what it has, it never stays
 * silent); passing {@code 0} (or null) to a setter only queries. Results complete on the gensio's loop.
 *
 * <p>On a server-side RFC 2217 gensio the same calls send the value to the client instead (the
 * answer to its request, or a notification).
 */
public interface SerialControl {

    CompletionStage<Integer> baud(int baud);

    /** 5 to 8. */
    CompletionStage<Integer> dataSize(int bits);

    CompletionStage<Parity> parity(Parity parity);

    /** 1 or 2. */
    CompletionStage<Integer> stopBits(int bits);

    CompletionStage<FlowControl> flowControl(FlowControl flow);

    /** Sets or queries a line: DTR or RTS. */
    CompletionStage<Boolean> line(Line line, Boolean on);

    CompletionStage<Boolean> breakState(Boolean on);

    /** Sends a break of the device's usual length. */
    CompletionStage<Void> sendBreak();

    /** Discards data buffered in the given directions. */
    CompletionStage<Void> purge(boolean receive, boolean transmit);

    /** The port's RFC 2217 signature. */
    CompletionStage<String> signature(String signature);

    /** Current modem-state bits ({@link ModemState}). */
    CompletionStage<Integer> modemState();

    /** Which modem/line-state changes to report as {@link SerialEvent}s. */
    void notifyMasks(int modemStateMask, int lineStateMask);

    /** Suspends or resumes the flow towards the client (RFC 2217 FLOWCONTROL-SUSPEND/RESUME). */
    void flowSuspend(boolean suspended);

    /**
     * On a server-side RFC 2217 gensio: reports the device's modem state ({@link ModemState} bits) to
     * the client, masked as the client asked; true if something was sent. Other controls ignore it.
     */
    default boolean notifyModemState(int state) {
        return false;
    }

    /** Like {@link #notifyModemState}, for the line state. */
    default boolean notifyLineState(int state) {
        return false;
    }

    /** An output line a user can set. */
    enum Line {
        DTR, RTS
    }
}
