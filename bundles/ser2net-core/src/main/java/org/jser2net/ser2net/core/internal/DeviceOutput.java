package org.jser2net.ser2net.core.internal;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jser2net.gensio.api.Cancellable;
import org.jser2net.gensio.api.EventLoop;

/**
 * Device output on its way to the clients: every client gets every byte, the slowest sets the pace.
 *
 * <p>Without chardelay, and for chunks of at least {@code dev-to-net-bufsize} bytes, the device's own
 * read buffer is written to the clients directly; what they cannot take yet stays with the device,
 * whose reads pause. With chardelay, small chunks are collected in a buffer of
 * {@code dev-to-net-bufsize} bytes until it fills, {@code sendon} is seen, or the delay runs out.
 * {@code closeon} is looked for in the bytes as they are sent.
 */
final class DeviceOutput {

    /** What the port does for this output. */
    interface Owner {
        /** Everything pending was sent: the device may deliver more. */
        void resumeDevice();

        /** {@code closeon} was seen and what came with it has been sent. */
        void closeOnSeen();
    }

    private final EventLoop loop;
    private final List<Session> sessions;
    private final Owner owner;
    private final ByteBuffer collect;
    private final CharDelay delay;
    private final Matcher sendon;
    private final Matcher closeon;
    private final boolean drop;
    private boolean flushing;
    private boolean directPending;
    private boolean closeSeen;
    private Cancellable timer;
    private long firstNanos;

    DeviceOutput(EventLoop loop, List<Session> sessions, Owner owner, PortSettings s, CharDelay delay,
            byte[] sendon, byte[] closeon) {
        this.loop = loop;
        this.sessions = sessions;
        this.owner = owner;
        this.delay = s.chardelay() ? delay : null;
        this.collect = s.chardelay() ? ByteBuffer.allocate(s.devToNetBufsize()) : null;
        this.sendon = sendon == null || sendon.length == 0 ? null : new Matcher(sendon);
        this.closeon = closeon == null || closeon.length == 0 ? null : new Matcher(closeon);
        this.drop = s.noConToAcc();
    }

    /** Device data arrived; takes what can go now and leaves the rest with the device. */
    void onData(ByteBuffer data) {
        if (drop || sessions.isEmpty()) {
            data.position(data.limit());
            return;
        }
        while (data.hasRemaining() && !flushing) {
            if (collect == null || directPending
                    || (collect.position() == 0 && data.remaining() >= collect.capacity())) {
                directPending = !send(data);
                return;
            }
            boolean now = false;
            while (data.hasRemaining() && collect.hasRemaining()) {
                byte b = data.get();
                collect.put(b);
                now |= sendon != null && sendon.feed(b);
                closeSeen |= closeon != null && closeon.feed(b);
            }
            if (now || closeSeen || !collect.hasRemaining()) {
                flush();
            } else {
                arm();
            }
        }
    }

    /** A client can take more, or one left: carry on with what is pending. */
    void resume() {
        if (flushing) {
            continueFlush();
        } else {
            owner.resumeDevice();
        }
    }

    private void arm() {
        long now = System.nanoTime();
        if (timer == null) {
            firstNanos = now;
        } else {
            timer.cancel();
        }
        long waitMicros = Math.min(delay.delayMicros(),
                delay.maxMicros() - TimeUnit.NANOSECONDS.toMicros(now - firstNanos));
        timer = loop.schedule(this::flush, Math.max(0, waitMicros), TimeUnit.MICROSECONDS);
    }

    private void flush() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        if (flushing || collect.position() == 0) {
            return;
        }
        collect.flip();
        flushing = true;
        continueFlush();
    }

    private void continueFlush() {
        if (!send(collect)) {
            return;
        }
        collect.clear();
        flushing = false;
        owner.resumeDevice();
    }

    /** Writes {@code data} to every client; true when all have all of it (then closeon may fire). */
    private boolean send(ByteBuffer data) {
        if (sessions.isEmpty()) {
            data.position(data.limit());
        } else {
            int start = data.position();
            int least = Integer.MAX_VALUE;
            for (Session s : List.copyOf(sessions)) {
                least = Math.min(least, s.take(data));
            }
            least = Math.min(least, data.remaining());
            if (collect == null || data != collect) {
                scanCloseon(data, start, least);
            }
            data.position(start + least);
            for (Session s : sessions) {
                s.ahead -= least;
            }
        }
        if (data.hasRemaining()) {
            return false;
        }
        if (closeSeen) {
            closeSeen = false;
            owner.closeOnSeen();
        }
        return true;
    }

    private void scanCloseon(ByteBuffer data, int from, int count) {
        if (closeon == null) {
            return;
        }
        for (int i = from; i < from + count; i++) {
            closeSeen |= closeon.feed(data.get(i));
        }
    }

    /** Drops whatever is collected (the device closed) and stops the timer. */
    void discard() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        if (collect != null) {
            collect.clear();
        }
        flushing = false;
        directPending = false;
        closeSeen = false;
    }
}
