package org.jser2net.gensio.telnet.internal;

import static org.jser2net.gensio.telnet.internal.Telnet.OPT_COM_PORT;
import static org.jser2net.gensio.telnet.internal.Telnet.OPT_NAWS;

import org.jser2net.gensio.api.serial.SerialEvent;
import org.jser2net.gensio.api.serial.SerialEvent.Kind;
import org.jser2net.gensio.telnet.TelnetControl;

/**
 * A telnet gensio's state beyond the byte stream, and its {@link TelnetControl}: BREAK and SYNC
 * for the server's user, COM-PORT suboptions for the {@link ComPortServer} or {@link ComPortClient},
 * NAWS sizes, and the client's wait for the server's answers during open. One per gensio;
 * {@link #reset} starts a new session.
 */
final class TelnetSession implements TelnetEngine.Events, ComPortLink, TelnetControl {

    /** The text of the SEND_BREAK event for a telnet SYNC (IAC DM), as opposed to IAC BREAK. */
    static final String SYNC = "sync";

    private final TelnetGensio gensio;
    private final TelnetSettings settings;
    private TelnetEngine engine;
    private ComPortServer comPort;
    private ComPortClient comPortClient;
    private WindowSize window;
    private WindowSize windowToSend;
    private int lastModemState;

    TelnetSession(TelnetGensio gensio, TelnetSettings settings) {
        this.gensio = gensio;
        this.settings = settings;
    }

    /** A new session with {@code engine}: no RFC 2217 or NAWS state is carried over. */
    void reset(TelnetEngine engine) {
        this.engine = engine;
        comPort = settings.server() && settings.rfc2217() ? new ComPortServer(this) : null;
        comPortClient = !settings.server() && settings.rfc2217()
                ? new ComPortClient(this, ComPortClient.TIMEOUT_NANOS) : null;
        window = null;
        lastModemState = 0;
    }

    ComPortServer comPort() {
        return comPort;
    }

    ComPortClient comPortClient() {
        return comPortClient;
    }

    /** Client: the server has answered every option we offered (COM-PORT, NAWS). */
    boolean answered() {
        Negotiator n = engine.negotiator();
        return (!settings.rfc2217() || n.state(OPT_COM_PORT, true) != Negotiator.WANTYES)
                && (!settings.winsize() || n.state(OPT_NAWS, true) != Negotiator.WANTYES);
    }

    @Override
    public boolean isServer() {
        return settings.server();
    }

    @Override
    public boolean comPortActive() {
        if (comPort != null && comPort.announced()) {
            return true;
        }
        return settings.rfc2217() && engine != null && engine.enabled(OPT_COM_PORT, !settings.server());
    }

    @Override
    public void command(int command) {
        if (!settings.server() || !gensio.isOpen()) {
            return; // as in gensio, only the server reports BREAK and SYNC
        }
        if (command == Telnet.BREAK) {
            gensio.serialEvent(SerialEvent.of(Kind.SEND_BREAK, 0));
        } else if (command == Telnet.DM) {
            gensio.serialEvent(new SerialEvent(Kind.SEND_BREAK, 0, SYNC));
        }
    }

    @Override
    public void settled(int option, boolean local, boolean enabled) {
        if (option == OPT_COM_PORT && !local && enabled && comPort != null && gensio.isOpen()) {
            comPort.agreed();
        }
        if (option == OPT_NAWS && local && enabled && windowToSend != null) {
            sendNaws(windowToSend);
        }
        if (!settings.server() && answered()) {
            gensio.finishOpen();
        }
    }

    @Override
    public void suboption(int option, byte[] data, int length, boolean truncated) {
        if (option == OPT_COM_PORT) {
            if (comPort != null && gensio.isOpen()) {
                // pyserial does not send WILL COM-PORT when our DO arrives before its own requests
                // go out; its first COM-PORT command then counts as its agreement.
                comPort.agreed();
                comPort.suboption(data, length);
            } else if (comPortClient != null) {
                comPortClient.suboption(data, length);
            }
        } else if (option == OPT_NAWS && settings.server() && length >= 4) {
            window = new WindowSize((data[0] & 0xff) << 8 | (data[1] & 0xff), (data[2] & 0xff) << 8 | (data[3] & 0xff));
        }
    }

    @Override
    public void overflow() {
        gensio.overflow();
    }

    @Override
    public void event(SerialEvent event) {
        if (gensio.isOpen()) {
            gensio.serialEvent(event);
        }
    }

    @Override
    public void suspend(boolean suspended) {
        gensio.suspend(suspended);
    }

    @Override
    public void send(byte[] data, int length) {
        engine.sendSuboption(OPT_COM_PORT, data, length);
    }

    @Override
    public boolean notifyModemState(int state) {
        lastModemState = state;
        return sent(gensio.isOpen() && comPort != null && comPort.notifyModemState(state));
    }

    @Override
    public boolean notifyLineState(int state) {
        return sent(gensio.isOpen() && comPort != null && comPort.notifyLineState(state));
    }

    private boolean sent(boolean sent) {
        if (sent) {
            gensio.scheduleFlush();
        }
        return sent;
    }

    int lastModemState() {
        return lastModemState;
    }

    @Override
    public WindowSize windowSize() {
        return window;
    }

    /** Client: remembers the size and sends it now if NAWS is on, else once the server agrees. */
    @Override
    public void sendWindowSize(int width, int height) {
        if (settings.server() || !settings.winsize()) {
            return;
        }
        windowToSend = new WindowSize(width, height);
        if (engine != null && engine.enabled(OPT_NAWS, true)) {
            sent(sendNaws(windowToSend));
        }
    }

    private boolean sendNaws(WindowSize w) {
        byte[] b = {(byte) (w.width() >>> 8), (byte) w.width(), (byte) (w.height() >>> 8), (byte) w.height()};
        return engine.sendSuboption(OPT_NAWS, b, 4);
    }
}
