package org.jser2net.ser2net.core.internal;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jser2net.gensio.api.Callback;
import org.jser2net.gensio.api.EventLoop;
import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.GensioHandler;
import org.jser2net.gensio.api.serial.Parity;
import org.jser2net.gensio.api.serial.SerialEvent;
import org.jser2net.gensio.api.serial.SerialControl;
import org.jser2net.gensio.api.serial.SerialSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A port's device connection for one run of clients: opened for the first client (after the
 * previous run's device has closed), sends {@code openstr}, carries client input to the device and
 * device output to the clients ({@link DeviceOutput}), and sends {@code closestr} before closing.
 */
final class Device implements GensioHandler, DeviceOutput.Owner {

    private static final Logger LOG = LoggerFactory.getLogger(Device.class);
    private static final long CLOSESTR_WAIT_SECONDS = 2;

    private final Port port;
    private final EventLoop loop;
    private final Device previous;
    private final ClientInput clients = new ClientInput();
    private final List<Callback> closeWaiters = new ArrayList<>();
    private Gensio gensio;
    private DeviceOutput output;
    private Trace trace = Trace.open(TraceSettings.NONE, null, null);
    private String portCloseReason = "All users disconnected";
    private int modemState;
    private int lineState;
    private ByteBuffer toDevice;
    private String serialParams = "";
    private boolean opening;
    private boolean open;
    private boolean closing;
    private boolean closeCalled;
    private boolean closed;

    Device(Port port, Device previous) {
        this.port = port;
        this.loop = port.loop();
        this.previous = previous;
    }

    String serialParams() {
        return serialParams;
    }

    /** A client joined: it is served once the device is open. */
    void join(Session s) {
        s.net.setHandler(clients);
        if (open) {
            welcome(s);
        } else {
            openAlone();
        }
    }

    /** Opens the device (once the previous run's device has closed) if that has not begun. */
    void openAlone() {
        if (open || opening || closing) {
            return;
        }
        opening = true;
        if (previous != null) {
            previous.whenClosed(e -> loop.execute(this::openNow));
        } else {
            openNow();
        }
    }

    boolean isOpen() {
        return open;
    }

    /** A client left: what it held back may now go on. */
    void left(Session s, String reason) {
        if (open) {
            trace.clientClosed(reason);
            output.resume();
        }
    }

    private void openNow() {
        if (closing) {
            finish();
            return;
        }
        try {
            gensio = port.registry().connector(port.connectorSpec(), loop);
        } catch (GensioException | RuntimeException e) {
            opening = false;
            closed = true;
            port.deviceFailed(this, Messages.deviceOpenFailure(e));
            return;
        }
        gensio.setHandler(this);
        gensio.open(error -> {
            if (error != null) {
                LOG.warn("connection {}: device open failed: {}", port.name(), Messages.describe(error));
                opening = false;
                finish();
                port.deviceFailed(this, Messages.deviceOpenFailure(error));
            } else if (closing) {
                closeGensio();
            } else {
                lineSettings().thenAccept(line -> loop.execute(() -> opened(line)));
            }
        });
    }

    /** The device's line settings for chardelay; 9600N81 for devices that are not serial ports. */
    private CompletableFuture<SerialSettings> lineSettings() {
        SerialControl sc = gensio.capability(SerialControl.class).orElse(null);
        if (sc == null) {
            return CompletableFuture.completedFuture(SerialSettings.DEFAULT);
        }
        String remote = gensio.remoteAddress();
        int comma = remote.indexOf(',');
        serialParams = comma < 0 ? "" : remote.substring(comma + 1);
        CompletableFuture<Integer> baud = sc.baud(0).toCompletableFuture();
        CompletableFuture<Integer> size = sc.dataSize(0).toCompletableFuture();
        CompletableFuture<Parity> parity = sc.parity(null).toCompletableFuture();
        CompletableFuture<Integer> stop = sc.stopBits(0).toCompletableFuture();
        return CompletableFuture.allOf(baud, size, parity, stop)
                .thenApply(v -> new SerialSettings(baud.join(), parity.join(), size.join(), stop.join(),
                        SerialSettings.DEFAULT.flow()))
                .exceptionally(e -> SerialSettings.DEFAULT)
                .orTimeout(2, TimeUnit.SECONDS)
                .exceptionally(e -> SerialSettings.DEFAULT);
    }

    private void opened(SerialSettings line) {
        opening = false;
        if (closing) {
            closeGensio();
            return;
        }
        open = true;
        PortSettings s = port.settings();
        EscapeContext esc = port.escapes("");
        trace = Trace.open(s.trace(), esc, Clock.systemDefaultZone());
        output = new DeviceOutput(loop, port.sessions(), this, s, CharDelay.of(s, line),
                bytes(s.sendon(), esc), bytes(s.closeon(), esc));
        byte[] open = bytes(s.openstr(), esc);
        toDevice = open == null || open.length == 0 ? null : ByteBuffer.wrap(open);
        flushToDevice();
        gensio.setReadEnabled(true);
        for (Session session : port.sessions()) {
            welcome(session);
        }
    }

    private static byte[] bytes(String template, EscapeContext esc) {
        return template == null ? null : Ser2netString.expand(template, esc);
    }

    private void welcome(Session s) {
        trace.opened(s.remote());
        String banner = port.settings().banner();
        if (banner != null) {
            s.prefix(Ser2netString.expand(banner, port.escapes(s.remote())));
            s.flushPrefix();
        }
        s.net.setReadEnabled(true);
    }

