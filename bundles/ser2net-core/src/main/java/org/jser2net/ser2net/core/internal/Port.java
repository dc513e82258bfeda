package org.jser2net.ser2net.core.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jser2net.gensio.api.Accepter;
import org.jser2net.gensio.api.AccepterHandler;
import org.jser2net.gensio.api.Callback;
import org.jser2net.gensio.api.EventLoop;
import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.GensioHandler;
import org.jser2net.gensio.api.GensioRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ser2net port: an accepter whose clients share one device connection. Everything runs on the
 * port's loop. The device opens with the first client and closes after the last.
 *
 * <p>Data moves without copies: a source's read buffer is written straight to the sink; when the
 * sink is full the unwritten rest stays with the source (whose reads pause) until the sink is
 * write-ready again, so memory per port stays bounded and no byte is dropped.
 */
final class Port implements AccepterHandler {

    private static final Logger LOG = LoggerFactory.getLogger(Port.class);

    private final PortSettings settings;
    private final GensioRegistry registry;
    private final EventLoop loop;
    private final List<Session> sessions = new ArrayList<>();
    private final DeviceHandler deviceHandler = new DeviceHandler();
    private final ClientHandler clientHandler = new ClientHandler();
    private PortState state = PortState.NEW;
    private String problem = "";
    private Accepter accepter;
    private Gensio device;
    private boolean deviceOpen;
    private Runnable stateListener = () -> { };

    Port(PortSettings settings, GensioRegistry registry, EventLoop loop) {
        this.settings = settings;
        this.registry = registry;
        this.loop = loop;
    }

    /** Who to tell (on the loop) when the state or problem changes. */
    void onStateChange(Runnable listener) {
        this.stateListener = listener;
    }

    String name() {
        return settings.name();
    }

    PortState state() {
        return state;
    }

    /** Why the port is waiting or failed; empty when up. */
    String problem() {
        return problem;
    }

    int sessionCount() {
        return sessions.size();
    }

    /** Types this port needs that are not installed. */
    Set<String> missingTypes() {
        Set<String> missing = new TreeSet<>(registry.missingTypes(settings.accepter()));
        missing.addAll(registry.missingTypes(settings.connector()));
        return missing;
    }

    private void moveTo(PortState next) {
        if (!state.next().contains(next)) {
            throw new IllegalStateException("port " + name() + ": " + state + " -> " + next);
        }
        state = next;
        if (next == PortState.UP || next == PortState.STOPPED) {
            problem = "";
        }
    }

    private void changed() {
        stateListener.run();
    }

