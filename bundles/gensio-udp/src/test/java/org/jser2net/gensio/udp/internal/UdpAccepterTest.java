package org.jser2net.gensio.udp.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;

import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.GensioState;
import org.jser2net.gensio.api.LayerSpec;
import org.jser2net.gensio.api.Option;
import org.junit.jupiter.api.Test;

/** The udp accepter against plain UDP sockets on loopback. */
class UdpAccepterTest extends UdpFixture {

    @Test
    void twoRemotesGetTwoGensiosAndTheirOwnReplies() throws Exception {
        UdpAccepter acc = startAccepter(udp(List.of(), "127.0.0.1", "0"), true);
        int port = port(acc);
        try (Client a = new Client(); Client b = new Client()) {
            a.send("hello from a", port);
            Gensio ga = nextAccepted();
            b.send("hello from b", port);
            Gensio gb = nextAccepted();
            assertNotSame(ga, gb);
            assertEquals("re:hello from a", a.receiveString());
            assertEquals("re:hello from b", b.receiveString());
            assertEquals("ipv4,127.0.0.1," + a.port(), onLoop(ga::remoteAddress));
            assertEquals("ipv4,127.0.0.1," + b.port(), onLoop(gb::remoteAddress));
            assertEquals(GensioState.OPEN, onLoop(ga::state));

            a.send("again", port);
            assertEquals("re:again", a.receiveString());
            assertEquals(2, onLoop(acc::peerCount), "a known address must not make a new gensio");
            assertEquals("hello from a", recorders.get(ga).nextString());
            assertEquals("again", recorders.get(ga).nextString());
            assertEquals("hello from b", recorders.get(gb).nextString());
        }
    }

    @Test
    void closingOneAcceptedGensioLeavesTheOthersAndTheListener() throws Exception {
        UdpAccepter acc = startAccepter(udp(List.of(), "127.0.0.1", "0"), true);
        int port = port(acc);
        try (Client a = new Client(); Client b = new Client()) {
            a.send("a1", port);
            Gensio ga = nextAccepted();
            b.send("b1", port);
            Gensio gb = nextAccepted();
            assertEquals("re:a1", a.receiveString());
            assertEquals("re:b1", b.receiveString());

            call(ga::close);
            assertEquals(GensioState.CLOSED, onLoop(ga::state));
            assertEquals(1, onLoop(acc::peerCount));

            b.send("b2", port);
            assertEquals("re:b2", b.receiveString());
            assertEquals(GensioState.OPEN, onLoop(gb::state));

            a.send("a2", port);
            Gensio ga2 = nextAccepted();
            assertNotSame(ga, ga2, "after close the address makes a fresh gensio");
            assertEquals("re:a2", a.receiveString());
            assertEquals("a2", recorders.get(ga2).nextString());
            assertEquals(2, onLoop(acc::peerCount));
        }
    }

    @Test
    void datagramBoundariesArePreservedBothWays() throws Exception {
        UdpAccepter acc = startAccepter(udp(List.of(), "127.0.0.1", "0"), false);
        int port = port(acc);
        try (Client a = new Client()) {
            byte[] one = {1};
            byte[] thousand = filled(1000, 2);
            byte[] big = filled(1400, 3);
            InetSocketAddress to = new InetSocketAddress("127.0.0.1", port);
            a.send(one, to);
            Gensio g = nextAccepted();
            a.send(thousand, to);
            a.send(big, to);
            DatagramRecorder r = new DatagramRecorder(false);
            onLoop(() -> {
                g.setHandler(r);
                g.setReadEnabled(true);
                return null;
            });
            assertArrayEquals(one, r.next());
            assertArrayEquals(thousand, r.next());
            assertArrayEquals(big, r.next());

            // one write is one datagram, of at most the largest UDP payload
            ByteBuffer out = ByteBuffer.wrap(filled(70000, 4));
            assertEquals(3, onLoop(() -> g.write(ByteBuffer.wrap(new byte[] {7, 8, 9}))));
            assertEquals(UdpSocket.MAX_DATAGRAM, onLoop(() -> g.write(out)));
            assertEquals(70000 - UdpSocket.MAX_DATAGRAM, onLoop(() -> g.write(out)));
            assertArrayEquals(new byte[] {7, 8, 9}, a.receive());
            assertEquals(UdpSocket.MAX_DATAGRAM, a.receive().length);
            assertEquals(70000 - UdpSocket.MAX_DATAGRAM, a.receive().length);
        }
    }

    @Test
    void aLeftoverIsOfferedAgainWithoutMergingTheNextDatagram() throws Exception {
        UdpAccepter acc = startAccepter(udp(List.of(), "127.0.0.1", "0"), false);
        try (Client a = new Client()) {
            a.send("abcde", port(acc));
            Gensio g = nextAccepted();
            a.send("xy", port(acc));
            DatagramRecorder r = new DatagramRecorder(false);
            r.consumeAtMost = 2;
            onLoop(() -> {
                g.setHandler(r);
                g.setReadEnabled(true);
                return null;
            });
            assertEquals("ab", r.nextString());
            assertEquals("cd", r.nextString());
            assertEquals("e", r.nextString());
            assertEquals("xy", r.nextString());
        }
    }

