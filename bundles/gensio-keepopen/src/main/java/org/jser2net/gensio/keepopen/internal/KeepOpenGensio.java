package org.jser2net.gensio.keepopen.internal;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.jser2net.gensio.api.Callback;
import org.jser2net.gensio.api.Cancellable;
import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.GensioHandler;
import org.jser2net.gensio.api.GensioState;
import org.jser2net.gensio.api.serial.SerialEvent;
import org.jser2net.gensio.base.AbstractGensio;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keepopen layer: open towards its user for as long as the user wants, whatever its child does.
 * When the child fails to open or later ends, it is closed and the same instance is opened again
 * every retry time; meanwhile writes are held (0 taken) or, with discard-badwrites, dropped.
 */
final class KeepOpenGensio extends AbstractGensio implements GensioHandler {

    private static final Logger LOG = LoggerFactory.getLogger(KeepOpenGensio.class);

    /** Child data is copied through this, so a leftover of ours never aliases the child's buffer. */
    private static final int CHUNK = 16 * 1024;

    private final Gensio child;
    private final KeepOpenSettings settings;
    private ChildLink link = ChildLink.DOWN;
    /** Tells a callback of an earlier child open or close from the current one. */
    private int attempt;
    private Cancellable retry;
    private Callback openDone;
    private Callback closeDone;
    private ByteBuffer in;
    /** Set from the first failure of an outage until the child is back, to log each outage once. */
    private boolean outage;

    KeepOpenGensio(Gensio child, KeepOpenSettings settings) {
        super("keepopen", child.loop(), GensioState.CLOSED);
        this.child = child;
        this.settings = settings;
        child.setHandler(this);
    }

    @Override
    public Gensio child() {
        return child;
    }

    /** The child's link, for tests; on the loop. */
    ChildLink link() {
        return link;
    }

    private void moveLink(ChildLink next) {
        if (!link.next().contains(next)) {
            throw new IllegalStateException("keepopen: illegal child transition " + link + " -> " + next);
        }
        link = next;
    }

    @Override
    public void open(Callback done) {
        if (state() != GensioState.CLOSED) {
            complete(done, new GensioException("keepopen is already " + state().name().toLowerCase()));
            return;
        }
        moveTo(GensioState.OPENING);
        openDone = done;
        outage = false;
        if (child.state() == GensioState.OPEN) {
            moveLink(ChildLink.UP);
            finishOpen();
        } else {
            openChild();
        }
    }

    /** The user's open succeeds once the first attempt is over, whatever its outcome (as in gensio). */
    private void finishOpen() {
        Callback done = openDone;
        openDone = null;
        opened();
        complete(done, null);
    }

    private void openChild() {
        moveLink(ChildLink.OPENING);
        int current = ++attempt;
        try {
            child.open(err -> childOpened(current, err));
        } catch (RuntimeException e) {
            childOpened(current, new GensioException("keepopen: " + child.type() + " cannot be opened: " + e, e));
        }
    }

    private void childOpened(int current, Throwable error) {
        if (current != attempt || link != ChildLink.OPENING) {
            return; // closed meanwhile; close() took over
        }
        if (error != null) {
            moveLink(ChildLink.DOWN);
            noteFailure("cannot open", error);
            scheduleRetry();
            if (state() == GensioState.OPENING) {
                finishOpen();
            }
            return;
        }
        moveLink(ChildLink.UP);
        if (outage) {
            LOG.info("keepopen: {} is open again ({})", child.type(), child.remoteAddress());
            outage = false;
        }
        if (state() == GensioState.OPENING) {
            finishOpen(); // arms the child with the enables set so far
            return;
        }
        child.setReadEnabled(isReadEnabled());
        child.setWriteReadyEnabled(isWriteReadyEnabled());
    }

    /** The child ended or failed while up: close it and try again after the retry time. */
    private void childFailed(Throwable error) {
        if (link != ChildLink.UP) {
            return;
        }
        moveLink(ChildLink.CLOSING);
        noteFailure("was lost", error);
        int current = ++attempt;
        child.close(err -> childClosed(current, err));
        if (settings.discardBadWrites()) {
            // Writes are taken again from now on: wake a writer that waits for room.
            loop.execute(this::fireWriteReady);
        }
    }

    private void childClosed(int current, Throwable error) {
        if (current != attempt || link != ChildLink.CLOSING) {
            return;
        }
        if (state() == GensioState.CLOSING) {
            finishClose(error);
            return;
        }
        moveLink(ChildLink.DOWN);
        scheduleRetry();
    }

