package org.jser2net.gensio.telnet.internal;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.jser2net.gensio.api.Callback;
import org.jser2net.gensio.api.Cancellable;
import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.GensioHandler;
import org.jser2net.gensio.api.GensioState;
import org.jser2net.gensio.api.serial.SerialControl;
import org.jser2net.gensio.api.serial.SerialEvent;
import org.jser2net.gensio.base.AbstractGensio;
import org.jser2net.gensio.telnet.TelnetControl;

/**
 * The telnet layer over a child stream: received data goes up as views of the child's own buffer
 * (the runs between commands, never copied), and what the user leaves stays in the child until
 * reads are enabled again; sending is the {@link TelnetWriter}'s.
 *
 * <pre>
 *   user --write--> TelnetWriter: [run without 255 -> child.write] [rest, doubled -> TelnetOutput -> child]
 *   user <-onData-- [views of the child's buffer] <-- TelnetEngine.next (commands, negotiation, answers)
 * </pre>
 *
 * <p>A client with {@code rfc2217} or {@code winsize} finishes opening once the server has answered
 * those options, when data arrives, or after 4 seconds, as gensio does.
 */
final class TelnetGensio extends AbstractGensio {

    /** How long a client waits during open for the server's answer about COM-PORT/NAWS (gensio: 4 s). */
    static final long OPEN_WAIT_MS = 4000;
    /** How long a close waits for queued output to leave. */
    static final long DRAIN_MS = 1000;
    /** Room above writebuf for commands and answers. */
    static final int COMMAND_ROOM = 16 * 1024;

    private final Gensio child;
    private final TelnetSettings settings;
    private final TelnetOutput out;
    private final TelnetWriter writer;
    private final TelnetSession session;
    private TelnetEngine engine;
    private final ServerControl serverControl;
    private final ClientControl clientControl;
    private Callback openDone;
    private Callback closeDone;
    private Cancellable openTimer;
    private Cancellable drainTimer;
    private boolean flushQueued;
    /** Commands wait in the child: no room for their answers until the output drains. */
    private boolean stalled;
    private boolean draining;

    TelnetGensio(Gensio child, TelnetSettings settings) {
        super("telnet", child.loop(), GensioState.CLOSED);
        this.child = child;
        this.settings = settings;
        this.out = new TelnetOutput(settings.writebuf(), COMMAND_ROOM);
        this.writer = new TelnetWriter(child, out, this::outputChanged);
        this.session = new TelnetSession(this, settings);
        this.serverControl = settings.server() && settings.rfc2217() ? new ServerControl(this) : null;
        this.clientControl = !settings.server() && settings.rfc2217() ? new ClientControl(this) : null;
        child.setHandler(new ChildHandler());
    }

    @Override
    public Gensio child() {
        return child;
    }

    // Lifecycle

    @Override
    public void open(Callback done) {
        if (state() != GensioState.CLOSED) {
            complete(done, new GensioException("telnet is already " + state().name().toLowerCase()));
            return;
        }
        moveTo(GensioState.OPENING);
        openDone = done;
        engine = new TelnetEngine(settings.server(), settings.rfc2217(), settings.winsize(), out, session);
        session.reset(engine);
        if (child.state() == GensioState.OPEN) {
            childOpened(null);
        } else {
            child.open(this::childOpened);
        }
    }

    private void childOpened(Throwable error) {
        if (state() != GensioState.OPENING) {
            return; // closed meanwhile
        }
        if (error != null) {
            closed();
            Callback done = takeOpenDone();
            done.done(error);
            return;
        }
        engine.start();
        writer.flushQuietly();
        if (!settings.server() && (settings.rfc2217() || settings.winsize()) && !session.answered()) {
            openTimer = loop.schedule(this::finishOpen, OPEN_WAIT_MS, TimeUnit.MILLISECONDS);
            child.setReadEnabled(true);
        } else {
            finishOpen();
        }
    }

