package org.jser2net.gensio.udp.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;

import org.jser2net.gensio.api.EventLoop;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.GensioState;
import org.jser2net.gensio.base.AbstractGensio;
import org.jser2net.gensio.base.NetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A udp gensio: the datagrams of one remote peer, one {@code onData} per datagram, and one datagram
 * per {@code write}. Datagrams that arrive while reads are off wait in a bounded queue; beyond it
 * they are dropped, as a full socket buffer would drop them, and counted.
 */
abstract class UdpGensio extends AbstractGensio {

    /** Most datagrams kept per peer while its reads are off. */
    static final int MAX_QUEUED_PACKETS = 64;
    /** Most bytes kept per peer while its reads are off (one datagram is always kept). */
    static final int MAX_QUEUED_BYTES = 256 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(UdpGensio.class);

    private final InetSocketAddress remote;
    private final ArrayDeque<ByteBuffer> queue = new ArrayDeque<>();
    private int queuedBytes;
    private long dropped;
    private boolean drainQueued;

    UdpGensio(EventLoop loop, GensioState initial, InetSocketAddress remote) {
        super(UdpOptions.TYPE, loop, initial);
        this.remote = remote;
    }

    /** The socket this gensio sends through, or null while it has none. */
    abstract UdpSocket socket();

    final InetSocketAddress remote() {
        return remote;
    }

    @Override
    public final String remoteAddress() {
        return NetAddress.format(remote);
    }

    /** A datagram from the peer: delivered now if reads are on and nothing waits, else queued. */
    final void receive(ByteBuffer packet) {
        if (state() != GensioState.OPEN) {
            return;
        }
        if (queue.isEmpty() && isReadEnabled() && !hasLeftover()) {
            deliver(packet);
            return;
        }
        if (!queue.isEmpty() && (queue.size() >= MAX_QUEUED_PACKETS
                || queuedBytes + packet.remaining() > MAX_QUEUED_BYTES)) {
            if (dropped++ == 0) {
                LOG.info("udp: {} is not reading; dropping its datagrams beyond {} queued",
                        remoteAddress(), queue.size());
            }
            return;
        }
        queue.add(packet);
        queuedBytes += packet.remaining();
    }

    /** Datagrams dropped because the queue was full. */
    final long droppedPackets() {
        return dropped;
    }

    /** Datagrams waiting for reads to be enabled. */
    final int queuedPackets() {
        return queue.size();
    }

    final void discardQueue() {
        queue.clear();
        queuedBytes = 0;
    }

    /** The socket can send: pass it on if write-ready events are on. */
    final void writeReady() {
        fireWriteReady();
    }

    @Override
    public final int write(ByteBuffer src) throws GensioException {
        checkWritable();
        if (!src.hasRemaining()) {
            return 0;
        }
        try {
            return socket().send(src, remote);
        } catch (IOException e) {
            throw new GensioException("udp: cannot send to " + remoteAddress() + ": " + e.getMessage(), e);
        }
    }

    @Override
    protected final void readEnableChanged(boolean enabled) {
        if (enabled && !queue.isEmpty() && !drainQueued) {
            drainQueued = true;
            loop.execute(this::drain);
        }
    }

    private void drain() {
        drainQueued = false;
        while (state() == GensioState.OPEN && isReadEnabled() && !hasLeftover() && !queue.isEmpty()) {
            ByteBuffer packet = queue.poll();
            queuedBytes -= packet.remaining();
            deliver(packet);
        }
    }

    @Override
    protected final void writeReadyEnableChanged(boolean enabled) {
        UdpSocket s = socket();
        if (s != null) {
            s.wantWrite(this, enabled);
        }
    }

    /** Common part of close: stop write-ready events and forget queued datagrams. */
    final void releaseIo() {
        UdpSocket s = socket();
        if (s != null) {
            s.wantWrite(this, false);
        }
        discardQueue();
    }
}