    private void noteFailure(String what, Throwable error) {
        String why = error == null ? "closed" : String.valueOf(error.getMessage());
        if (!outage) {
            outage = true;
            LOG.info("keepopen: {} {}: {}; retrying every {}", child.type(), what, why, settings.retryText());
        } else {
            LOG.debug("keepopen: {} {}: {}", child.type(), what, why);
        }
    }

    private void scheduleRetry() {
        retry = loop.schedule(this::retryNow, settings.retryNanos(), TimeUnit.NANOSECONDS);
    }

    private void retryNow() {
        retry = null;
        if (link == ChildLink.DOWN && state() == GensioState.OPEN) {
            openChild();
        }
    }

    @Override
    public void close(Callback done) {
        GensioState s = state();
        if (s == GensioState.CLOSED) {
            complete(done, null);
            return;
        }
        if (s == GensioState.CLOSING) {
            complete(done, new GensioException("keepopen is already closing"));
            return;
        }
        Callback opening = openDone;
        openDone = null;
        moveTo(GensioState.CLOSING);
        closeDone = done;
        if (retry != null) {
            retry.cancel();
            retry = null;
        }
        if (opening != null) {
            complete(opening, new GensioException("keepopen: closed before the open finished"));
        }
        switch (link) {
            case UP:
            case OPENING:
                moveLink(ChildLink.CLOSING);
                int current = ++attempt;
                child.close(err -> childClosed(current, err));
                break;
            case CLOSING:
                break; // the child's close after a failure is under way; childClosed finishes
            default:
                loop.execute(() -> finishClose(null));
                break;
        }
    }

    private void finishClose(Throwable error) {
        link = ChildLink.DOWN;
        closed();
        Callback done = closeDone;
        closeDone = null;
        done.done(error);
    }

    /** Passes to the child while it is up; else holds (0) or, with discard-badwrites, drops it all. */
    @Override
    public int write(ByteBuffer src) throws GensioException {
        checkWritable();
        int before = src.position();
        if (link == ChildLink.UP) {
            try {
                return child.write(src);
            } catch (GensioException e) {
                childFailed(e);
            }
        }
        if (settings.discardBadWrites()) {
            src.position(src.limit());
        }
        return src.position() - before;
    }

    @Override
    protected void readEnableChanged(boolean enabled) {
        if (link == ChildLink.UP) {
            child.setReadEnabled(enabled);
        }
    }

    @Override
    protected void writeReadyEnableChanged(boolean enabled) {
        if (link == ChildLink.UP) {
            child.setWriteReadyEnabled(enabled);
        } else if (enabled && settings.discardBadWrites()) {
            loop.execute(this::fireWriteReady);
        }
    }

    /** Copies the child's bytes up in chunks; stops when reads go off (the child keeps the rest). */
    @Override
    public void onData(Gensio g, ByteBuffer data) {
        if (link != ChildLink.UP || hasLeftover()) {
            return;
        }
        if (in == null) {
            in = ByteBuffer.allocate(CHUNK);
        }
        while (data.hasRemaining() && isReadEnabled() && link == ChildLink.UP) {
            in.clear();
            int n = Math.min(in.remaining(), data.remaining());
            in.put(in.position(), data, data.position(), n);
            data.position(data.position() + n);
            in.limit(n);
            if (!deliver(in)) {
                return;
            }
        }
    }

    @Override
    public void onWriteReady(Gensio g) {
        if (link == ChildLink.UP) {
            fireWriteReady();
        }
    }

    @Override
    public void onEnd(Gensio g, Throwable error) {
        childFailed(error != null ? error
                : new GensioException(child.type() + " was closed by the other end"));
    }

    @Override
    public void onSerialEvent(Gensio g, SerialEvent event) {
        if (link == ChildLink.UP) {
            fireSerialEvent(event);
        }
    }

    /** The child's capabilities while it is up (a serial port's control, say); none while it is down. */
    @Override
    public <T> Optional<T> capability(Class<T> type) {
        return link == ChildLink.UP ? child.capability(type) : Optional.empty();
    }

    @Override
    public String remoteAddress() {
        return child.remoteAddress();
    }

    @Override
    public String toString() {
        return "keepopen[" + state() + ", " + child.type() + " " + link + "]";
    }
}
