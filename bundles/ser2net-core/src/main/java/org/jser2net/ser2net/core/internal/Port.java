package org.jser2net.ser2net.core.internal;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.jser2net.gensio.api.Accepter;
import org.jser2net.gensio.api.AccepterHandler;
import org.jser2net.gensio.api.Callback;
import org.jser2net.gensio.api.Cancellable;
import org.jser2net.gensio.api.EventLoop;
import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.GensioRegistry;
import org.jser2net.gensio.api.LayerSpec;
import org.jser2net.gensio.api.MissingTypeException;
import org.jser2net.gensio.api.StackSpec;
import org.jser2net.gensio.base.NetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ser2net port: an accepter whose clients share one device connection ({@link Device}). Everything
 * runs on the port's loop. The device opens with the first client and closes after the last.
 *
 * <p>Settings changes follow ser2net: a port without clients takes them at once; a port in use stops
 * listening and takes them when its last client leaves, unless it is disabled, which kicks its clients.
 */
final class Port implements AccepterHandler {

    private static final Logger LOG = LoggerFactory.getLogger(Port.class);

    private final GensioRegistry registry;
    private final EventLoop loop;
    private final List<Session> sessions = new ArrayList<>();
    private volatile PortSettings settings;
    private PortSettings pending;
    private boolean retiring;
    private Callback retired = Callback.NONE;
    private PortState state = PortState.NEW;
    private String problem = "";
    private StackSpec accepterSpec;
    private StackSpec connectorSpec;
    private Accepter accepter;
    private Device device;
    /** The last device closed, until its close completes: a new one opens only after. */
    private Device closing;
    private Cancellable retry;
    private Cancellable idleTick;
    private Cancellable deviceRetry;
    private Cancellable connbackRetry;
    private int connbacksPending;
    private Runnable stateListener = () -> { };
    private PortDirectory directory;
    /** Whether this port holds its device now (read by other ports' loops: one device, one user). */
    private volatile boolean holdsDevice;

