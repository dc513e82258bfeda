package org.jser2net.gensio.udp.internal;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;

import org.jser2net.gensio.api.Callback;
import org.jser2net.gensio.api.EventLoop;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.GensioState;
import org.jser2net.gensio.base.NetAddress;

/**
 * A connecting udp gensio: its own socket, sending every datagram to one remote address and, unless
 * {@code nocon} is set, taking datagrams from that address only. Like gensio's, the socket is not
 * connect(2)ed, so an ICMP port-unreachable never turns into an error.
 */
final class UdpConnector extends UdpGensio {

    private final UdpOptions options;
    private UdpSocket socket;
    private long ignored;

    UdpConnector(EventLoop loop, InetSocketAddress remote, UdpOptions options) {
        super(loop, GensioState.CLOSED, remote);
        this.options = options;
    }

    @Override
    UdpSocket socket() {
        return socket;
    }

    /** The bound local address while open, else null. */
    InetSocketAddress localAddress() {
        return socket == null ? null : socket.localAddress();
    }

    @Override
    public void open(Callback done) {
        if (state() != GensioState.CLOSED) {
            complete(done, new GensioException("udp connector to " + remoteAddress() + " is already "
                    + state().name().toLowerCase()));
            return;
        }
        moveTo(GensioState.OPENING);
        try {
            socket = UdpSocket.open(loop, bindTarget(), options.reuseaddr(), options.readbuf(),
                    this::received);
            Multicast.apply(socket, options);
        } catch (IOException | RuntimeException e) {
            if (socket != null) {
                socket.close();
                socket = null;
            }
            moveTo(GensioState.CLOSED);
            complete(done, new GensioException("udp: cannot open a socket to " + remoteAddress()
                    + (options.laddr() == null ? "" : " from " + NetAddress.format(options.laddr().address()))
                    + ": " + e.getMessage(), e));
            return;
        }
        opened();
        complete(done, null);
    }

    /** laddr if given, else an ephemeral port of the remote's family. */
    private UdpTarget bindTarget() {
        if (options.laddr() != null) {
            return options.laddr();
        }
        boolean v4 = remote().getAddress() instanceof Inet4Address;
        return new UdpTarget(NetAddress.wildcard(!v4, 0),
                v4 ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6);
    }

    private void received(UdpSocket from, InetSocketAddress sender, ByteBuffer packet) {
        if (options.nocon() || sender.equals(remote())) {
            receive(packet);
        } else {
            ignored++;
        }
    }

    /** Datagrams from senders other than the remote, ignored because nocon is off. */
    long ignoredPackets() {
        return ignored;
    }

    @Override
    public void close(Callback done) {
        if (state() == GensioState.OPEN) {
            moveTo(GensioState.CLOSING);
            releaseIo();
            socket.close();
            socket = null;
            closed();
        }
        complete(done, null);
    }
}
