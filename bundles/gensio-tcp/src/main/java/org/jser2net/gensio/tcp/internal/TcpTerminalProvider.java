package org.jser2net.gensio.tcp.internal;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jser2net.gensio.api.Accepter;
import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.LayerSpec;
import org.jser2net.gensio.api.spi.GensioContext;
import org.jser2net.gensio.api.spi.TerminalProvider;
import org.jser2net.gensio.base.LayerOptions;
import org.jser2net.gensio.base.NetAddress;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code tcp} terminal: {@code tcp[(options)],host,port} connects, {@code tcp[(options)][,host],port}
 * accepts. Options: {@code readbuf}, {@code nodelay}, {@code reuseaddr}, and {@code laddr} for connectors.
 */
@Component(service = TerminalProvider.class, property = {"gensio.type=tcp", "gensio.kind=terminal"})
public class TcpTerminalProvider implements TerminalProvider {

    private static final String TYPE = "tcp";

    /** Large enough that a busy relay moves a lot per system call; allocated on the first read only. */
    static final int DEFAULT_READBUF = 64 * 1024;

    private static final Set<String> CONNECTOR_OPTIONS = Set.of("readbuf", "nodelay", "laddr", "reuseaddr");
    /** tcpd and tcpdname are accepted for compatibility; there is no tcp wrappers support. */
    private static final Set<String> ACCEPTER_OPTIONS = Set.of("readbuf", "nodelay", "reuseaddr", "tcpd",
            "tcpdname");

    @Override
    public Gensio connector(LayerSpec layer, GensioContext context) throws GensioException {
        LayerOptions options = new LayerOptions(layer, context.defaults(), CONNECTOR_OPTIONS);
        String args = String.join(",", layer.args());
        List<NetAddress> addresses = NetAddress.parse(TYPE, args);
        for (NetAddress a : addresses) {
            if (a.host() == null) {
                throw new GensioException("tcp: a connecting tcp needs a host, as in tcp,localhost," + a.port()
                        + " (got '" + args + "')");
            }
        }
        List<InetSocketAddress> targets = new ArrayList<>();
        for (NetAddress a : addresses) {
            targets.addAll(a.resolve(false));
        }
        List<InetSocketAddress> local = List.of();
        Optional<String> laddr = options.text("laddr");
        if (laddr.isPresent()) {
            local = localAddresses(laddr.get());
        }
        return new TcpConnector(context.loop(), options.size("readbuf", DEFAULT_READBUF), targets, local,
                options.bool("nodelay", false), options.bool("reuseaddr", true), args);
    }

    /** {@code laddr=[ipv4|ipv6,][host,]port}; without a host, the wildcard of each family. */
    private static List<InetSocketAddress> localAddresses(String laddr) throws GensioException {
        List<InetSocketAddress> out = new ArrayList<>();
        try {
            for (NetAddress a : NetAddress.parse(TYPE, laddr)) {
                if (a.host() != null) {
                    out.addAll(a.resolve(true));
                    continue;
                }
                if (!"ipv6".equals(a.family())) {
                    out.add(NetAddress.wildcard(false, a.port()));
                }
                if (!"ipv4".equals(a.family())) {
                    out.add(NetAddress.wildcard(true, a.port()));
                }
            }
        } catch (GensioException e) {
            throw new GensioException("tcp: bad laddr '" + laddr + "': " + e.getMessage().replaceFirst("^tcp: ", ""),
                    e);
        }
        return out;
    }

    @Override
    public Accepter accepter(LayerSpec layer, GensioContext context) throws GensioException {
        LayerOptions options = new LayerOptions(layer, context.defaults(), ACCEPTER_OPTIONS);
        List<TcpAccepter.BindTarget> targets = new ArrayList<>();
        for (NetAddress a : NetAddress.parse(TYPE, String.join(",", layer.args()))) {
            targets.addAll(bindTargets(a));
        }
        // ser2net turns nodelay on for its network connections; an explicit option still wins.
        Optional<String> nodelay = options.own("nodelay");
        boolean nd = nodelay.isEmpty() || options.parseBool("nodelay", nodelay.get());
        TcpSettings settings = new TcpSettings(options.size("readbuf", DEFAULT_READBUF), nd,
                options.bool("reuseaddr", true));
        return new TcpAccepter(context, layer.toString(), targets, settings);
    }

    private static List<TcpAccepter.BindTarget> bindTargets(NetAddress a) throws GensioException {
        List<TcpAccepter.BindTarget> out = new ArrayList<>();
        if (a.host() == null) {
            int p = a.port();
            if (a.family() == null || "ipv6n4".equals(a.family())) {
                // One IPv6 socket that takes IPv4 too, like gensio; plain IPv4 if there is no IPv6.
                InetSocketAddress fallback = a.family() == null ? NetAddress.wildcard(false, p) : null;
                out.add(new TcpAccepter.BindTarget(NetAddress.wildcard(true, p), true, true, fallback, a.text()));
            } else {
                boolean v6 = "ipv6".equals(a.family());
                out.add(new TcpAccepter.BindTarget(NetAddress.wildcard(v6, p), v6, false, null, a.text()));
            }
            return out;
        }
        boolean mapped = "ipv6n4".equals(a.family());
        for (InetSocketAddress sa : a.resolve(true)) {
            out.add(new TcpAccepter.BindTarget(sa, mapped || TcpAccepter.isIpv6(sa), mapped, null, a.text()));
        }
        return out;
    }
}
