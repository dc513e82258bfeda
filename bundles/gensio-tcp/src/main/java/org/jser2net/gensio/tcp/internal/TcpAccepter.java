package org.jser2net.gensio.tcp.internal;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.spi.GensioContext;
import org.jser2net.gensio.base.NetAddress;
import org.jser2net.gensio.base.StreamAccepter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tcp accepter: one listening socket per address (a single dual-stack one when no host is
 * given), on the context's loop; accepted connections are spread over the loops.
 */
final class TcpAccepter extends StreamAccepter {

    private static final Logger LOG = LoggerFactory.getLogger(TcpAccepter.class);
    private static final int DYNAMIC_PORT_ATTEMPTS = 8;
    private static final int BACKLOG = 128;

    /**
     * One socket to bind; {@code fallback} is the IPv4 wildcard to use when IPv6 is unavailable. An
     * IPv6 socket bound with {@code dualStack} also takes IPv4 peers (printed as {@code ::ffff:a.b.c.d},
     * as gensio does); one bound without it drops them, since Java cannot set {@code IPV6_V6ONLY}.
     */
    record BindTarget(InetSocketAddress address, boolean ipv6, boolean dualStack, InetSocketAddress fallback,
            String text) {
    }

    private final List<BindTarget> targets;
    private final TcpSettings settings;
    /** What each bound listener is, for treating its peers; confined to the loop. */
    private final Map<ServerSocketChannel, BindTarget> listenerTargets = new HashMap<>();

    TcpAccepter(GensioContext context, String stack, List<BindTarget> targets, TcpSettings settings) {
        super("tcp", context, stack, settings.readbuf());
        this.targets = List.copyOf(targets);
        this.settings = settings;
    }

    @Override
    protected void listen() throws IOException {
        for (int attempt = 1; ; attempt++) {
            int dynamicPort = 0;
            try {
                for (BindTarget t : targets) {
                    int port = t.address().getPort() == 0 ? dynamicPort : t.address().getPort();
                    ServerSocketChannel ch = bindOne(t, port);
                    listenOn(ch);
                    if (t.address().getPort() == 0 && dynamicPort == 0) {
                        dynamicPort = ch.socket().getLocalPort();
                    }
                }
                return;
            } catch (BindFailure f) {
                closeListeners();
                listenerTargets.clear();
                // Another process took the dynamic port on one of the other addresses: pick again.
                if (!(f.target.address().getPort() == 0 && dynamicPort != 0 && attempt < DYNAMIC_PORT_ATTEMPTS)) {
                    String where = targets.size() > 1 ? f.target.text() + " (" + NetAddress.format(
                            f.target.address()) + ")" : f.target.text();
                    throw new GensioException("tcp: cannot listen on " + where + ": " + f.getCause().getMessage(),
                            f.getCause());
                }
            }
        }
    }

    private ServerSocketChannel bindOne(BindTarget t, int port) throws BindFailure {
        try {
            ServerSocketChannel ch = open(new InetSocketAddress(t.address().getAddress(), port), t.ipv6());
            listenerTargets.put(ch, t);
            return ch;
        } catch (IOException e) {
            if (t.fallback() != null) {
                try {
                    InetSocketAddress v4 = new InetSocketAddress(t.fallback().getAddress(), port);
                    ServerSocketChannel ch = open(v4, false);
                    listenerTargets.put(ch, new BindTarget(v4, false, false, null, t.text()));
                    LOG.debug("tcp: no IPv6 for {} ({}), listening on IPv4 only", t.text(), e.getMessage());
                    return ch;
                } catch (IOException e4) {
                    e.addSuppressed(e4);
                }
            }
            throw new BindFailure(t, e);
        }
    }

    private ServerSocketChannel open(InetSocketAddress address, boolean ipv6) throws IOException {
        ProtocolFamily family = ipv6 ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
        ServerSocketChannel ch;
        try {
            ch = ServerSocketChannel.open(family);
        } catch (UnsupportedOperationException e) {
            throw new IOException("IPv6 is not available", e);
        }
        try {
            ch.setOption(StandardSocketOptions.SO_REUSEADDR, settings.reuseaddr());
            ch.bind(address, BACKLOG);
            return ch;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    @Override
    protected void stopped() {
        listenerTargets.clear();
    }

    @Override
    protected String admit(ServerSocketChannel listener, SocketChannel connection) throws IOException {
        BindTarget t = listenerTargets.get(listener);
        boolean mapsIpv4 = t.ipv6() && t.dualStack();
        if (t.ipv6() && !t.dualStack() && isIpv4(connection.getRemoteAddress())) {
            return null;
        }
        connection.setOption(StandardSocketOptions.TCP_NODELAY, settings.nodelay());
        connection.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
        return NetAddress.format(connection.getRemoteAddress(), mapsIpv4);
    }

    private static boolean isIpv4(SocketAddress a) {
        return a instanceof InetSocketAddress && ((InetSocketAddress) a).getAddress() instanceof Inet4Address;
    }

    /** True when {@code a} is an IPv6 address (for choosing the socket family). */
    static boolean isIpv6(InetSocketAddress a) {
        return a.getAddress() instanceof Inet6Address;
    }

    /** A bind that failed, with the target it was for. */
    private static final class BindFailure extends Exception {
        private static final long serialVersionUID = 1L;
        final transient BindTarget target;

        BindFailure(BindTarget target, IOException cause) {
            super(cause);
            this.target = target;
        }
    }
}
