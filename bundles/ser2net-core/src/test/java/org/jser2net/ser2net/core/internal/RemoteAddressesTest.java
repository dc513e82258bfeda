package org.jser2net.ser2net.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;

import org.junit.jupiter.api.Test;

class RemoteAddressesTest {

    /** The address a real server sees for a client connecting over loopback {@code ip}. */
    private static InetSocketAddress realClient(String ip) throws IOException {
        InetAddress a = InetAddress.getByName(ip);
        try (ServerSocketChannel server = ServerSocketChannel.open(a instanceof Inet6Address
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET)) {
            server.bind(new InetSocketAddress(a, 0));
            try (SocketChannel c = SocketChannel.open(server.getLocalAddress()); SocketChannel s = server.accept()) {
                InetSocketAddress seen = (InetSocketAddress) s.getRemoteAddress();
                assertEquals(c.getLocalAddress(), seen);
                return seen;
            }
        }
    }

    private static InetSocketAddress client(String ip, int port) throws IOException {
        return new InetSocketAddress(InetAddress.getByName(ip), port);
    }

    @Test
    void noListAllowsEveryone() throws IOException {
        assertTrue(RemoteAddresses.NONE.allows(realClient("127.0.0.1")));
        RemoteAddresses empty = RemoteAddresses.parse(";;");
        assertFalse(empty.restricted());
        assertTrue(empty.allows(client("10.1.2.3", 7)));
    }

    @Test
    void ipv4AndIpv6LoopbackEntriesMatchOnlyTheirOwnClients() throws IOException {
        InetSocketAddress v4 = realClient("127.0.0.1");
        InetSocketAddress v6 = realClient("::1");
        RemoteAddresses only4 = RemoteAddresses.parse("127.0.0.1,0");
        assertTrue(only4.allows(v4));
        assertFalse(only4.allows(v6));
        RemoteAddresses only6 = RemoteAddresses.parse("ipv6,::1,0");
        assertTrue(only6.allows(v6));
        assertFalse(only6.allows(v4));
        assertTrue(RemoteAddresses.parse("10.0.0.1,0;::1,0").allows(v6));
    }

    @Test
    void aHostNameStandsForAllItsAddresses() throws IOException {
        RemoteAddresses local = RemoteAddresses.parse("localhost,0");
        for (InetAddress a : InetAddress.getAllByName("localhost")) {
            assertTrue(local.allows(new InetSocketAddress(a, 4242)), a.toString());
        }
        assertTrue(local.allows(realClient(InetAddress.getByName("localhost").getHostAddress())));
        assertFalse(local.allows(client("10.0.0.1", 4242)));
    }

    @Test
    void aPortOtherThanZeroMustMatchToo() throws IOException {
        InetSocketAddress c = realClient("127.0.0.1");
        assertTrue(RemoteAddresses.parse("127.0.0.1," + c.getPort()).allows(c));
        int other = c.getPort() == 65535 ? 1 : c.getPort() + 1;
        assertFalse(RemoteAddresses.parse("127.0.0.1," + other).allows(c));
    }

    @Test
    void ipv4MappedIpv6ClientsMatchIpv4EntriesAndTheOtherWayRound() throws IOException {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1};
        InetSocketAddress m = new InetSocketAddress(Inet6Address.getByAddress(null, mapped, -1), 5000);
        assertTrue(m.getAddress() instanceof Inet6Address);
        assertTrue(RemoteAddresses.parse("127.0.0.1,0").allows(m));
        assertTrue(RemoteAddresses.parse("::ffff:127.0.0.1,5000").allows(client("127.0.0.1", 5000)));
        assertFalse(RemoteAddresses.parse("::1,0").allows(m));
    }

    @Test
    void prefixesAndAddressListsAsInGensio() throws IOException {
        assertTrue(RemoteAddresses.parse("ipv4,tcp,127.0.0.1,0").allows(client("127.0.0.1", 1)));
        RemoteAddresses two = RemoteAddresses.parse("ipv4,10.0.0.9,0,127.0.0.1,0");
        assertEquals(2, two.addresses().size());
        assertTrue(two.allows(client("127.0.0.1", 1)));
        // A lone port is the loopback address, as getaddrinfo gives it with no host: ::1 unless ipv4.
        assertTrue(RemoteAddresses.parse("0").allows(client("::1", 9)));
        assertTrue(RemoteAddresses.parse("ipv4,0").allows(client("127.0.0.1", 9)));
    }

    @Test
    void connectBackEntriesAreKeptApartAndStillAllowed() throws IOException {
        RemoteAddresses r = RemoteAddresses.parse(List.of("!127.0.0.1,3000;10.0.0.1,0", "!::1,3001"),
                List.of("tcp,localhost,4000;;udp,localhost,4001"));
        assertEquals(List.of("127.0.0.1,3000", "::1,3001", "tcp,localhost,4000", "udp,localhost,4001"),
                r.connectBack());
        assertTrue(r.allows(client("127.0.0.1", 3000)));
        assertFalse(r.allows(client("127.0.0.1", 3001)));
        assertTrue(r.allows(client("::1", 3001)));
        assertTrue(r.allows(client("10.0.0.1", 1)));
    }

    @Test
    void clientsWithoutAnIpAddress() {
        RemoteAddresses r = RemoteAddresses.parse("127.0.0.1,0");
        assertTrue(r.allows(null), "unknown address: not checked, as ser2net skips the check");
        assertFalse(r.allows(UnixDomainSocketAddress.of("/tmp/s")));
        assertTrue(RemoteAddresses.NONE.allows(UnixDomainSocketAddress.of("/tmp/s")));
    }

    @Test
    void badEntriesSayWhichAndWhy() {
        assertError("10.9.9.9", "127.0.0.1,0;10.9.9.9", "missing port");
        assertError("127.0.0.1,99999", "127.0.0.1,99999", "invalid port");
        assertError("!nosuchhost.invalid,0", "!nosuchhost.invalid,0", "unknown host");
        assertError("ipv4,::1,0", "ipv4,::1,0", "no ipv4 address");
        assertError("ipv6,127.0.0.1,0", "ipv6,127.0.0.1,0", "no ipv6 address");
        assertError("127.0.0.1,0,::1,5", "127.0.0.1,0,::1,5", "all 0 or all set");
        assertError("ipv4,ipv6,::1,0", "ipv4,ipv6,::1,0", "is not ipv4");
        assertError("unix,/tmp/s", "unix,/tmp/s", "unix");
    }

    private static void assertError(String entry, String option, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RemoteAddresses.parse(option));
        String prefix = "Error adding remote address '" + entry + "': ";
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
