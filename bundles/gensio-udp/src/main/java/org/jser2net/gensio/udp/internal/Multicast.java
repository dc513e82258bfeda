package org.jser2net.gensio.udp.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.util.Collections;

/**
 * Applies a connector's multicast options: joins the {@code mcast} groups and sets
 * {@code mloop} and {@code mttl}.
 */
final class Multicast {

    private Multicast() {
    }

    static void apply(UdpSocket socket, UdpOptions options) throws IOException {
        DatagramChannel ch = socket.channel();
        if (!options.mcast().isEmpty()) {
            NetworkInterface nif = joinInterface(socket.localAddress().getAddress());
            for (InetAddress group : options.mcast()) {
                ch.join(group, nif);
            }
        }
        if (options.mloop() != null) {
            ch.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, options.mloop());
        }
        if (options.mttl() > 1) {
            ch.setOption(StandardSocketOptions.IP_MULTICAST_TTL, options.mttl());
        }
    }

    /**
     * gensio joins on interface 0 and lets the kernel pick; Java needs an interface, so take the one
     * owning the bound address, else the first multicast-capable one that is up (loopback last).
     */
    private static NetworkInterface joinInterface(InetAddress bound) throws IOException {
        if (!bound.isAnyLocalAddress()) {
            NetworkInterface nif = NetworkInterface.getByInetAddress(bound);
            if (nif != null) {
                return nif;
            }
        }
        NetworkInterface fallback = null;
        for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (usable(nif)) {
                if (!nif.isLoopback()) {
                    return nif;
                }
                fallback = nif;
            }
        }
        if (fallback == null) {
            throw new IOException("no network interface that is up and supports multicast");
        }
        return fallback;
    }

    private static boolean usable(NetworkInterface nif) {
        try {
            return nif.isUp() && nif.supportsMulticast();
        } catch (SocketException e) {
            return false;
        }
    }
}
