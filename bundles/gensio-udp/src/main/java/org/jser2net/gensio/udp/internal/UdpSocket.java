package org.jser2net.gensio.udp.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jser2net.gensio.api.EventLoop;
import org.jser2net.gensio.api.IoHandler;
import org.jser2net.gensio.api.IoRegistration;
import org.jser2net.gensio.base.NetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bound, non-blocking datagram socket on a loop: it hands each received datagram, copied, to a
 * {@link Receiver}, sends datagrams, and tells the gensios that asked for it when it can send.
 */
final class UdpSocket implements IoHandler {

    /** The largest UDP payload over IPv4, which gensio also advertises as its maximum packet. */
    static final int MAX_DATAGRAM = 65507;
    /** Datagrams read per wakeup before other channels get their turn. */
    private static final int READS_PER_WAKEUP = 32;
    private static final Logger LOG = LoggerFactory.getLogger(UdpSocket.class);

    /** Gets the datagrams a socket receives, on its loop. */
    @FunctionalInterface
    interface Receiver {
        void received(UdpSocket socket, InetSocketAddress from, ByteBuffer packet);
    }

    private final DatagramChannel channel;
    private final ByteBuffer readBuffer;
    private final Receiver receiver;
    private final Set<UdpGensio> writers = new LinkedHashSet<>();
    private final InetSocketAddress local;
    private IoRegistration registration;
    private boolean closed;

    private UdpSocket(DatagramChannel channel, int readbuf, Receiver receiver) throws IOException {
        this.channel = channel;
        this.readBuffer = ByteBuffer.allocateDirect(readbuf);
        this.receiver = receiver;
        this.local = (InetSocketAddress) channel.getLocalAddress();
    }

    /** Opens a socket bound to {@code bind} and registers it on {@code loop}; call on the loop. */
    static UdpSocket open(EventLoop loop, UdpTarget bind, boolean reuseaddr, int readbuf,
            Receiver receiver) throws IOException {
        DatagramChannel ch = bind.family() == null
                ? DatagramChannel.open() : DatagramChannel.open(bind.family());
        try {
            ch.setOption(StandardSocketOptions.SO_REUSEADDR, reuseaddr);
            ch.bind(bind.address());
            UdpSocket s = new UdpSocket(ch, readbuf, receiver);
            s.registration = loop.register(ch, SelectionKey.OP_READ, s);
            return s;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    DatagramChannel channel() {
        return channel;
    }

    /** The bound address, with the real port. */
    InetSocketAddress localAddress() {
        return local;
    }

    /**
     * Sends the next datagram: up to {@link #MAX_DATAGRAM} bytes of {@code src}, all or nothing.
     *
     * @return the bytes taken, 0 when the socket's send buffer is full
     */
    int send(ByteBuffer src, SocketAddress to) throws IOException {
        int n = Math.min(src.remaining(), MAX_DATAGRAM);
        int sent = channel.send(src.slice(src.position(), n), to);
        if (sent > 0) {
            src.position(src.position() + sent);
        }
        return sent;
    }

    /** Adds or removes {@code g} from the gensios told when the socket can send. */
    void wantWrite(UdpGensio g, boolean on) {
        boolean changed = on ? writers.add(g) : writers.remove(g);
        if (changed && !closed) {
            registration.interest(SelectionKey.OP_WRITE, !writers.isEmpty());
        }
    }

    @Override
    public void onReady(int readyOps) {
        if ((readyOps & SelectionKey.OP_READ) != 0) {
            readSome();
        }
        if ((readyOps & SelectionKey.OP_WRITE) != 0) {
            for (UdpGensio g : List.copyOf(writers)) {
                if (!closed && writers.contains(g)) {
                    g.writeReady();
                }
            }
        }
    }

    private void readSome() {
        for (int i = 0; i < READS_PER_WAKEUP && !closed; i++) {
            readBuffer.clear();
            SocketAddress from;
            try {
                from = channel.receive(readBuffer);
            } catch (IOException e) {
                LOG.warn("udp: receive on {} failed: {}", NetAddress.format(local), e.toString());
                return;
            }
            if (from == null) {
                return;
            }
            readBuffer.flip();
            if (!readBuffer.hasRemaining()) {
                continue; // gensio ignores empty datagrams
            }
            ByteBuffer packet = ByteBuffer.allocate(readBuffer.remaining());
            packet.put(readBuffer).flip();
            receiver.received(this, (InetSocketAddress) from, packet);
        }
    }

    boolean isClosed() {
        return closed;
    }

    /** Unregisters and closes the socket; harmless if already closed. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        writers.clear();
        registration.cancel();
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("udp: closing {}", NetAddress.format(local), e);
        }
    }
}