    @Test
    void datagramsWaitWhileReadsAreOffAndTheExcessIsDroppedAndCounted() throws Exception {
        UdpAccepter acc = startAccepter(udp(List.of(), "127.0.0.1", "0"), false);
        int sent = UdpGensio.MAX_QUEUED_PACKETS + 16;
        try (Client a = new Client()) {
            a.send("p0", port(acc));
            UdpGensio g = (UdpGensio) nextAccepted();
            for (int i = 1; i < sent; i++) {
                a.send("p" + i, port(acc));
            }
            await("all datagrams to be queued or dropped", () -> g.queuedPackets() + g.droppedPackets() == sent);
            assertEquals(UdpGensio.MAX_QUEUED_PACKETS, onLoop(g::queuedPackets));
            assertEquals(16L, onLoop(g::droppedPackets));

            DatagramRecorder r = new DatagramRecorder(false);
            onLoop(() -> {
                g.setHandler(r);
                g.setReadEnabled(true);
                return null;
            });
            for (int i = 0; i < UdpGensio.MAX_QUEUED_PACKETS; i++) {
                assertEquals("p" + i, r.nextString(), "queued datagrams come in order");
            }
            a.send("after", port(acc));
            assertEquals("after", r.nextString(), "the dropped ones are gone");
        }
    }

    @Test
    void portZeroOnSeveralAddressesUsesOnePort() throws Exception {
        UdpAccepter acc = startAccepter(udp(List.of(), "ipv4", "127.0.0.1", "0", "ipv6", "::1", "0"), true);
        List<?> local = acc.localAddresses();
        assertEquals(2, local.size());
        int port = port(acc);
        assertNotEquals(0, port);
        assertEquals(port, ((InetSocketAddress) local.get(1)).getPort());
        try (Client v4 = new Client("127.0.0.1"); Client v6 = new Client("::1")) {
            v4.send("four".getBytes(), new InetSocketAddress("127.0.0.1", port));
            v6.send("six".getBytes(), new InetSocketAddress("::1", port));
            assertEquals("re:four", v4.receiveString());
            assertEquals("re:six", v6.receiveString());
            List<String> remotes = List.of(onLoop(nextAccepted()::remoteAddress), onLoop(nextAccepted()::remoteAddress));
            assertTrue(remotes.contains("ipv4,127.0.0.1," + v4.port()), remotes.toString());
            assertTrue(remotes.contains("ipv6,::1," + v6.port()), remotes.toString());
        }
    }

    @Test
    void aPortAloneListensOnIpv4AndIpv6() throws Exception {
        UdpAccepter acc = startAccepter(udp(List.of(), "0"), true);
        int port = port(acc);
        assertNotEquals(0, port);
        try (Client v4 = new Client("127.0.0.1"); Client v6 = new Client("::1")) {
            v4.send("four".getBytes(), new InetSocketAddress("127.0.0.1", port));
            v6.send("six".getBytes(), new InetSocketAddress("::1", port));
            assertEquals("re:four", v4.receiveString());
            assertEquals("re:six", v6.receiveString());
        }
    }

    @Test
    void readbufCutsLongerDatagrams() throws Exception {
        UdpAccepter acc = startAccepter(udp(List.of(new Option("readbuf", "10")), "127.0.0.1", "0"), true);
        try (Client a = new Client()) {
            a.send("0123456789abcdef", port(acc));
            assertEquals("0123456789", recorders.get(nextAccepted()).nextString());
        }
    }

    @Test
    void acceptsOffOrShutDownRefuseNewAddressesButKnownPeersKeepWorking() throws Exception {
        UdpAccepter acc = startAccepter(udp(List.of(), "127.0.0.1", "0"), true);
        int port = port(acc);
        try (Client a = new Client(); Client b = new Client(); Client c = new Client()) {
            a.send("a1", port);
            Gensio ga = nextAccepted();
            assertEquals("re:a1", a.receiveString());

            acc.setAcceptEnabled(false);
            b.send("b1", port);
            await("b's datagram to be refused", () -> acc.refusedPackets() == 1);
            a.send("a2", port);
            assertEquals("re:a2", a.receiveString());
            acc.setAcceptEnabled(true);
            b.send("b2", port);
            assertEquals("re:b2", b.receiveString());
            Gensio gb = nextAccepted();

            call(acc::shutdown);
            assertTrue(acc.localAddresses().isEmpty());
            c.send("c1", port);
            await("c's datagram to be refused", () -> acc.refusedPackets() == 2);
            a.send("a3", port);
            assertEquals("re:a3", a.receiveString(), "connections outlive shutdown");

            call(ga::close);
            b.send("b3", port);
            assertEquals("re:b3", b.receiveString());
            call(gb::close);
            await("the socket to be released", () -> canBind(port));
        }
    }

    @Test
    void anAcceptedGensioCannotBeReopenedAndCloseIsIdempotent() throws Exception {
        UdpAccepter acc = startAccepter(udp(List.of(), "127.0.0.1", "0"), true);
        try (Client a = new Client()) {
            a.send("x", port(acc));
            Gensio g = nextAccepted();
            Throwable e = callForError(g::open);
            assertTrue(e != null && e.getMessage().contains("cannot be opened again"), String.valueOf(e));
            call(g::close);
            call(g::close);
            assertSame(GensioState.CLOSED, onLoop(g::state));
            Throwable w = onLoop(() -> {
                try {
                    g.write(ByteBuffer.wrap(new byte[] {1}));
                    return null;
                } catch (Exception ex) {
                    return ex;
                }
            });
            assertTrue(w != null && w.getMessage().contains("closed"), String.valueOf(w));
            call(acc::shutdown);
        }
    }

    @Test
    void theProviderNeedsAnAddress() {
        GensioException e = assertThrows(GensioException.class,
                () -> provider.accepter(new LayerSpec("udp"), context()));
        assertTrue(e.getMessage().contains("udp needs an address"), e.getMessage());
    }

    private static boolean canBind(int port) {
        try (java.net.DatagramSocket s = new java.net.DatagramSocket(new InetSocketAddress("127.0.0.1", port))) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    static byte[] filled(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (seed + i * 31);
        }
        return b;
    }
}