    Port(PortSettings settings, GensioRegistry registry, EventLoop loop) {
        this.settings = settings;
        this.registry = registry;
        this.loop = loop;
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

    List<Session> sessions() {
        return sessions;
    }

    PortSettings settings() {
        return settings;
    }

    EventLoop loop() {
        return loop;
    }

    GensioRegistry registry() {
        return registry;
    }

    StackSpec connectorSpec() {
        return connectorSpec;
    }

    /** The other ports, to refuse a client whose device another connection holds. */
    void directory(PortDirectory d) {
        this.directory = d;
    }

    boolean holdsDevice() {
        return holdsDevice;
    }

    /** Who to tell (on the loop) when the state or problem changes. */
    void onStateChange(Runnable listener) {
        this.stateListener = listener;
    }

    private void moveTo(PortState next, String why) {
        if (next != state && !state.next().contains(next)) {
            throw new IllegalStateException("port " + name() + ": " + state + " -> " + next);
        }
        state = next;
        problem = why;
        stateListener.run();
    }

    /** Starts listening, or waits for missing types; {@code started} runs once the attempt is over. */
    void start(Callback started) {
        if (state == PortState.STOPPED) {
            started.done(null);
            return;
        }
        try {
            accepterSpec = registry.parse(settings.accepter());
            connectorSpec = registry.parse(settings.connector());
        } catch (IllegalArgumentException e) {
            fail("bad stack: " + e.getMessage(), started, false);
            return;
        }
        Set<String> missing = missingTypes();
        if (!missing.isEmpty()) {
            waitFor(missing);
            started.done(null);
            return;
        }
        moveTo(PortState.STARTING, "");
        try {
            accepter = registry.accepter(accepterSpec, loop);
        } catch (MissingTypeException e) {
            waitFor(Set.of(e.missingType()));
            started.done(null);
            return;
        } catch (GensioException | RuntimeException e) {
            fail("cannot create accepter " + settings.accepter() + ": " + Messages.describe(e), started, true);
            return;
        }
        accepter.setHandler(this);
        Accepter mine = accepter;
        accepter.startup(error -> loop.execute(() -> started(mine, error, started)));
    }

    private void started(Accepter mine, Throwable error, Callback started) {
        if (state != PortState.STARTING || accepter != mine) {
            mine.shutdown(Callback.NONE);
        } else if (error != null) {
            accepter = null;
            fail("cannot start accepter " + settings.accepter() + ": " + Messages.describe(error), started, true);
            return;
        } else {
            moveTo(PortState.UP, "");
            LOG.debug("connection {} listening on {}", name(), mine.localAddresses());
            openStandingDevice();
        }
        started.done(null);
    }

    /** A port with connect-backs keeps its device open without clients, to see its data. */
    private void openStandingDevice() {
        deviceRetry = null;
        if (!settings.connbacks().isEmpty() && state == PortState.UP && device == null) {
            device = new Device(this, closing);
            holdsDevice = true;
            device.openAlone();
        }
    }

    private void retryStandingDevice() {
        if (!settings.connbacks().isEmpty() && deviceRetry == null) {
            deviceRetry = loop.schedule(this::openStandingDevice, settings.connectorRetrySeconds(), TimeUnit.SECONDS);
        }
    }

    /**
     * Device data arrived: true while it must wait for connect-backs, which this starts when some are
     * missing. Once they are all up (or have failed and the retry time passed) the device resumes.
     */
    boolean holdForConnbacks() {
        if (settings.connbacks().isEmpty()) {
            return false;
        }
        if (connbacksPending > 0 || connbackRetry != null) {
            return true;
        }
        List<String> missing = missingConnbacks();
        if (missing.isEmpty()) {
            return false;
        }
        for (String c : missing) {
            try {
                Gensio g = registry.connector(registry.parse(c), loop);
                connbacksPending++;
                g.open(error -> connbackDone(c, g, error));
            } catch (GensioException | RuntimeException e) {
                LOG.warn("connection {}: cannot connect back to {}: {}", name(), c, Messages.describe(e));
            }
        }
        if (connbacksPending == 0) {
            waitBeforeConnbacks();
        }
        return true;
    }

    private List<String> missingConnbacks() {
        List<String> missing = new ArrayList<>(settings.connbacks());
        for (Session s : sessions) {
            missing.remove(s.connback);
        }
        return missing;
    }

    private void connbackDone(String c, Gensio g, Throwable error) {
        connbacksPending--;
        if (error != null || state != PortState.UP || device == null) {
            LOG.warn("connection {}: connect back to {} failed: {}", name(), c,
                    error == null ? "port not up" : Messages.describe(error));
            g.close(Callback.NONE);
        } else {
            Session s = new Session(g);
            s.connback = c;
            sessions.add(s);
            device.join(s);
        }
        if (connbacksPending == 0 && device != null) {
            if (missingConnbacks().isEmpty()) {
                device.resumeDevice();
            } else {
                waitBeforeConnbacks();
            }
        }
    }

    /** Connect-backs failed: the device pauses for accepter-retry-time, as in ser2net, then tries again. */
    private void waitBeforeConnbacks() {
        connbackRetry = loop.schedule(() -> {
            connbackRetry = null;
            if (device != null) {
                device.resumeDevice();
            }
        }, settings.accepterRetrySeconds(), TimeUnit.SECONDS);
    }

    private void waitFor(Set<String> missing) {
        String why = "waiting for gensio type" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing);
        moveTo(PortState.WAITING, why);
        LOG.info("connection {}: {}", name(), why);
    }

    private void fail(String why, Callback started, boolean retryLater) {
        moveTo(PortState.FAILED, why);
        LOG.error("connection {}: {}", name(), why);
        if (retryLater) {
            retry = loop.schedule(this::retry, settings.accepterRetrySeconds(), TimeUnit.SECONDS);
        }
        started.done(new GensioException(why));
    }

    private void retry() {
        retry = null;
        if (state == PortState.FAILED) {
            start(Callback.NONE);
        }
    }

    /** Types this port needs that are not installed. */
    Set<String> missingTypes() {
        Set<String> missing = new TreeSet<>(registry.missingTypes(accepterSpec));
        missing.addAll(registry.missingTypes(connectorSpec));
        return missing;
    }