    /** Opening is over (answers came, data came, or the wait ran out). */
    void finishOpen() {
        if (state() != GensioState.OPENING) {
            return;
        }
        if (openTimer != null) {
            openTimer.cancel();
            openTimer = null;
        }
        opened();
        syncChildRead();
        complete(takeOpenDone(), null);
    }

    /** The child ended while we waited for the server's answers: the open fails with its reason. */
    private void openFailed(Throwable why) {
        if (openTimer != null) {
            openTimer.cancel();
            openTimer = null;
        }
        Callback done = takeOpenDone();
        moveTo(GensioState.CLOSING);
        child.close(e -> {
            writer.reset();
            closed();
            done.done(why);
        });
    }

    private Callback takeOpenDone() {
        Callback done = openDone;
        openDone = null;
        return done == null ? Callback.NONE : done;
    }

    @Override
    public void close(Callback done) {
        GensioState s = state();
        if (s == GensioState.CLOSED) {
            complete(done, null);
            return;
        }
        if (s == GensioState.CLOSING) {
            complete(done, new GensioException("telnet is already closing"));
            return;
        }
        if (openTimer != null) {
            openTimer.cancel();
            openTimer = null;
        }
        if (s == GensioState.OPENING) {
            complete(takeOpenDone(), new GensioException("telnet: closed before the open finished"));
        }
        moveTo(GensioState.CLOSING);
        closeDone = done;
        if (clientControl != null) {
            clientControl.end();
        }
        child.setReadEnabled(false);
        if (child.state() == GensioState.OPEN && !writer.hasFailed()) {
            writer.flushQuietly();
            if (!writer.isEmpty() && !writer.hasFailed()) {
                draining = true;
                syncChildWriteReady();
                drainTimer = loop.schedule(this::closeChild, DRAIN_MS, TimeUnit.MILLISECONDS);
                return;
            }
        }
        closeChild();
    }

    private void closeChild() {
        if (drainTimer != null) {
            drainTimer.cancel();
            drainTimer = null;
        }
        if (state() != GensioState.CLOSING || closeDone == null) {
            return;
        }
        draining = false;
        Callback done = closeDone;
        closeDone = null;
        child.close(error -> {
            writer.reset();
            stalled = false;
            closed();
            done.done(error);
        });
    }

    boolean isOpen() {
        return state() == GensioState.OPEN;
    }

    /** Whether {@code option} is on for this end ({@code local}) or the peer; false before the first open. */
    boolean optionEnabled(int option, boolean local) {
        return engine != null && engine.enabled(option, local);
    }

    /** The telnet state of the current session (RFC 2217 ends, NAWS); also the TelnetControl. */
    TelnetSession session() {
        return session;
    }

    void serialEvent(SerialEvent event) {
        fireSerialEvent(event);
    }

    // Writing

    @Override
    public int write(ByteBuffer src) throws GensioException {
        checkWritable();
        return writer.write(src);
    }

    /** Some output left: answers may fit again, and write-ready follows what is queued. */
    private void outputChanged() {
        if (stalled && out.room() >= TelnetEngine.REPLY_RESERVE) {
            stalled = false;
            loop.execute(this::syncChildRead); // after the current delivery, so the child sees it
        }
        syncChildWriteReady();
    }

    /** Sends the output soon, once for everything queued until then. */
    void scheduleFlush() {
        if (!flushQueued) {
            flushQueued = true;
            loop.execute(() -> {
                flushQueued = false;
                if (state() == GensioState.OPEN || state() == GensioState.OPENING || draining) {
                    writer.flushQuietly();
                }
            });
        }
    }

    void sendBreakCommand() {
        engine.sendCommand(Telnet.BREAK);
    }

    /** FLOWCONTROL-SUSPEND/RESUME from the peer: stop or restart taking data to send to it. */
    void suspend(boolean on) {
        if (writer.suspend(on)) {
            syncChildWriteReady();
        }
    }

    /** Output did not fit: the peer has stopped reading while we must answer it. */
    void overflow() {
        GensioException f = new GensioException("telnet: " + child.remoteAddress()
                + " does not read what it is sent; " + out.pending() + " bytes wait");
        if (writer.fail(f)) {
            loop.execute(() -> fireEnd(f));
        }
    }

