package org.jser2net.gensio.telnet;

/**
 * What a telnet gensio offers besides data and {@code SerialControl}: the RFC 2217 notifications a
 * server sends on its own (NOTIFY-MODEMSTATE, NOTIFY-LINESTATE, masked as the client asked) and the
 * NAWS window size (RFC 1073). Methods are called on the gensio's loop.
 */
public interface TelnetControl {

    /** A terminal window's size in characters, as NAWS carries it. */
    record WindowSize(int width, int height) {
    }

    /** True for the server end of the session (an accepted connection, or {@code mode=server}). */
    boolean isServer();

    /** True when this layer has {@code rfc2217} on and the peer agreed to COM-PORT-OPTION. */
    boolean comPortActive();

    /**
     * Server: reports the device's modem state ({@code ModemState} bits, deltas in the low nibble).
     * It is sent as {@code state & mask} when the client has just set its mask (or just agreed to
     * RFC 2217, which sets the mask to 255) or polled, and otherwise only when a delta bit is inside
     * the mask, as ser2net does. Returns whether a notification went out.
     */
    boolean notifyModemState(int state);

    /**
     * Server: reports line-state bits ({@code ModemState.LINE_*}); sent as {@code state & mask} when the
     * client has just set its mask or polled, otherwise only when a bit is inside the mask. Returns
     * whether a notification went out.
     */
    boolean notifyLineState(int state);

    /** The window size the peer last reported through NAWS, or null. */
    WindowSize windowSize();

    /** Client with {@code winsize}: tells the server the window size (now, or once it agrees to NAWS). */
    void sendWindowSize(int width, int height);
}
