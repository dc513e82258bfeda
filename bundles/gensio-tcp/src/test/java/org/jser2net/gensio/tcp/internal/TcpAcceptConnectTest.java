package org.jser2net.gensio.tcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;

import org.jser2net.gensio.api.Accepter;
import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.GensioState;
import org.jser2net.gensio.api.Option;
import org.jser2net.gensio.base.StreamSocketGensio;
import org.junit.jupiter.api.Test;

/** Accepting, connecting, data both ways, addresses and end of stream over real loopback sockets. */
class TcpAcceptConnectTest extends TcpTestBase {

    @Test
    void dataFlowsBothWaysAndAddressesAreInGensioForm() throws Exception {
        Connections conns = new Connections();
        Accepter acc = startAccepter(tcp("127.0.0.1,0"), conns);
        int port = port(acc);
        assertNotEquals(0, port, "port 0 must report the real port");

        Collector client = new Collector();
        Gensio c = connect(tcp("127.0.0.1," + port), client);
        assertEquals("ipv4,127.0.0.1," + port, c.remoteAddress());

        Gensio s = conns.take();
        assertEquals(GensioState.OPEN, s.state());
        assertEquals("tcp", s.type());
        int clientPort = TestContext.call(c.loop(),
                () -> ((InetSocketAddress) ((TcpConnector) c).localAddress()).getPort());
        assertEquals("ipv4,127.0.0.1," + clientPort, s.remoteAddress());

        Collector server = new Collector();
        TestContext.run(s.loop(), () -> {
            s.setHandler(server);
            s.setReadEnabled(true);
        });
        write(c, "hello");
        assertEquals("hello", server.awaitBytes(5));
        write(s, "world");
        assertEquals("world", client.awaitBytes(5));
        close(c);
        assertNull(server.awaitEnd(), "an orderly close is an end without error");
        close(s);
    }

    @Test
    void acceptedConnectionsStartWithReadsDisabled() throws Exception {
        Connections conns = new Connections();
        Accepter acc = startAccepter(tcp("127.0.0.1,0"), conns);
        Gensio c = connect(tcp("127.0.0.1," + port(acc)), new Collector());
        write(c, "early");
        Gensio s = conns.take();
        Collector server = new Collector();
        TestContext.run(s.loop(), () -> s.setHandler(server));
        assertFalse(TestContext.call(s.loop(), () -> ((StreamSocketGensio) s).isReadEnabled()));
        // Data must wait until reads are enabled; then all of it arrives.
        for (int i = 0; i < 3; i++) {
            assertNull(TestContext.call(s.loop(), () -> server.calls() == 0 ? null : "delivered early"));
        }
        TestContext.run(s.loop(), () -> s.setReadEnabled(true));
        assertEquals("early", server.awaitBytes(5));
    }

    @Test
    void endOfStreamFollowsTheLastData() throws Exception {
        Connections conns = new Connections();
        Accepter acc = startAccepter(tcp("127.0.0.1,0"), conns);
        Gensio c = connect(tcp("127.0.0.1," + port(acc)), new Collector());
        Collector server = new Collector();
        Gensio s = accept(conns, server);
        write(c, "bye");
        close(c);
        assertNull(server.awaitEnd());
        assertEquals("bye", server.text());
        Object e = TestContext.call(s.loop(), () -> {
            try {
                return s.write(ByteBuffer.wrap(new byte[] {1}));
            } catch (GensioException ex) {
                return ex;
            }
        });
        assertTrue(e instanceof GensioException && ((GensioException) e).getMessage().contains("ended"),
                "writing after the end must fail: " + e);
    }

    @Test
    void connectorTriesEachAddressInTurnAndCanReopen() throws Exception {
        Connections conns = new Connections();
        Accepter acc = startAccepter(tcp("127.0.0.1,0"), conns);
        int closed = unusedPort();
        Gensio c = connect(tcp("127.0.0.1," + closed + ",127.0.0.1," + port(acc)), new Collector());
        assertEquals("ipv4,127.0.0.1," + port(acc), c.remoteAddress());
        conns.take();
        close(c);
        assertEquals(GensioState.CLOSED, c.state());
        assertNull(open(c, new Collector()), "a closed connector opens again");
        conns.take();
        close(c);
    }

    @Test
    void refusedConnectionFailsTheOpenWithTheReason() throws Exception {
        int closed = unusedPort();
        Gensio c = TestContext.call(ctx.loop(), () -> provider.connector(tcp("127.0.0.1," + closed), ctx));
        Throwable err = open(c, new Collector());
        assertTrue(err instanceof GensioException, String.valueOf(err));
        assertEquals("tcp: cannot connect to 127.0.0.1," + closed + ": Connection refused", err.getMessage());
        assertEquals(GensioState.CLOSED, c.state());
    }

    @Test
    void laddrBindsTheLocalAddress() throws Exception {
        Connections conns = new Connections();
        Accepter acc = startAccepter(tcp("127.0.0.1,0"), conns);
        int local = unusedPort();
        connect(tcp("127.0.0.1," + port(acc), new Option("laddr", "ipv4,127.0.0.1," + local)), new Collector());
        assertEquals("ipv4,127.0.0.1," + local, conns.take().remoteAddress());
    }

    @Test
    void readbufLimitsEachDelivery() throws Exception {
        Connections conns = new Connections();
        Accepter acc = startAccepter(tcp("127.0.0.1,0", new Option("readbuf", "7")), conns);
        Gensio c = connect(tcp("127.0.0.1," + port(acc)), new Collector());
        int[] max = new int[1];
        Collector server = new Collector() {
            @Override
            public void onData(Gensio g, ByteBuffer buf) {
                max[0] = Math.max(max[0], buf.remaining());
                super.onData(g, buf);
            }
        };
        accept(conns, server);
        write(c, "0123456789abcdefghijklmnopqrstuvwxyz");
        assertEquals("0123456789abcdefghijklmnopqrstuvwxyz", server.awaitBytes(36));
        assertTrue(max[0] <= 7, "chunk of " + max[0]);
    }

    static int unusedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}
