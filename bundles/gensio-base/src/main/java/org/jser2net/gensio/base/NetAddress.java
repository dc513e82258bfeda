package org.jser2net.gensio.base;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.jser2net.gensio.api.GensioException;

/**
 * One {@code [ipv4|ipv6|ipv6n4,][host,]port} of a gensio network address list, as written, with its
 * resolution to socket addresses and gensio's way of printing them ({@code ipv4,127.0.0.1,43040}).
 *
 * @param type the gensio type the address belongs to, which starts every error message
 * @param family {@code null} (any), {@code ipv4}, {@code ipv6} or {@code ipv6n4}
 * @param host the host name or literal (brackets removed), or null when only a port was given
 * @param text the part of the address list this came from, for messages
 */
public record NetAddress(String type, String family, String host, int port, String text) {

    private static final InetAddress LOOPBACK6 = literal(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1});

    /**
     * Parses a whole list such as {@code ipv4,127.0.0.1,0,ipv6,::1,0}. As in gensio, a lone token is
     * the port, and the ports must be all 0 or all set.
     */
    public static List<NetAddress> parse(String type, String list) throws GensioException {
        if (list.isBlank()) {
            throw new GensioException(type + ": missing port, as in " + type + ",3000 or " + type + ",localhost,3000");
        }
        String[] tok = list.split(",", -1);
        List<NetAddress> out = new ArrayList<>();
        int i = 0;
        while (i < tok.length) {
            int start = i;
            String family = null;
            if (isFamily(tok[i])) {
                family = tok[i++].trim().toLowerCase();
                if (i >= tok.length) {
                    throw new GensioException(type + ": nothing after '" + family + "' in '" + list
                            + "' (expected [host,]port)");
                }
            }
            String host = tok[i++].trim();
            String port;
            if (i < tok.length) {
                port = tok[i++].trim();
            } else if (isNumber(host)) {
                port = host;
                host = "";
            } else {
                throw new GensioException(type + ": missing port in '" + list + "'");
            }
            int p = parsePort(type, port);
            if (!out.isEmpty() && (out.get(0).port() == 0) != (p == 0)) {
                throw new GensioException(type + ": ports must be all 0 or all set, in '" + list + "'");
            }
            String text = String.join(",", Arrays.asList(tok).subList(start, i));
            out.add(new NetAddress(type, family, host.isEmpty() ? null : stripBrackets(host), p, text));
        }
        return out;
    }

    /** Parses hosts without ports, {@code [ipv4|ipv6|ipv6n4,]host[,...]}, as multicast groups are given. */
    public static List<InetAddress> parseHosts(String type, String list) throws GensioException {
        List<InetAddress> out = new ArrayList<>();
        String family = null;
        for (String t : list.split(",", -1)) {
            if (isFamily(t)) {
                family = t.trim().toLowerCase();
                continue;
            }
            String host = t.isBlank() ? null : stripBrackets(t.trim());
            out.addAll(new NetAddress(type, family, host, 0, list).addresses(false));
            family = null;
        }
        if (out.isEmpty()) {
            throw new GensioException(type + ": no host given in '" + list + "'");
        }
        return out;
    }

    /**
     * The socket addresses this names: a host's addresses of the family, IPv6 before IPv4 as gensio
     * tries them; without a host, the wildcard for a listener or the loopback address otherwise.
     */
    public List<InetSocketAddress> resolve(boolean listen) throws GensioException {
        List<InetSocketAddress> out = new ArrayList<>();
        for (InetAddress a : addresses(listen)) {
            out.add(new InetSocketAddress(a, port));
        }
        return out;
    }

    private List<InetAddress> addresses(boolean listen) throws GensioException {
        if (host == null) {
            boolean v6 = socketFamily(null) == StandardProtocolFamily.INET6;
            if (!listen) {
                return List.of(v6 ? LOOPBACK6 : InetAddress.getLoopbackAddress());
            }
            return List.of(family == null ? new InetSocketAddress(0).getAddress() : wildcard(v6, 0).getAddress());
        }
        InetAddress[] all;
        try {
            all = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new GensioException(type + ": unknown host '" + host + "' in '" + text + "'", e);
        }
        List<InetAddress> out = new ArrayList<>();
        for (InetAddress a : all) {
            if (accepts(a)) {
                out.add(a);
            }
        }
        if (out.isEmpty()) {
            throw new GensioException(type + ": host '" + host + "' has no " + family + " address (" + text + ")");
        }
        out.sort(Comparator.comparing(a -> a instanceof Inet4Address));
        return out;
    }

    /** Whether an address of this kind fits the family tag ({@code ipv6n4} takes IPv4 too). */
    private boolean accepts(InetAddress a) {
        if ("ipv4".equals(family)) {
            return a instanceof Inet4Address;
        }
        if ("ipv6".equals(family)) {
            return a instanceof Inet6Address;
        }
        return true;
    }

    /**
     * The family to open a socket with for {@code resolved} (null: not resolved yet): the tag's, else
     * the address's; null for an untagged wildcard, which wants one dual-stack socket.
     */
    public StandardProtocolFamily socketFamily(InetAddress resolved) {
        if (family != null) {
            return "ipv4".equals(family) ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6;
        }
        if (resolved == null || resolved.isAnyLocalAddress()) {
            return null;
        }
        return resolved instanceof Inet4Address ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6;
    }

    /** The wildcard address of a family: {@code ::} or {@code 0.0.0.0}. */
    public static InetSocketAddress wildcard(boolean ipv6, int port) {
        return new InetSocketAddress(literal(new byte[ipv6 ? 16 : 4]), port);
    }

    private static InetAddress literal(byte[] address) {
        try {
            return InetAddress.getByAddress(address);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** Prints {@code address} as gensio does: {@code ipv4,127.0.0.1,43040}, {@code ipv6,::1,43040}. */
    public static String format(SocketAddress address) {
        return format(address, false);
    }

    /**
     * Prints {@code address} as gensio does. {@code v4Mapped} is for peers of a dual-stack IPv6 socket:
     * the kernel sees IPv4 peers there as {@code ::ffff:a.b.c.d} and gensio prints them so.
     */
    public static String format(SocketAddress address, boolean v4Mapped) {
        if (!(address instanceof InetSocketAddress isa)) {
            return address == null ? "" : address.toString();
        }
        InetAddress a = isa.getAddress();
        if (a instanceof Inet4Address) {
            String v4 = a.getHostAddress();
            return (v4Mapped ? "ipv6,::ffff:" : "ipv4,") + v4 + "," + isa.getPort();
        }
        if (a instanceof Inet6Address v6) {
            return "ipv6," + Ipv6Text.of(v6) + "," + isa.getPort();
        }
        return isa.getHostString() + "," + isa.getPort();
    }

    private static boolean isFamily(String s) {
        String t = s.trim().toLowerCase();
        return t.equals("ipv4") || t.equals("ipv6") || t.equals("ipv6n4");
    }

    private static boolean isNumber(String t) {
        return !t.isEmpty() && t.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static int parsePort(String type, String s) throws GensioException {
        if (isNumber(s) && s.length() <= 5 && Integer.parseInt(s) <= 65535) {
            return Integer.parseInt(s);
        }
        throw new GensioException(type + ": invalid port '" + s + "' (must be a number from 0 to 65535)");
    }

    private static String stripBrackets(String h) {
        return h.length() > 2 && h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }
}
