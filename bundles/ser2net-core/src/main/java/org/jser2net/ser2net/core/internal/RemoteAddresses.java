package org.jser2net.ser2net.core.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.base.NetAddress;

/**
 * ser2net's {@code remaddr} (which clients may connect) and {@code connback} (where to connect out
 * when device data arrives) lists, resolved when built. An entry is a gensio network address,
 * {@code [ipv4|ipv6,][tcp|udp|sctp,]host,port[,host,port...]}; port 0 means any port; host names
 * stand for all their addresses; an IPv4 entry matches an IPv4-mapped IPv6 client and the other way
 * round. A remaddr entry starting with {@code !} is also a connect-back address.
 */
final class RemoteAddresses {

    /** No restriction and no connect-back. */
    static final RemoteAddresses NONE = new RemoteAddresses(List.of(), List.of());

    private static final String TYPE = "remaddr";

    private final List<Allowed> allowed;
    private final List<String> connectBack;

    /** One entry's addresses; the port is compared only when the entry set one. */
    private record Allowed(String text, List<InetSocketAddress> addresses, boolean portSet) {
    }

    private RemoteAddresses(List<Allowed> allowed, List<String> connectBack) {
        this.allowed = allowed;
        this.connectBack = connectBack;
    }

    /**
     * Reads every {@code remaddr} and {@code connback} option value, each a {@code ;}-separated list
     * (empty entries are skipped, as ser2net's strtok does).
     *
     * @throws IllegalArgumentException for the first bad remaddr entry, saying
     *         {@code Error adding remote address '<entry>': <reason>}
     */
    static RemoteAddresses parse(List<String> remaddr, List<String> connback) {
        List<Allowed> allowed = new ArrayList<>();
        List<String> back = new ArrayList<>();
        for (String value : remaddr) {
            for (String entry : entries(value)) {
                boolean isBack = entry.startsWith("!");
                String text = isBack ? entry.substring(1) : entry;
                try {
                    allowed.add(scan(text));
                } catch (GensioException e) {
                    throw new IllegalArgumentException("Error adding remote address '" + entry + "': "
                            + reason(e), e);
                }
                if (isBack) {
                    back.add(text);
                }
            }
        }
        for (String value : connback) {
            back.addAll(entries(value));
        }
        return new RemoteAddresses(List.copyOf(allowed), List.copyOf(back));
    }

    /** Reads one {@code remaddr} value and no connback. */
    static RemoteAddresses parse(String remaddr) {
        return parse(remaddr == null ? List.of() : List.of(remaddr), List.of());
    }

    /**
     * Whether {@code client} may use the port: always when the list is empty or the address is not
     * known (null), never for a non-IP client when there is a list.
     */
    boolean allows(SocketAddress client) {
        if (allowed.isEmpty() || client == null) {
            return true;
        }
        if (!(client instanceof InetSocketAddress c) || c.getAddress() == null) {
            return false;
        }
        byte[] ip = plain(c.getAddress());
        for (Allowed a : allowed) {
            for (InetSocketAddress s : a.addresses()) {
                if (Arrays.equals(ip, plain(s.getAddress())) && (!a.portSet() || s.getPort() == c.getPort())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether there is a remaddr list (a client must match it). */
    boolean restricted() {
        return !allowed.isEmpty();
    }

    /**
     * The connect-back addresses in order, as written without the {@code !}: each is an address for a
     * connector of the accepter's stack.
     */
    List<String> connectBack() {
        return connectBack;
    }

    /** The resolved addresses of every remaddr entry, for status output and tests. */
    List<InetSocketAddress> addresses() {
        return allowed.stream().flatMap(a -> a.addresses().stream()).toList();
    }

    private static List<String> entries(String value) {
        List<String> out = new ArrayList<>();
        for (String e : value.split(";")) {
            if (!e.isEmpty()) {
                out.add(e);
            }
        }
        return out;
    }

    private static Allowed scan(String text) throws GensioException {
        String family = null;
        String rest = text;
        if (rest.startsWith("ipv4,") || rest.startsWith("ipv6,")) {
            family = rest.substring(0, 4);
            rest = rest.substring(5);
        }
        if (rest.startsWith("unix,")) {
            throw new GensioException(TYPE + ": unix socket addresses cannot be checked");
        }
        for (String protocol : new String[] {"tcp,", "udp,", "sctp,"}) {
            if (rest.startsWith(protocol)) {
                rest = rest.substring(protocol.length());
                break;
            }
        }
        List<InetSocketAddress> out = new ArrayList<>();
        List<NetAddress> list = NetAddress.parse(TYPE, rest);
        for (NetAddress a : list) {
            String f = a.family() == null ? family : a.family();
            if (family != null && !family.equals(f) && !(family.equals("ipv6") && f.equals("ipv6n4"))) {
                throw new GensioException(TYPE + ": '" + a.text() + "' is not " + family);
            }
            out.addAll(resolve(new NetAddress(TYPE, f, a.host(), a.port(), a.text())));
        }
        return new Allowed(text, List.copyOf(out), list.get(0).port() != 0);
    }

    /** A host's addresses; without a host, gensio's getaddrinfo gives the loopback of the family, ::1 first. */
    private static List<InetSocketAddress> resolve(NetAddress a) throws GensioException {
        if (a.host() != null) {
            return a.resolve(false);
        }
        byte[] loopback = "ipv4".equals(a.family()) ? new byte[] {127, 0, 0, 1}
                : new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
        try {
            return List.of(new InetSocketAddress(InetAddress.getByAddress(loopback), a.port()));
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** The address bytes, IPv4-mapped IPv6 addresses as their IPv4 form, as gensio compares them. */
    private static byte[] plain(InetAddress a) {
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address && isV4Mapped(b)) {
            return Arrays.copyOfRange(b, 12, 16);
        }
        return b;
    }

    private static boolean isV4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }

    private static String reason(GensioException e) {
        String m = e.getMessage();
        return m.startsWith(TYPE + ": ") ? m.substring(TYPE.length() + 2) : m;
    }
}