    /** Starts listening, or waits for missing types; {@code started} runs once the attempt is over. */
    void start(Callback started) {
        Set<String> missing = missingTypes();
        if (!missing.isEmpty()) {
            moveTo(PortState.WAITING);
            problem = "waiting for gensio type" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing);
            LOG.info("connection {}: {}", name(), problem);
            changed();
            started.done(null);
            return;
        }
        moveTo(PortState.STARTING);
        try {
            accepter = registry.accepter(settings.accepter(), loop);
        } catch (GensioException | RuntimeException e) {
            fail("cannot create accepter " + settings.accepter() + ": " + Messages.describe(e), started);
            return;
        }
        accepter.setHandler(this);
        Accepter mine = accepter;
        accepter.startup(error -> loop.execute(() -> {
            if (state != PortState.STARTING || accepter != mine) {
                mine.shutdown(Callback.NONE);
            } else if (error != null) {
                accepter = null;
                fail("cannot start accepter " + settings.accepter() + ": " + Messages.describe(error), started);
                return;
            } else {
                moveTo(PortState.UP);
                changed();
                LOG.debug("connection {} listening on {}", name(), mine.localAddresses());
            }
            started.done(null);
        }));
    }

    private void fail(String why, Callback started) {
        moveTo(PortState.FAILED);
        problem = why;
        LOG.error("connection {}: {}", name(), why);
        changed();
        started.done(new GensioException(why));
    }

    /** A gensio type came or went: come up, or go down and wait. */
    void typesChanged() {
        if (state == PortState.WAITING && missingTypes().isEmpty()) {
            start(Callback.NONE);
        } else if ((state == PortState.UP || state == PortState.STARTING) && !missingTypes().isEmpty()) {
            takeDown(Callback.NONE);
            moveTo(PortState.WAITING);
            problem = "waiting for gensio types " + String.join(", ", missingTypes());
            LOG.warn("connection {}: {}", name(), problem);
            changed();
        }
    }

    /** Stops listening and closes every client and the device. */
    void stop(Callback done) {
        if (state == PortState.STOPPED) {
            done.done(null);
            return;
        }
        moveTo(PortState.STOPPED);
        takeDown(done);
    }

    private void takeDown(Callback done) {
        int[] pending = {1};
        Callback one = e -> {
            if (--pending[0] == 0) {
                done.done(null);
            }
        };
        if (accepter != null) {
            pending[0]++;
            Accepter a = accepter;
            accepter = null;
            a.shutdown(e -> loop.execute(() -> one.done(e)));
        }
        for (Session s : List.copyOf(sessions)) {
            pending[0]++;
            dropSession(s, one);
        }
        one.done(null);
    }

    @Override
    public void onConnection(Accepter from, Gensio client) {
        if (!client.loop().inLoop() || !loop.inLoop()) {
            loop.execute(() -> admit(client));
        } else {
            admit(client);
        }
    }

    private void admit(Gensio client) {
        if (state != PortState.UP) {
            Refusal.send(client, Messages.SHUTTING_DOWN, Callback.NONE);
        } else if (!settings.enabled()) {
            Refusal.send(client, Messages.DISABLED, Callback.NONE);
        } else if (sessions.size() >= settings.maxConnections() && !settings.kickOldUser()) {
            Refusal.send(client, Messages.IN_USE, Callback.NONE);
        } else {
            if (sessions.size() >= settings.maxConnections()) {
                dropSession(sessions.get(0), Callback.NONE);
            }
            Session s = new Session(client);
            sessions.add(s);
            client.setHandler(clientHandler);
            LOG.debug("connection {}: client {} connected", name(), s.remote());
            if (device == null) {
                openDevice();
            } else if (deviceOpen) {
                client.setReadEnabled(true);
            }
        }
    }

    private void openDevice() {
        Gensio dev;
        try {
            dev = registry.connector(settings.connector(), loop);
        } catch (GensioException | RuntimeException e) {
            refuseAll(Messages.deviceOpenFailure(e));
            return;
        }
        device = dev;
        dev.setHandler(deviceHandler);
        dev.open(error -> {
            if (device != dev) {
                dev.close(Callback.NONE);
            } else if (error != null) {
                LOG.warn("connection {}: device open failed: {}", name(), Messages.describe(error));
                device = null;
                refuseAll(Messages.deviceOpenFailure(error));
            } else {
                deviceOpen = true;
                dev.setReadEnabled(true);
                for (Session s : sessions) {
                    s.net.setReadEnabled(true);
                }
            }
        });
    }

    private void refuseAll(String text) {
        for (Session s : List.copyOf(sessions)) {
            sessions.remove(s);
            Refusal.send(s.net, text, Callback.NONE);
        }
    }

    private Session session(Gensio g) {
        for (Session s : sessions) {
            if (s.net == g) {
                return s;
            }
        }
        return null;
    }

    private void dropSession(Session s, Callback done) {
        if (!sessions.remove(s)) {
            done.done(null);
            return;
        }
        s.closing = true;
        s.net.close(e -> done.done(null));
        LOG.debug("connection {}: client {} disconnected", name(), s.remote());
        if (sessions.isEmpty()) {
            closeDevice();
        } else if (device != null && deviceOpen) {
            device.setReadEnabled(true);
        }
    }

    private void closeDevice() {
        Gensio dev = device;
        device = null;
        deviceOpen = false;
        if (dev != null) {
            dev.close(Callback.NONE);
        }
    }

    /** Device to clients: every client gets every byte; the slowest sets the pace. */
    private final class DeviceHandler implements GensioHandler {
        @Override
        public void onData(Gensio dev, ByteBuffer data) {
            if (sessions.isEmpty()) {
                data.position(data.limit());
                return;
            }
            int start = data.position();
            int remaining = data.remaining();
            int least = remaining;
            for (Session s : sessions) {
                if (s.ahead < remaining) {
                    ByteBuffer view = data.duplicate().position(start + s.ahead);
                    try {
                        s.ahead += s.net.write(view);
                    } catch (GensioException e) {
                        s.ahead = remaining;
                    }
                }
                least = Math.min(least, s.ahead);
            }
            data.position(start + least);
            for (Session s : sessions) {
                s.ahead -= least;
                if (s.ahead < remaining - least) {
                    s.net.setWriteReadyEnabled(true);
                }
            }
        }

        @Override
        public void onWriteReady(Gensio dev) {
            dev.setWriteReadyEnabled(false);
            for (Session s : sessions) {
                s.net.setReadEnabled(true);
            }
        }

        @Override
        public void onEnd(Gensio dev, Throwable error) {
            LOG.info("connection {}: device closed{}", name(),
                    error == null ? "" : ": " + Messages.describe(error));
            for (Session s : List.copyOf(sessions)) {
                dropSession(s, Callback.NONE);
            }
            closeDevice();
        }
    }

    /** Client to device. */
    private final class ClientHandler implements GensioHandler {
        @Override
        public void onData(Gensio net, ByteBuffer data) {
            if (device == null || !deviceOpen) {
                return;
            }
            try {
                device.write(data);
            } catch (GensioException e) {
                data.position(data.limit());
                return;
            }
            if (data.hasRemaining()) {
                device.setWriteReadyEnabled(true);
            }
        }

        @Override
        public void onWriteReady(Gensio net) {
            net.setWriteReadyEnabled(false);
            if (device != null) {
                device.setReadEnabled(true);
            }
        }

        @Override
        public void onEnd(Gensio net, Throwable error) {
            Session s = session(net);
            if (s != null) {
                dropSession(s, Callback.NONE);
            }
        }
    }
}
