package org.jser2net.gensio.udp.internal;

import java.net.InetSocketAddress;

import org.jser2net.gensio.api.Callback;
import org.jser2net.gensio.api.EventLoop;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.GensioState;

/**
 * The gensio a udp accepter made for one remote address. It shares the accepter's socket; closing it
 * only forgets the peer, so the next datagram from that address makes a new gensio.
 */
final class AcceptedUdpGensio extends UdpGensio {

    private final UdpSocket socket;
    private final UdpAccepter accepter;

    AcceptedUdpGensio(EventLoop loop, UdpSocket socket, InetSocketAddress remote, UdpAccepter accepter) {
        super(loop, GensioState.OPEN, remote);
        this.socket = socket;
        this.accepter = accepter;
    }

    @Override
    UdpSocket socket() {
        return state() == GensioState.CLOSED ? null : socket;
    }

    @Override
    public void open(Callback done) {
        complete(done, new GensioException("udp: the gensio accepted from " + remoteAddress()
                + " is " + state().name().toLowerCase() + "; an accepted gensio cannot be opened again"));
    }

    @Override
    public void close(Callback done) {
        if (state() == GensioState.OPEN) {
            moveTo(GensioState.CLOSING);
            releaseIo();
            closed();
            accepter.forget(this);
        }
        complete(done, null);
    }
}
