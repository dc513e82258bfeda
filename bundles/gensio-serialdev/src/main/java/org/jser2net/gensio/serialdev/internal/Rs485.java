package org.jser2net.gensio.serialdev.internal;

import org.jser2net.gensio.api.GensioException;

/**
 * An RS-485 setup as gensio writes it: {@code off}, or
 * {@code <delay before send>:<delay after send>[:<conf>...]} with delays in milliseconds and confs
 * {@code rts_on_send}, {@code rts_after_send}, {@code rx_during_tx}, {@code terminate_bus}.
 *
 * @param enabled false for {@code off}
 * @param delayBeforeMs RTS delay before sending
 * @param delayAfterMs RTS delay after sending
 * @param rtsActiveHigh RTS is raised while sending ({@code rts_on_send}) rather than after it
 * @param rxDuringTx receive while transmitting
 * @param terminateBus switch on the bus termination
 */
record Rs485(boolean enabled, int delayBeforeMs, int delayAfterMs, boolean rtsActiveHigh, boolean rxDuringTx,
        boolean terminateBus) {

    static final Rs485 OFF = new Rs485(false, 0, 0, true, false, false);

    /** Parses {@code text}; {@code what} names the stack for messages. */
    static Rs485 parse(String text, String what) throws GensioException {
        if (text.equalsIgnoreCase("off")) {
            return OFF;
        }
        String[] parts = text.split(":", -1);
        if (parts.length < 2) {
            throw bad(text, what, "give at least <delay before send>:<delay after send> in milliseconds, or off");
        }
        int before = delay(parts[0], text, what);
        int after = delay(parts[1], text, what);
        boolean onSend = false;
        boolean afterSend = false;
        boolean rx = false;
        boolean terminate = false;
        for (int i = 2; i < parts.length; i++) {
            switch (parts[i]) {
                case "rts_on_send":
                    onSend = true;
                    break;
                case "rts_after_send":
                    afterSend = true;
                    break;
                case "rx_during_tx":
                    rx = true;
                    break;
                case "terminate_bus":
                    terminate = true;
                    break;
                default:
                    throw bad(text, what, "unknown setting '" + parts[i]
                            + "' (known: rts_on_send, rts_after_send, rx_during_tx, terminate_bus)");
            }
        }
        if (onSend && afterSend) {
            throw bad(text, what, "rts_on_send and rts_after_send together cannot be set through jSerialComm,"
                    + " which drives RTS either while or after sending; choose one");
        }
        return new Rs485(true, before, after, !afterSend, rx, terminate);
    }

    private static int delay(String s, String text, String what) throws GensioException {
        try {
            int v = Integer.parseInt(s);
            if (v >= 0 && v <= Integer.MAX_VALUE / 1000) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(text, what, "'" + s + "' is not a delay in milliseconds");
    }

    private static GensioException bad(String text, String what, String why) {
        return new GensioException(what + ": bad rs485=" + text + ": " + why);
    }
}
