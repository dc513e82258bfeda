package org.jser2net.gensio.udp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jser2net.gensio.api.Defaults;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.LayerSpec;
import org.jser2net.gensio.api.Option;
import org.jser2net.gensio.api.StackSpec;
import org.jser2net.gensio.base.NetAddress;
import org.junit.jupiter.api.Test;

/** Option checking for both sides of the udp terminal. */
class UdpOptionsTest {

    private static LayerSpec udp(Option... options) {
        return new LayerSpec("udp", List.of(options), List.of("127.0.0.1", "3000"));
    }

    private static String acceptError(Option... options) {
        return assertThrows(GensioException.class, () -> UdpOptions.forAccepter(udp(options), Defaults.NONE))
                .getMessage();
    }

    private static String connectError(Option... options) {
        return assertThrows(GensioException.class, () -> UdpOptions.forConnector(udp(options), Defaults.NONE))
                .getMessage();
    }

    @Test
    void defaultsMatchGensio() throws Exception {
        UdpOptions o = UdpOptions.forConnector(udp(), Defaults.NONE);
        assertEquals(65536, o.readbuf());
        assertFalse(o.reuseaddr());
        assertFalse(o.nocon());
        assertNull(o.laddr());
        assertNull(o.mloop());
        assertEquals(1, o.mttl());
        assertTrue(o.mcast().isEmpty());
    }

    @Test
    void connectorOptionsAreRead() throws Exception {
        UdpOptions o = UdpOptions.forConnector(udp(new Option("laddr", "'ipv4,127.0.0.1,4000'"),
                Option.flag("nocon"), new Option("mcast", "ipv4,224.0.0.1"), new Option("mcast", "ff02::1"),
                new Option("mloop", "off"), new Option("mttl", "0x10"), new Option("readbuf", "512"),
                new Option("reuseaddr", "yes")), Defaults.NONE);
        assertEquals("ipv4,127.0.0.1,4000", NetAddress.format(o.laddr().address()));
        assertTrue(o.nocon());
        assertEquals(List.of(InetAddress.getByName("224.0.0.1"), InetAddress.getByName("ff02::1")), o.mcast());
        assertEquals(Boolean.FALSE, o.mloop());
        assertEquals(16, o.mttl());
        assertEquals(512, o.readbuf());
        assertTrue(o.reuseaddr());
    }

    @Test
    void theAccepterTakesOnlyReadbufAndReuseaddrAsGensioDoes() throws Exception {
        UdpOptions o = UdpOptions.forAccepter(udp(new Option("readbuf", "100"), Option.flag("reuseaddr")),
                Defaults.NONE);
        assertEquals(100, o.readbuf());
        assertTrue(o.reuseaddr());
        for (String key : List.of("laddr", "nocon", "mcast", "mloop", "mttl")) {
            String msg = acceptError(new Option(key, "1"));
            assertTrue(msg.contains("'" + key + "' is a udp connector option"), msg);
        }
    }

    @Test
    void unknownAndMalformedOptionsAreRejectedWithTheReason() {
        assertTrue(acceptError(Option.flag("nodelay")).contains("unknown accepter option 'nodelay'"));
        assertTrue(connectError(Option.flag("bogus")).contains("unknown option 'bogus'"));
        assertTrue(connectError(new Option("mttl", "0")).contains("mttl=0 must be a number from 1 to 255"));
        assertTrue(connectError(new Option("mttl", "256")).contains("from 1 to 255"));
        assertTrue(connectError(new Option("readbuf", "lots")).contains("readbuf=lots"));
        assertTrue(connectError(new Option("nocon", "maybe")).contains("nocon must be true or false, not 'maybe'"));
        assertTrue(connectError(new Option("laddr", "")).contains("needs a value"));
        assertTrue(connectError(new Option("mcast", "127.0.0.1")).contains("not a multicast address"));
        assertTrue(connectError(new Option("laddr", "ipv4,127.0.0.1,70000")).contains("invalid port '70000'"));
    }

    @Test
    void classDefaultsApplyAndOptionsOverrideThem() throws Exception {
        Map<String, String> d = Map.of("reuseaddr", "true", "mttl", "5", "laddr", "ipv4,127.0.0.1,0");
        Defaults defaults = (cls, key) -> "udp".equals(cls) ? Optional.ofNullable(d.get(key)) : Optional.empty();
        UdpOptions o = UdpOptions.forConnector(udp(), defaults);
        assertTrue(o.reuseaddr());
        assertEquals(5, o.mttl());
        assertEquals("ipv4,127.0.0.1,0", NetAddress.format(o.laddr().address()));
        assertFalse(UdpOptions.forConnector(udp(new Option("reuseaddr", "false")), defaults).reuseaddr());
        assertTrue(UdpOptions.forAccepter(udp(), defaults).reuseaddr());
    }

    @Test
    void aParsedStackStringGivesTheSameOptions() throws Exception {
        LayerSpec layer = StackSpec.parse("udp(reuseaddr,readbuf=2048),ipv4,127.0.0.1,0").terminal();
        UdpOptions o = UdpOptions.forAccepter(layer, Defaults.NONE);
        assertTrue(o.reuseaddr());
        assertEquals(2048, o.readbuf());
        assertEquals("ipv4,127.0.0.1,0",
                NetAddress.format(UdpTarget.of(String.join(",", layer.args()), true).get(0).address()));
    }
}
