package org.jser2net.gensio.udp.internal;

import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.base.NetAddress;

/**
 * A udp socket address to bind or send to, with the family to open the socket with ({@code null}: an
 * untagged wildcard, which gets a dual-stack socket).
 */
record UdpTarget(InetSocketAddress address, StandardProtocolFamily family) {

    /**
     * Parses and resolves a udp address list, without duplicates. Without a host, a listener gets the
     * wildcard and a connector the loopback address.
     */
    static List<UdpTarget> of(String list, boolean listen) throws GensioException {
        Set<UdpTarget> out = new LinkedHashSet<>();
        for (NetAddress a : NetAddress.parse(UdpOptions.TYPE, list)) {
            for (InetSocketAddress sa : a.resolve(listen)) {
                out.add(new UdpTarget(sa, a.socketFamily(sa.getAddress())));
            }
        }
        return List.copyOf(out);
    }

    /** The same address with another port. */
    UdpTarget withPort(int port) {
        return new UdpTarget(new InetSocketAddress(address.getAddress(), port), family);
    }
}
