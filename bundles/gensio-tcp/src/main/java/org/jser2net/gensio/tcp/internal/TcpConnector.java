package org.jser2net.gensio.tcp.internal;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.util.List;

import org.jser2net.gensio.api.EventLoop;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.base.NetAddress;
import org.jser2net.gensio.base.StreamSocketConnector;

/** A connecting tcp gensio: tries each resolved address in turn with a non-blocking connect. */
final class TcpConnector extends StreamSocketConnector {

    private final List<InetSocketAddress> targets;
    private final List<InetSocketAddress> localAddresses;
    private final boolean nodelay;
    private final boolean reuseaddr;
    private final String description;
    private int nextTarget;
    private IOException lastError;

    /**
     * @param localAddresses the {@code laddr} addresses to bind before connecting, empty for none
     * @param description the stack arguments, for messages ({@code localhost,3000})
     */
    TcpConnector(EventLoop loop, int readBufferSize, List<InetSocketAddress> targets,
            List<InetSocketAddress> localAddresses, boolean nodelay, boolean reuseaddr, String description) {
        super("tcp", loop, readBufferSize, description);
        this.targets = List.copyOf(targets);
        this.localAddresses = List.copyOf(localAddresses);
        this.nodelay = nodelay;
        this.reuseaddr = reuseaddr;
        this.description = description;
    }

    @Override
    protected void startConnecting() {
        nextTarget = 0;
        lastError = null;
        tryNext();
    }

    /** Starts connecting to the next address; fails the open when none is left. */
    private void tryNext() {
        while (nextTarget < targets.size()) {
            InetSocketAddress target = targets.get(nextTarget++);
            SocketChannel ch;
            try {
                ch = openSocket(target);
            } catch (IOException e) {
                lastError = e;
                continue;
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                lastError = new IOException(e.getMessage(), e);
                continue;
            }
            connect(ch, target);
            return;
        }
        String why = lastError == null ? "no address" : String.valueOf(lastError.getMessage());
        openFailed(new GensioException("tcp: cannot connect to " + description + ": " + why, lastError));
    }

    @Override
    protected void connectFailed(IOException error) {
        lastError = error;
        tryNext();
    }

    @Override
    protected void connected() {
        String remote;
        try {
            remote = NetAddress.format(channel().getRemoteAddress());
        } catch (IOException e) {
            remote = description;
        }
        openSucceeded(remote);
    }

    private SocketChannel openSocket(InetSocketAddress target) throws IOException {
        boolean v6 = target.getAddress() instanceof Inet6Address;
        ProtocolFamily family = v6 ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
        SocketChannel ch = SocketChannel.open(family);
        try {
            ch.setOption(StandardSocketOptions.SO_REUSEADDR, reuseaddr);
            ch.setOption(StandardSocketOptions.TCP_NODELAY, nodelay);
            ch.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
            if (!localAddresses.isEmpty()) {
                ch.bind(localFor(v6));
            }
            return ch;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    private InetSocketAddress localFor(boolean v6) throws IOException {
        for (InetSocketAddress a : localAddresses) {
            if ((a.getAddress() instanceof Inet6Address) == v6) {
                return a;
            }
        }
        throw new IOException("laddr has no " + (v6 ? "IPv6" : "IPv4") + " address");
    }
}
