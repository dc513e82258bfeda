package org.jser2net.gensio.udp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.GensioState;
import org.jser2net.gensio.api.Option;
import org.junit.jupiter.api.Test;

/** The udp connector, against the udp accepter and against plain sockets. */
class UdpConnectorTest extends UdpFixture {

    @Test
    void connectorAndAccepterRoundTrip() throws Exception {
        UdpAccepter acc = startAccepter(udp(List.of(), "127.0.0.1", "0"), true);
        int port = port(acc);
        DatagramRecorder r = new DatagramRecorder(false);
        UdpConnector c = openConnector(udp(List.of(), "127.0.0.1", Integer.toString(port)), r);
        assertEquals("ipv4,127.0.0.1," + port, onLoop(c::remoteAddress));

        assertEquals(4, (int) onLoop(() -> c.write(bytes("ping"))));
        assertEquals("re:ping", r.nextString());
        Gensio server = nextAccepted();
        assertEquals("ping", recorders.get(server).nextString());
        int localPort = onLoop(c::localAddress).getPort();
        assertEquals("ipv4,127.0.0.1," + localPort, onLoop(server::remoteAddress));

        onLoop(() -> c.write(bytes("pong")));
        assertEquals("re:pong", r.nextString());
        assertEquals(1, onLoop(acc::peerCount));

        call(c::close);
        assertEquals(GensioState.CLOSED, onLoop(c::state));
        assertNull(onLoop(c::localAddress));
        // a closed connector opens again, on a new socket
        openConnector(udp(List.of(), "127.0.0.1", Integer.toString(port)), r);
    }

    @Test
    void laddrSetsTheLocalAddress() throws Exception {
        UdpAccepter acc = startAccepter(udp(List.of(), "127.0.0.1", "0"), true);
        DatagramRecorder r = new DatagramRecorder(false);
        UdpConnector c = openConnector(udp(List.of(new Option("laddr", "ipv4,127.0.0.1,0")),
                "127.0.0.1", Integer.toString(port(acc))), r);
        InetSocketAddress local = onLoop(c::localAddress);
        assertEquals("127.0.0.1", local.getAddress().getHostAddress());
        onLoop(() -> c.write(bytes("hi")));
        assertEquals("re:hi", r.nextString());
        assertEquals("ipv4,127.0.0.1," + local.getPort(), onLoop(nextAccepted()::remoteAddress));
    }

    @Test
    void openFailsWithAReasonWhenLaddrIsTaken() throws Exception {
        try (Client busy = new Client()) {
            UdpConnector c = (UdpConnector) provider.connector(udp(List.of(new Option("laddr",
                    "ipv4,127.0.0.1," + busy.port())), "127.0.0.1", "9"), context());
            Throwable e = callForError(c::open);
            assertNotNull(e, "binding a port in use must fail");
            assertTrue(e.getMessage().contains("cannot open a socket to ipv4,127.0.0.1,9"), e.getMessage());
            assertEquals(GensioState.CLOSED, onLoop(c::state));
        }
    }

    @Test
    void withoutNoconOnlyTheRemoteIsHeard() throws Exception {
        try (Client server = new Client(); Client stranger = new Client()) {
            DatagramRecorder r = new DatagramRecorder(false);
            UdpConnector c = openConnector(udp(List.of(), "127.0.0.1", Integer.toString(server.port())), r);
            InetSocketAddress to = new InetSocketAddress("127.0.0.1", onLoop(c::localAddress).getPort());
            stranger.send(bytes("stranger").array(), to);
            await("the stranger's datagram to be ignored", () -> c.ignoredPackets() == 1);
            server.send(bytes("server").array(), to);
            assertEquals("server", r.nextString());
        }
    }

    @Test
    void noconHearsEveryone() throws Exception {
        try (Client server = new Client(); Client stranger = new Client()) {
            DatagramRecorder r = new DatagramRecorder(false);
            UdpConnector c = openConnector(udp(List.of(Option.flag("nocon")),
                    "127.0.0.1", Integer.toString(server.port())), r);
            InetSocketAddress to = new InetSocketAddress("127.0.0.1", onLoop(c::localAddress).getPort());
            stranger.send(bytes("stranger").array(), to);
            assertEquals("stranger", r.nextString());
            onLoop(() -> c.write(bytes("to server")));
            assertEquals("to server", server.receiveString(), "writes still go to the remote");
        }
    }

    @Test
    void writeReadyEventsFlowWhileEnabled() throws Exception {
        try (Client server = new Client()) {
            DatagramRecorder r = new DatagramRecorder(false);
            UdpConnector c = openConnector(udp(List.of(), "127.0.0.1", Integer.toString(server.port())), r);
            onLoop(() -> {
                c.setWriteReadyEnabled(true);
                return null;
            });
            await("a write-ready event", () -> r.writeReady.get() > 0);
            onLoop(() -> {
                c.setWriteReadyEnabled(false);
                return null;
            });
            int seen = onLoop(r.writeReady::get);
            // a task queued behind the disable runs after any select that could still fire
            onLoop(() -> null);
            onLoop(() -> null);
            assertEquals(seen, onLoop(r.writeReady::get), "no write-ready events after disabling");
        }
    }

    @Test
    void ipv6ConnectorAndAddressForm() throws Exception {
        UdpAccepter acc = startAccepter(udp(List.of(), "ipv6", "::1", "0"), true);
        DatagramRecorder r = new DatagramRecorder(false);
        UdpConnector c = openConnector(udp(List.of(), "ipv6", "::1", Integer.toString(port(acc))), r);
        assertEquals("ipv6,::1," + port(acc), onLoop(c::remoteAddress));
        onLoop(() -> c.write(bytes("v6")));
        assertEquals("re:v6", r.nextString());
        assertEquals("ipv6,::1," + onLoop(c::localAddress).getPort(), onLoop(nextAccepted()::remoteAddress));
    }

    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1));
    }
}
