package org.jser2net.gensio.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.util.ArrayList;
import java.util.List;

import org.jser2net.gensio.api.GensioException;
import org.junit.jupiter.api.Test;

/** gensio address strings: parsing, resolving and printing (from the tcp and udp terminals' tests). */
class NetAddressTest {

    private static List<NetAddress> parse(String text) throws Exception {
        return NetAddress.parse("tcp", text);
    }

    /** Every socket address a list names, as the udp terminal resolves it. */
    private static List<InetSocketAddress> resolve(String text, boolean listen) throws GensioException {
        List<InetSocketAddress> out = new ArrayList<>();
        for (NetAddress a : NetAddress.parse("udp", text)) {
            out.addAll(a.resolve(listen));
        }
        return out;
    }

    @Test
    void parsesPortHostAndFamilyForms() throws Exception {
        assertEquals(List.of(new NetAddress("tcp", null, null, 3000, "3000")), parse("3000"));
        assertEquals(List.of(new NetAddress("tcp", "ipv6", null, 0, "ipv6,0")), parse("ipv6,0"));
        assertEquals(List.of(new NetAddress("tcp", null, "localhost", 22, "localhost,22")), parse("localhost,22"));
        assertEquals(List.of(new NetAddress("tcp", "ipv4", "127.0.0.1", 1, "ipv4,127.0.0.1,1"),
                new NetAddress("tcp", null, "::1", 2, "[::1],2")), parse("ipv4,127.0.0.1,1,[::1],2"));
    }

    @Test
    void familyPrefixFiltersResolvedAddresses() throws Exception {
        assertEquals(List.of(new InetSocketAddress(InetAddress.getByName("::1"), 5)),
                parse("ipv6,::1,5").get(0).resolve(false));
    }

    @Test
    void aPortAloneIsTheDualStackWildcardForAListener() throws Exception {
        NetAddress n = NetAddress.parse("udp", "3000").get(0);
        List<InetSocketAddress> t = n.resolve(true);
        assertEquals(1, t.size());
        assertTrue(t.get(0).getAddress().isAnyLocalAddress());
        assertEquals(3000, t.get(0).getPort());
        assertNull(n.socketFamily(t.get(0).getAddress()));
    }

    @Test
    void familyTagsChooseTheSocketFamily() throws Exception {
        NetAddress v4 = NetAddress.parse("udp", "ipv4,3000").get(0);
        assertEquals("ipv4,0.0.0.0,3000", NetAddress.format(v4.resolve(true).get(0)));
        assertEquals(StandardProtocolFamily.INET, v4.socketFamily(v4.resolve(true).get(0).getAddress()));
        NetAddress v6 = NetAddress.parse("udp", "ipv6,::1,3000").get(0);
        assertEquals("ipv6,::1,3000", NetAddress.format(v6.resolve(false).get(0)));
        assertEquals(StandardProtocolFamily.INET6, v6.socketFamily(v6.resolve(false).get(0).getAddress()));
        NetAddress untagged = NetAddress.parse("udp", "127.0.0.1,1").get(0);
        assertEquals(StandardProtocolFamily.INET, untagged.socketFamily(untagged.resolve(false).get(0).getAddress()));
    }

    @Test
    void severalAddressesAndTheirPortRule() throws Exception {
        List<InetSocketAddress> t = resolve("ipv4,127.0.0.1,0,ipv6,::1,0", true);
        assertEquals(2, t.size());
        String msg = assertThrows(GensioException.class, () -> resolve("127.0.0.1,0,::1,5", true)).getMessage();
        assertTrue(msg.contains("all 0 or all set"), msg);
    }

    @Test
    void aConnectorWithoutHostGoesToLoopback() throws Exception {
        InetSocketAddress a = resolve("ipv4,3000", false).get(0);
        assertEquals("ipv4,127.0.0.1,3000", NetAddress.format(a));
    }

    @Test
    void badInputSaysWhatIsWrong() {
        assertTrue(message("127.0.0.1,http").contains("invalid port 'http'"));
        assertTrue(message("ipv4").contains("nothing after 'ipv4'"));
        assertTrue(message("ipv4,::1,5").contains("has no ipv4 address"));
        assertTrue(message("no-such-host.invalid,5").contains("unknown host 'no-such-host.invalid'"));
    }

    @Test
    void formatsAddressesAsGensioDoes() throws Exception {
        assertEquals("ipv4,127.0.0.1,43040", NetAddress.format(sa("127.0.0.1", 43040), false));
        assertEquals("ipv6,::ffff:127.0.0.1,7", NetAddress.format(sa("127.0.0.1", 7), true));
        assertEquals("ipv6,::1,43040", NetAddress.format(sa("::1", 43040), false));
        assertEquals("ipv6,::,1", NetAddress.format(sa("::", 1), false));
        assertEquals("ipv6,2001:db8::1:0:0:1,1", NetAddress.format(sa("2001:db8:0:0:1:0:0:1", 1), false));
        assertEquals("ipv6,2001:db8:0:1:1:1:1:1,1", NetAddress.format(sa("2001:db8:0:1:1:1:1:1", 1), false));
        assertEquals("ipv6,fe80::1:2,1", NetAddress.format(sa("fe80:0:0:0:0:0:1:2", 1), false));
    }

    @Test
    void ipv6IsPrintedAsInetNtopPrintsIt() throws Exception {
        assertEquals("::", v6("::"));
        assertEquals("::1", v6("::1"));
        assertEquals("1::", v6("1::"));
        assertEquals("fe80::1", v6("fe80:0:0:0:0:0:0:1"));
        assertEquals("2001:db8::1:0:0:1", v6("2001:db8:0:0:1:0:0:1"));
        assertEquals("2001:db8:0:1::1", v6("2001:db8:0:1:0:0:0:1"));
        assertEquals("1:0:2:3:4:5:6:7", v6("1:0:2:3:4:5:6:7"));
        assertEquals("::1.2.3.4", v6("::102:304"));
    }

    private static String v6(String text) throws Exception {
        return Ipv6Text.of((Inet6Address) InetAddress.getByName(text));
    }

    private static InetSocketAddress sa(String host, int port) throws Exception {
        return new InetSocketAddress(InetAddress.getByName(host), port);
    }

    private static String message(String text) {
        return assertThrows(GensioException.class, () -> resolve(text, false)).getMessage();
    }
}
