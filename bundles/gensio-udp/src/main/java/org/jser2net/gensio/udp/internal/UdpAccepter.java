package org.jser2net.gensio.udp.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jser2net.gensio.api.Accepter;
import org.jser2net.gensio.api.AccepterHandler;
import org.jser2net.gensio.api.Callback;
import org.jser2net.gensio.api.EventLoop;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.base.NetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The udp accepter: one socket per listen address; the first datagram from a new remote address
 * makes a new gensio (open, reads off, holding that datagram), later ones go to that gensio.
 *
 * <p>All its gensios run on its loop, since they share its sockets. While accepts are off or after
 * shutdown, datagrams from unknown addresses are dropped and counted; known peers keep working, and
 * the sockets stay open until the last of them closes.
 */
final class UdpAccepter implements Accepter {

    private static final Logger LOG = LoggerFactory.getLogger(UdpAccepter.class);
    private static final AccepterHandler NO_HANDLER = (a, g) -> g.close(Callback.NONE);

    private final String stack;
    private final List<UdpTarget> binds;
    private final UdpOptions options;
    private final EventLoop loop;
    private volatile AccepterHandler handler = NO_HANDLER;
    private volatile List<SocketAddress> local = List.of();
    private volatile boolean acceptEnabled = true;
    // confined to the loop
    private final List<UdpSocket> sockets = new ArrayList<>();
    private final Map<InetSocketAddress, AcceptedUdpGensio> peers = new HashMap<>();
    private boolean listening;
    private long refused;

    UdpAccepter(String stack, List<UdpTarget> binds, UdpOptions options, EventLoop loop) {
        this.stack = stack;
        this.binds = List.copyOf(binds);
        this.options = options;
        this.loop = loop;
    }

    @Override
    public String type() {
        return UdpOptions.TYPE;
    }

    @Override
    public String stack() {
        return stack;
    }

    @Override
    public void setHandler(AccepterHandler handler) {
        this.handler = handler == null ? NO_HANDLER : handler;
    }

    @Override
    public void startup(Callback done) {
        loop.execute(() -> {
            try {
                if (sockets.isEmpty()) {
                    bindAll();
                }
            } catch (IOException | RuntimeException e) {
                closeSockets();
                done.done(new GensioException("udp: cannot listen on " + describe() + ": " + e.getMessage(), e));
                return;
            }
            listening = true;
            List<SocketAddress> l = new ArrayList<>();
            sockets.forEach(s -> l.add(s.localAddress()));
            local = List.copyOf(l);
            done.done(null);
        });
    }

    /** Binds every address; with port 0 the port the first one got is used for the others too. */
    private void bindAll() throws IOException {
        int chosen = 0;
        for (UdpTarget t : binds) {
            UdpTarget bind = t.address().getPort() == 0 && chosen != 0 ? t.withPort(chosen) : t;
            UdpSocket s = UdpSocket.open(loop, bind, options.reuseaddr(), options.readbuf(), this::received);
            sockets.add(s);
            chosen = s.localAddress().getPort();
        }
    }

    @Override
    public void shutdown(Callback done) {
        loop.execute(() -> {
            listening = false;
            local = List.of();
            if (peers.isEmpty()) {
                closeSockets();
            }
            // a channel registered with a selector is only released at the next select: complete after it
            loop.execute(() -> done.done(null));
        });
    }

    @Override
    public void setAcceptEnabled(boolean enabled) {
        acceptEnabled = enabled;
    }

    @Override
    public List<SocketAddress> localAddresses() {
        return local;
    }

    /** Datagrams from unknown addresses dropped while accepts were off or after shutdown. */
    long refusedPackets() {
        return refused;
    }

    /** The peers with an open gensio. */
    int peerCount() {
        return peers.size();
    }

    private void received(UdpSocket socket, InetSocketAddress from, ByteBuffer packet) {
        AcceptedUdpGensio g = peers.get(from);
        if (g != null) {
            g.receive(packet);
            return;
        }
        if (!listening || !acceptEnabled) {
            refused++;
            return;
        }
        g = new AcceptedUdpGensio(loop, socket, from, this);
        peers.put(from, g);
        g.receive(packet);
        try {
            handler.onConnection(this, g);
        } catch (RuntimeException e) {
            LOG.error("udp: accept handler failed for {}; closing it", g.remoteAddress(), e);
            g.close(Callback.NONE);
        }
    }

    /** An accepted gensio closed: forget its peer, and release the sockets if shut down. */
    void forget(AcceptedUdpGensio g) {
        peers.remove(g.remote(), g);
        if (!listening && peers.isEmpty()) {
            closeSockets();
        }
    }

    private void closeSockets() {
        sockets.forEach(UdpSocket::close);
        sockets.clear();
    }

    private String describe() {
        List<String> s = new ArrayList<>();
        binds.forEach(b -> s.add(NetAddress.format(b.address())));
        return String.join(" and ", s);
    }

    @Override
    public String toString() {
        return "udp accepter " + describe();
    }
}
