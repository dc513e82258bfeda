package org.jser2net.gensio.tcp.internal;

import static org.jser2net.gensio.core.testkit.OnLoop.writeAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

import org.jser2net.gensio.api.Accepter;
import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.Option;
import org.jser2net.gensio.core.testkit.Connections;
import org.jser2net.gensio.core.testkit.OnLoop;
import org.jser2net.gensio.core.testkit.Recorder;
import org.junit.jupiter.api.Test;

/** Listening: address families, dynamic ports, pausing, and the errors a bad stack gets. */
class TcpAccepterTest extends TcpTestBase {

    @Test
    void withoutHostOneDualStackSocketTakesIpv4AndIpv6() throws Exception {
        Connections conns = new Connections();
        Accepter acc = net.listen(tcp("0"), conns);
        assertEquals(1, acc.localAddresses().size());
        InetSocketAddress a = (InetSocketAddress) acc.localAddresses().get(0);
        assertTrue(a.getAddress().isAnyLocalAddress());
        assertTrue(a.getAddress() instanceof Inet6Address, "dual-stack means an IPv6 socket: " + a);
        int port = a.getPort();

        net.connect(tcp("127.0.0.1," + port), new Recorder());
        assertTrue(conns.next().remoteAddress().startsWith("ipv6,::ffff:127.0.0.1,"),
                "gensio prints IPv4 peers of a dual-stack socket as mapped IPv6");
        net.connect(tcp("::1," + port), new Recorder());
        assertTrue(conns.next().remoteAddress().startsWith("ipv6,::1,"));
        net.connect(tcp("ipv6,::1," + port), new Recorder());
        conns.next();
    }

    @Test
    void ipv4PrefixListensOnIpv4Only() throws Exception {
        Connections conns = new Connections();
        Accepter acc = net.listen(tcp("ipv4,0"), conns);
        InetSocketAddress a = (InetSocketAddress) acc.localAddresses().get(0);
        assertTrue(a.getAddress() instanceof Inet4Address, a.toString());
        net.connect(tcp("127.0.0.1," + a.getPort()), new Recorder());
        assertTrue(conns.next().remoteAddress().startsWith("ipv4,127.0.0.1,"));
        Gensio c = net.connector(tcp("::1," + a.getPort()));
        assertNotNull(OnLoop.open(c, new Recorder()), "IPv6 must not reach an ipv4 accepter");
    }

    @Test
    void ipv6PrefixServesIpv6PeersOnly() throws Exception {
        Connections conns = new Connections();
        Accepter acc = net.listen(tcp("ipv6,0"), conns);
        int port = port(acc);
        Recorder v4 = new Recorder();
        net.connect(tcp("127.0.0.1," + port), v4);
        assertNull(v4.awaitEnd(), "an IPv4 peer is hung up on");
        net.connect(tcp("::1," + port), new Recorder());
        assertTrue(conns.next().remoteAddress().startsWith("ipv6,::1,"), "only the IPv6 peer is handed out");
    }

    @Test
    void severalAddressesGetOneListenerEachOnTheSameDynamicPort() throws Exception {
        Connections conns = new Connections();
        Accepter acc = net.listen(tcp("127.0.0.1,0,::1,0"), conns);
        assertEquals(2, acc.localAddresses().size());
        int p0 = ((InetSocketAddress) acc.localAddresses().get(0)).getPort();
        int p1 = ((InetSocketAddress) acc.localAddresses().get(1)).getPort();
        assertEquals(p0, p1, "port 0 picks one port for all addresses");
        net.connect(tcp("127.0.0.1," + p0), new Recorder());
        assertTrue(conns.next().remoteAddress().startsWith("ipv4,127.0.0.1,"));
        net.connect(tcp("::1," + p0), new Recorder());
        assertTrue(conns.next().remoteAddress().startsWith("ipv6,::1,"));
    }

    @Test
    void setAcceptEnabledPausesAndResumes() throws Exception {
        Connections conns = new Connections();
        Accepter acc = net.listen(tcp("127.0.0.1,0"), conns);
        acc.setAcceptEnabled(false);
        OnLoop.run(ctx.loop(), () -> { }); // the change runs on the accepter's loop, in order
        // The kernel completes the handshake from its backlog; the accepter must not take it.
        try (Socket s = new Socket(InetAddress.getByName("127.0.0.1"), port(acc))) {
            assertNull(conns.poll(Duration.ofMillis(300)), "accepted while accepting was disabled");
            acc.setAcceptEnabled(true);
            Recorder server = new Recorder();
            Gensio g = conns.next(server);
            s.getOutputStream().write('x');
            assertEquals("x", server.awaitText("x"));
            writeAll(g, "y");
            InputStream in = s.getInputStream();
            assertEquals('y', in.read());
        }
    }

    @Test
    void shutdownReleasesThePort() throws Exception {
        Connections conns = new Connections();
        Accepter acc = net.listen(tcp("127.0.0.1,0"), conns);
        int port = port(acc);
        net.shutdown(acc);
        assertTrue(acc.localAddresses().isEmpty());
        net.listen(tcp("127.0.0.1," + port), conns);
    }

    @Test
    void bindFailureNamesTheAddressAndTheCause() throws Exception {
        Accepter first = net.listen(tcp("127.0.0.1,0"), new Connections());
        int port = port(first);
        Accepter second = provider.accepter(tcp("127.0.0.1," + port), ctx);
        Throwable err = net.startup(second, new Connections());
        assertTrue(err instanceof GensioException, String.valueOf(err));
        assertEquals("tcp: cannot listen on 127.0.0.1," + port + ": Address already in use", err.getMessage());
        assertTrue(second.localAddresses().isEmpty());
    }

    @Test
    void badStacksFailWhenBuilt() {
        assertMessage("tcp: invalid port '70000' (must be a number from 0 to 65535)",
                () -> provider.accepter(tcp("127.0.0.1,70000"), ctx));
        assertMessage("tcp: missing port in 'localhost'", () -> provider.accepter(tcp("localhost"), ctx));
        assertMessage("tcp: a connecting tcp needs a host, as in tcp,localhost,3000 (got '3000')",
                () -> provider.connector(tcp("3000"), ctx));
        GensioException e = assertThrows(GensioException.class,
                () -> provider.connector(tcp("no-such-host.invalid,3000"), ctx));
        assertTrue(e.getMessage().startsWith("tcp: unknown host 'no-such-host.invalid'"), e.getMessage());
        e = assertThrows(GensioException.class,
                () -> provider.connector(tcp("127.0.0.1,3000", new Option("bogus", "1")), ctx));
        assertTrue(e.getMessage().startsWith("tcp: unknown option 'bogus'"), e.getMessage());
        assertMessage("tcp: readbuf must be a positive number, not '0'",
                () -> provider.connector(tcp("127.0.0.1,3000", new Option("readbuf", "0")), ctx));
        assertMessage("tcp: nodelay must be true or false, not 'maybe'",
                () -> provider.connector(tcp("127.0.0.1,3000", new Option("nodelay", "maybe")), ctx));
    }

    @Test
    void stackAndTypeAreReported() throws Exception {
        Accepter acc = provider.accepter(tcp("127.0.0.1,3000", Option.flag("nodelay")), ctx);
        assertEquals("tcp", acc.type());
        assertEquals("tcp(nodelay),127.0.0.1,3000", acc.stack());
        assertFalse(acc.localAddresses().iterator().hasNext());
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable build) {
        assertEquals(expected, assertThrows(GensioException.class, build).getMessage());
    }
}