    private boolean uses(String type) {
        for (StackSpec spec : new StackSpec[] {accepterSpec, connectorSpec}) {
            if (spec != null) {
                for (LayerSpec l : spec.layers()) {
                    if (l.type().equals(type)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** A provider of {@code type} left (or is being replaced): what was built with it goes down. */
    void typeRemoved(String type) {
        if ((state == PortState.UP || state == PortState.STARTING) && uses(type)) {
            LOG.warn("connection {}: gensio type {} went away, closing", name(), type);
            takeDown(e -> {
                if (state != PortState.STOPPED) {
                    moveTo(PortState.WAITING, "waiting for gensio type " + type);
                    typeAdded(type);
                }
            });
        }
    }

    /** A provider arrived: a waiting port comes up if nothing else is missing. */
    void typeAdded(String type) {
        if (state == PortState.WAITING) {
            start(Callback.NONE);
        }
    }

    /** New settings: applied now, or when the last client leaves (see the class comment). */
    void reconfigure(PortSettings next) {
        if (state == PortState.STOPPED) {
            return;
        }
        if (sessions.isEmpty() || !next.enabled()) {
            pending = null;
            restart(next);
            return;
        }
        pending = next;
        LOG.info("connection {}: will be reconfigured when its clients leave", name());
        closeAccepter(Callback.NONE);
    }

    /** True while new settings wait for the clients to leave. */
    boolean reconfigurePending() {
        return pending != null;
    }

    private void restart(PortSettings next) {
        takeDown(e -> {
            if (state == PortState.STOPPED) {
                return;
            }
            settings = next;
            moveTo(PortState.NEW, "");
            start(Callback.NONE);
        });
    }

    /** The configuration was deleted: stop listening, let the clients finish, then stop. */
    void retire(Callback done) {
        if (sessions.isEmpty()) {
            stop(done);
            return;
        }
        retiring = true;
        retired = done;
        LOG.info("connection {}: deleted, will close when its clients leave", name());
        closeAccepter(Callback.NONE);
    }

    /** Stops listening and closes every client and the device. */
    void stop(Callback done) {
        if (state == PortState.STOPPED) {
            done.done(null);
            return;
        }
        moveTo(PortState.STOPPED, "");
        takeDown(done);
    }

    private void takeDown(Callback done) {
        if (retry != null) {
            retry.cancel();
            retry = null;
        }
        for (Cancellable c : new Cancellable[] {deviceRetry, connbackRetry}) {
            if (c != null) {
                c.cancel();
            }
        }
        deviceRetry = null;
        connbackRetry = null;
        int[] count = {1};
        Callback one = e -> {
            if (--count[0] == 0) {
                done.done(null);
            }
        };
        count[0]++;
        closeAccepter(one);
        for (Session s : List.copyOf(sessions)) {
            count[0]++;
            drop(s, one);
        }
        closeDevice();
        if (closing != null) {
            count[0]++;
            closing.whenClosed(one);
        }
        one.done(null);
    }

    private void closeAccepter(Callback done) {
        Accepter a = accepter;
        accepter = null;
        if (a == null) {
            done.done(null);
        } else {
            a.shutdown(e -> loop.execute(() -> done.done(e)));
        }
    }

    @Override
    public void onConnection(Accepter from, Gensio client) {
        if (loop.inLoop()) {
            admit(from, client);
        } else {
            loop.execute(() -> admit(from, client));
        }
    }

    private void admit(Accepter from, Gensio client) {
        if (state != PortState.UP || from != accepter) {
            Refusal.send(client, Messages.SHUTTING_DOWN, Callback.NONE);
        } else if (!settings.enabled()) {
            Refusal.send(client, Messages.DISABLED, Callback.NONE);
        } else if (!allowed(client)) {
            LOG.info("connection {}: refused {} (remaddr)", name(), client.remoteAddress());
            Refusal.send(client, Messages.ADDRESS_DENIED, Callback.NONE);
        } else if (device == null && directory != null && directory.deviceBusy(this)) {
            Refusal.send(client, Messages.DEVICE_IN_USE, Callback.NONE);
        } else if (!settings.connbacks().isEmpty() && (device == null || !device.isOpen())) {
            Refusal.send(client, Messages.DEVICE_FAILED_OPEN, Callback.NONE);
        } else if (clients() >= freeSlots() && (!settings.kickOldUser() || clients() == 0)) {
            Refusal.send(client, Messages.IN_USE, Callback.NONE);
        } else {
            if (clients() >= freeSlots()) {
                for (Session s : sessions) {
                    if (s.connback == null) {
                        drop(s, Callback.NONE);
                        break;
                    }
                }
            }
            seat(client);
        }
    }

    /** Whether {@code remaddr} lets this client in; a client without an IP address only if unrestricted. */
    private boolean allowed(Gensio client) {
        RemoteAddresses r = settings.remaddr();
        if (!r.restricted()) {
            return true;
        }
        try {
            List<InetSocketAddress> a = NetAddress.parse("tcp", client.remoteAddress()).get(0).resolve(false);
            return !a.isEmpty() && r.allows(a.get(0));
        } catch (GensioException | RuntimeException e) {
            return false;
        }
    }

    /** Clients that connected to the port (connect-backs not counted). */
    private int clients() {
        int n = 0;
        for (Session s : sessions) {
            if (s.connback == null) {
                n++;
            }
        }
        return n;
    }

    /** Slots for clients: connect-backs hold theirs for good. */
    private int freeSlots() {
        return settings.maxConnections() - settings.connbacks().size();
    }

    /** A rotator offers a client: taken if the port is up, enabled and has a free slot. */
    boolean offer(Gensio client) {
        if (state != PortState.UP || !settings.enabled() || clients() >= freeSlots()
                || !allowed(client)) {
            return false;
        }
        seat(client);
        return true;
    }

    private void seat(Gensio client) {
        Session s = new Session(client);
        sessions.add(s);
        LOG.debug("connection {}: client {} connected", name(), s.remote());
        if (device == null) {
            device = new Device(this, closing);
            holdsDevice = true;
        }
        device.join(s);
        armIdleTick();
    }

    /** What the escapes refer to for this port now. */
    EscapeContext escapes(String client) {
        Instant now = Instant.now();
        String params = device == null ? "" : device.serialParams();
        return new EscapeContext(name(), settings.accepter(), settings.connector(), params, client,
                now.atZone(ZoneId.systemDefault()), now.getNano() / 1000);
    }

    /** Refuses every client that waits for a device that could not be opened. */
    void deviceFailed(Device d, String message) {
        if (device != d) {
            return;
        }
        device = null;
        holdsDevice = false;
        for (Session s : List.copyOf(sessions)) {
            sessions.remove(s);
            Refusal.send(s.net, message, Callback.NONE);
        }
        sessionsChanged();
        retryStandingDevice();
    }

    /** The device ended: every client goes, and the device is closed. */
    void deviceEnded(Device d) {
        if (device != d) {
            return;
        }
        for (Session s : List.copyOf(sessions)) {
            drop(s, Callback.NONE);
        }
        if (device == d) {
            closeDevice();
            retryStandingDevice();
        }
    }

    Session session(Gensio g) {
        for (Session s : sessions) {
            if (s.net == g) {
                return s;
            }
        }
        return null;
    }

    /** Closes one client; the device closes after the last. */
    void drop(Session s, Callback done) {
        drop(s, "port closing", done);
    }

    /** Closes one client, saying why in the trace files; the device closes after the last. */
    void drop(Session s, String reason, Callback done) {
        if (!sessions.remove(s)) {
            done.done(null);
            return;
        }
        s.net.setHandler(null);
        s.net.close(e -> done.done(null));
        LOG.debug("connection {}: client {} disconnected", name(), s.remote());
        if (device != null) {
            device.left(s, reason);
        }
        sessionsChanged();
    }

    private void sessionsChanged() {
        if (!sessions.isEmpty()) {
            return;
        }
        boolean standing = !settings.connbacks().isEmpty() && state == PortState.UP && !retiring && pending == null;
        if (!standing) {
            closeDevice();
        }
        if (idleTick != null) {
            idleTick.cancel();
            idleTick = null;
        }
        if (retiring) {
            retiring = false;
            stop(retired);
        } else if (pending != null) {
            PortSettings next = pending;
            pending = null;
            restart(next);
        }
    }

    private void closeDevice() {
        holdsDevice = false;
        if (device != null) {
            Device d = device;
            device = null;
            closing = d;
            d.close();
        }
    }

    private void armIdleTick() {
        if (settings.timeoutSeconds() > 0 && idleTick == null) {
            idleTick = loop.schedule(this::idleTick, 1, TimeUnit.SECONDS);
        }
    }

    private void idleTick() {
        idleTick = null;
        long limit = TimeUnit.SECONDS.toNanos(settings.timeoutSeconds());
        long now = System.nanoTime();
        for (Session s : List.copyOf(sessions)) {
            if (now - s.lastActivity >= limit) {
                LOG.debug("connection {}: client {} timed out", name(), s.remote());
                drop(s, "timeout", Callback.NONE);
            }
        }
        if (!sessions.isEmpty()) {
            armIdleTick();
        }
    }
}