    private void syncChildWriteReady() {
        if (child.state() != GensioState.OPEN) {
            return;
        }
        boolean want = !writer.isEmpty()
                || (isWriteReadyEnabled() && !writer.isSuspended() && state() == GensioState.OPEN);
        child.setWriteReadyEnabled(want);
    }

    private void syncChildRead() {
        if (child.state() != GensioState.OPEN) {
            return;
        }
        boolean opening = state() == GensioState.OPENING && openTimer != null;
        child.setReadEnabled(!stalled && (opening || (state() == GensioState.OPEN && isReadEnabled())));
    }

    @Override
    protected void readEnableChanged(boolean enabled) {
        syncChildRead();
    }

    @Override
    protected void writeReadyEnableChanged(boolean enabled) {
        syncChildWriteReady();
    }

    // Reading

    private void childData(ByteBuffer data) {
        try {
            while (data.hasRemaining()) {
                if (state() != GensioState.OPEN && state() != GensioState.OPENING) {
                    data.position(data.limit());
                    return;
                }
                int run = engine.next(data);
                if (run == TelnetReader.STALLED) {
                    stalled = true;
                    return;
                }
                if (run == 0 || state() == GensioState.CLOSING || state() == GensioState.CLOSED) {
                    continue; // used up, or closed by an event: the loop head decides
                }
                if (state() == GensioState.OPENING) {
                    finishOpen(); // the server talks: no answer about COM-PORT is coming first
                }
                // The run has no command in it: hand it up in pieces of at most readbuf, unscanned.
                while (run > 0) {
                    int n = Math.min(run, settings.readbuf());
                    if (!isReadEnabled() || state() != GensioState.OPEN || !deliverRun(data, n)) {
                        return; // the rest stays in the child until reads are enabled again
                    }
                    run -= n;
                }
            }
        } finally {
            writer.flushQuietly();
        }
    }

    /** Hands {@code n} bytes at {@code data}'s position to the user; false when some are left. */
    private boolean deliverRun(ByteBuffer data, int n) {
        int start = data.position();
        int limit = data.limit();
        data.limit(start + n);
        try {
            handler().onData(this, data);
        } finally {
            int taken = data.position() - start;
            data.limit(limit);
            data.position(start);
            engine.skip(data, taken);
        }
        if (data.position() - start == n) {
            return true;
        }
        if (state() == GensioState.OPEN) {
            setReadEnabled(false);
        }
        return false;
    }

    // Capabilities and TelnetControl

    @Override
    public <T> Optional<T> capability(Class<T> type) {
        if (type == SerialControl.class && (serverControl != null || clientControl != null)) {
            return Optional.of(type.cast(serverControl != null ? serverControl : clientControl));
        }
        if (type == TelnetControl.class) {
            return Optional.of(type.cast(session));
        }
        return child.capability(type);
    }

    @Override
    public String remoteAddress() {
        return child.remoteAddress();
    }

    /** Events of the child, on the loop. */
    private final class ChildHandler implements GensioHandler {
        @Override
        public void onData(Gensio g, ByteBuffer data) {
            childData(data);
        }

        @Override
        public void onWriteReady(Gensio g) {
            writer.flushQuietly();
            if (!writer.isEmpty()) {
                return;
            }
            if (draining) {
                closeChild();
                return;
            }
            if (isWriteReadyEnabled() && !writer.isSuspended()) {
                fireWriteReady();
            }
        }

        @Override
        public void onEnd(Gensio g, Throwable error) {
            if (state() == GensioState.OPENING) {
                openFailed(error != null ? error
                        : new GensioException("telnet: " + child.remoteAddress() + " closed during the open"));
                return;
            }
            fireEnd(error);
        }
    }

    @Override
    public String toString() {
        return "telnet[" + state() + (settings.server() ? ", server" : ", client")
                + (settings.rfc2217() ? ", rfc2217" : "") + "]";
    }
}
