package org.jser2net.gensio.udp.internal;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jser2net.gensio.api.Defaults;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.LayerSpec;
import org.jser2net.gensio.base.LayerOptions;
import org.jser2net.gensio.base.NetAddress;

/**
 * The options of a udp layer, as gensio(5) and gensio's source define them: an accepter takes only
 * {@code readbuf} and {@code reuseaddr}; a connector also takes {@code laddr}, {@code mcast},
 * {@code nocon}, {@code mloop} and {@code mttl}.
 *
 * @param readbuf the largest datagram read; longer ones are cut (default 65536)
 * @param reuseaddr set SO_REUSEADDR before binding (default false)
 * @param laddr the local address a connector binds to, or null
 * @param nocon a connector takes datagrams from any sender, not just its remote
 * @param mcast multicast groups a connector joins
 * @param mloop IP_MULTICAST_LOOP, or null to leave the system default
 * @param mttl IP_MULTICAST_TTL, 1-255 (default 1)
 */
record UdpOptions(int readbuf, boolean reuseaddr, UdpTarget laddr, boolean nocon,
        List<InetAddress> mcast, Boolean mloop, int mttl) {

    static final String TYPE = "udp";
    static final int DEFAULT_READBUF = 65536;
    private static final int MAX_READBUF = 1 << 20;
    private static final Set<String> ACCEPTER_KEYS = Set.of("readbuf", "reuseaddr");
    private static final Set<String> CONNECTOR_KEYS =
            Set.of("readbuf", "reuseaddr", "laddr", "mcast", "nocon", "mloop", "mttl");

    static UdpOptions forAccepter(LayerSpec layer, Defaults defaults) throws GensioException {
        LayerOptions o = new LayerOptions(layer, defaults);
        Optional<String> bad = o.unknownKey(ACCEPTER_KEYS);
        if (bad.isPresent()) {
            String key = bad.get();
            String hint = CONNECTOR_KEYS.contains(key)
                    ? " ('" + key + "' is a udp connector option; gensio's udp accepter rejects it too)" : "";
            throw new GensioException("udp: unknown accepter option '" + key + "'" + hint
                    + "; a udp accepter takes readbuf and reuseaddr");
        }
        return new UdpOptions(readbuf(o), o.bool("reuseaddr", false), null, false, List.of(), null, 1);
    }

    static UdpOptions forConnector(LayerSpec layer, Defaults defaults) throws GensioException {
        LayerOptions o = new LayerOptions(layer, defaults, CONNECTOR_KEYS);
        Optional<String> laddr = o.text("laddr");
        List<InetAddress> mcast = new ArrayList<>();
        for (String v : o.values("mcast")) {
            mcast.addAll(groups(o.requireText("mcast", v)));
        }
        Boolean mloop = o.value("mloop").isPresent() ? o.bool("mloop", false) : null;
        return new UdpOptions(readbuf(o), o.bool("reuseaddr", false),
                laddr.isPresent() ? UdpTarget.of(laddr.get(), true).get(0) : null, o.bool("nocon", false),
                List.copyOf(mcast), mloop, o.number("mttl", 1, 1, 255));
    }

    private static int readbuf(LayerOptions o) throws GensioException {
        return o.number("readbuf", DEFAULT_READBUF, 1, MAX_READBUF);
    }

    private static List<InetAddress> groups(String v) throws GensioException {
        List<InetAddress> g = NetAddress.parseHosts(TYPE, v);
        for (InetAddress a : g) {
            if (!a.isMulticastAddress()) {
                throw new GensioException("udp: mcast=" + v + ": " + a.getHostAddress()
                        + " is not a multicast address");
            }
        }
        return g;
    }
}