    /** Sends openstr/closestr; true when nothing of it is left. */
    private boolean flushToDevice() {
        if (toDevice == null) {
            return true;
        }
        try {
            gensio.write(toDevice);
        } catch (GensioException e) {
            toDevice = null;
            return true;
        }
        if (toDevice.hasRemaining()) {
            gensio.setWriteReadyEnabled(true);
            return false;
        }
        toDevice = null;
        return true;
    }

    /** The last client left: send closestr, then close. */
    void close() {
        closing = true;
        if (output != null) {
            output.discard();
        }
        if (!open) {
            if (!opening) {
                finish();
            }
            return;
        }
        gensio.setReadEnabled(false);
        trace.portClosed(portCloseReason);
        trace.close();
        String closestr = port.settings().closestr();
        if (closestr != null && toDevice == null) {
            toDevice = ByteBuffer.wrap(Ser2netString.expand(closestr, port.escapes("")));
        }
        if (flushToDevice()) {
            closeGensio();
        } else {
            loop.schedule(this::closeGensio, CLOSESTR_WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    private void closeGensio() {
        if (gensio == null || closed || closeCalled) {
            return;
        }
        closeCalled = true;
        open = false;
        gensio.close(e -> finish());
    }

    private void finish() {
        if (closed) {
            return;
        }
        closed = true;
        List<Callback> waiters = List.copyOf(closeWaiters);
        closeWaiters.clear();
        waiters.forEach(w -> w.done(null));
    }

    /** Runs {@code done} once this device is closed (at once if it is). */
    void whenClosed(Callback done) {
        if (closed) {
            done.done(null);
        } else {
            closeWaiters.add(done);
        }
    }

    // device events

    @Override
    public void onData(Gensio g, java.nio.ByteBuffer data) {
        if (g != gensio || closing) {
            data.position(data.limit());
            return;
        }
        for (Session s : port.sessions()) {
            s.lastActivity = System.nanoTime();
        }
        if (port.holdForConnbacks()) {
            return;
        }
        int from = data.position();
        output.onData(data);
        trace.deviceToNet(data, from, data.position() - from);
    }

    @Override
    public void onWriteReady(Gensio g) {
        if (g != gensio) {
            return;
        }
        g.setWriteReadyEnabled(false);
        if (!flushToDevice()) {
            return;
        }
        if (closing) {
            closeGensio();
            return;
        }
        for (Session s : port.sessions()) {
            s.net.setReadEnabled(true);
        }
    }

    @Override
    public void onEnd(Gensio g, Throwable error) {
        if (g != gensio || closing) {
            return;
        }
        LOG.info("connection {}: device closed{}", port.name(), error == null ? "" : ": " + Messages.describe(error));
        portCloseReason = "dev read error";
        port.deviceEnded(this);
    }

    /** The device's modem or line state changed: every RFC 2217 client hears of it. */
    @Override
    public void onSerialEvent(Gensio g, SerialEvent ev) {
        if (g != gensio) {
            return;
        }
        if (ev.kind() == SerialEvent.Kind.MODEM_STATE) {
            modemState = ev.value();
            for (Session s : port.sessions()) {
                s.net.capability(SerialControl.class).ifPresent(c -> c.notifyModemState(modemState));
            }
        } else if (ev.kind() == SerialEvent.Kind.LINE_STATE) {
            lineState = ev.value();
            for (Session s : port.sessions()) {
                s.net.capability(SerialControl.class).ifPresent(c -> c.notifyLineState(lineState));
            }
        }
    }

    @Override
    public void resumeDevice() {
        if (open && !closing) {
            gensio.setReadEnabled(true);
        }
    }

    @Override
    public void closeOnSeen() {
        for (Session s : List.copyOf(port.sessions())) {
            port.drop(s, Callback.NONE);
        }
    }

    /** Client input to the device. */
    private final class ClientInput implements GensioHandler {
        @Override
        public void onData(Gensio net, ByteBuffer data) {
            Session s = port.session(net);
            if (s == null || closing) {
                data.position(data.limit());
                return;
            }
            s.lastActivity = System.nanoTime();
            if (port.settings().noAccToCon()) {
                data.position(data.limit());
                return;
            }
            if (!open || !flushToDevice()) {
                return;
            }
            int from = data.position();
            try {
                gensio.write(data);
            } catch (GensioException e) {
                data.position(data.limit());
                return;
            }
            trace.netToDevice(data, from, data.position() - from);
            if (data.hasRemaining()) {
                gensio.setWriteReadyEnabled(true);
            }
        }

        @Override
        public void onWriteReady(Gensio net) {
            net.setWriteReadyEnabled(false);
            Session s = port.session(net);
            if (s != null && s.flushPrefix() && open) {
                output.resume();
            }
        }

        /** A client's RFC 2217 request: carried out on the device and answered. */
        @Override
        public void onSerialEvent(Gensio net, SerialEvent ev) {
            SerialControl client = net.capability(SerialControl.class).orElse(null);
            if (client == null || port.session(net) == null) {
                return;
            }
            SerialControl dev = open && !closing ? gensio.capability(SerialControl.class).orElse(null) : null;
            PortSettings s = port.settings();
            new SerialRequests(loop, s.signature(), s.telnetBrkOnSync()).handle(ev, client, dev, modemState, lineState);
        }

        @Override
        public void onEnd(Gensio net, Throwable error) {
            Session s = port.session(net);
            if (s != null) {
                port.drop(s, error == null ? "Remote closed" : "network read error", Callback.NONE);
            }
        }
    }
}
