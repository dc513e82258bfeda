package org.jser2net.gensio.tcp.internal;

import static org.jser2net.gensio.core.testkit.OnLoop.close;
import static org.jser2net.gensio.core.testkit.OnLoop.open;
import static org.jser2net.gensio.core.testkit.OnLoop.writeAll;
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
import org.jser2net.gensio.core.testkit.Connections;
import org.jser2net.gensio.core.testkit.OnLoop;
import org.jser2net.gensio.core.testkit.Recorder;
import org.junit.jupiter.api.Test;

/** Accepting, connecting, data both ways, addresses and end of stream over real loopback sockets. */
class TcpAcceptConnectTest extends TcpTestBase {

    @Test
    void dataFlowsBothWaysAndAddressesAreInGensioForm() throws Exception {
        Connections conns = new Connections();
        Accepter acc = net.listen(tcp("127.0.0.1,0"), conns);
        int port = port(acc);
        assertNotEquals(0, port, "port 0 must report the real port");

        Recorder client = new Recorder();
        Gensio c = net.connect(tcp("127.0.0.1," + port), client);
        assertEquals("ipv4,127.0.0.1," + port, c.remoteAddress());

        Gensio s = conns.next();
        assertEquals(GensioState.OPEN, s.state());
        assertEquals("tcp", s.type());
        int clientPort = OnLoop.call(c.loop(),
                () -> ((InetSocketAddress) ((TcpConnector) c).localAddress()).getPort());
        assertEquals("ipv4,127.0.0.1," + clientPort, s.remoteAddress());

        Recorder server = new Recorder();
        OnLoop.run(s.loop(), () -> {
            s.setHandler(server);
            s.setReadEnabled(true);
        });
        writeAll(c, "hello");
        assertEquals("hello", server.awaitText("hello"));
        writeAll(s, "world");
        assertEquals("world", client.awaitText("world"));
        close(c);
        assertNull(server.awaitEnd(), "an orderly close is an end without error");
        close(s);
    }

    @Test
    void acceptedConnectionsStartWithReadsDisabled() throws Exception {
        Connections conns = new Connections();
        Accepter acc = net.listen(tcp("127.0.0.1,0"), conns);
        Gensio c = net.connect(tcp("127.0.0.1," + port(acc)), new Recorder());
        writeAll(c, "early");
        Gensio s = conns.next();
        Recorder server = new Recorder();
        OnLoop.run(s.loop(), () -> s.setHandler(server));
        assertFalse(OnLoop.call(s.loop(), () -> ((StreamSocketGensio) s).isReadEnabled()));
        // Data must wait until reads are enabled; then all of it arrives.
        for (int i = 0; i < 3; i++) {
            assertNull(OnLoop.call(s.loop(), () -> server.events().isEmpty() ? null : "delivered early"));
        }
        OnLoop.run(s.loop(), () -> s.setReadEnabled(true));
        assertEquals("early", server.awaitText("early"));
    }

    @Test
    void endOfStreamFollowsTheLastData() throws Exception {
        Connections conns = new Connections();
        Accepter acc = net.listen(tcp("127.0.0.1,0"), conns);
        Gensio c = net.connect(tcp("127.0.0.1," + port(acc)), new Recorder());
        Recorder server = new Recorder();
        Gensio s = conns.next(server);
        writeAll(c, "bye");
        close(c);
        assertNull(server.awaitEnd());
        assertEquals("bye", server.text());
        Object e = OnLoop.call(s.loop(), () -> {
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
        Accepter acc = net.listen(tcp("127.0.0.1,0"), conns);
        int closed = unusedPort();
        Gensio c = net.connect(tcp("127.0.0.1," + closed + ",127.0.0.1," + port(acc)), new Recorder());
        assertEquals("ipv4,127.0.0.1," + port(acc), c.remoteAddress());
        conns.next();
        close(c);
        assertEquals(GensioState.CLOSED, c.state());
        assertNull(open(c, new Recorder()), "a closed connector opens again");
        conns.next();
        close(c);
    }

    @Test
    void refusedConnectionFailsTheOpenWithTheReason() throws Exception {
        int closed = unusedPort();
        Gensio c = net.connector(tcp("127.0.0.1," + closed));
        Throwable err = open(c, new Recorder());
        assertTrue(err instanceof GensioException, String.valueOf(err));
        assertEquals("tcp: cannot connect to 127.0.0.1," + closed + ": Connection refused", err.getMessage());
        assertEquals(GensioState.CLOSED, c.state());
    }

    @Test
    void laddrBindsTheLocalAddress() throws Exception {
        Connections conns = new Connections();
        Accepter acc = net.listen(tcp("127.0.0.1,0"), conns);
        int local = unusedPort();
        net.connect(tcp("127.0.0.1," + port(acc), new Option("laddr", "ipv4,127.0.0.1," + local)), new Recorder());
        assertEquals("ipv4,127.0.0.1," + local, conns.next().remoteAddress());
    }

    @Test
    void readbufLimitsEachDelivery() throws Exception {
        Connections conns = new Connections();
        Accepter acc = net.listen(tcp("127.0.0.1,0", new Option("readbuf", "7")), conns);
        Gensio c = net.connect(tcp("127.0.0.1," + port(acc)), new Recorder());
        Recorder server = new Recorder();
        conns.next(server);
        writeAll(c, "0123456789abcdefghijklmnopqrstuvwxyz");
        assertEquals("0123456789abcdefghijklmnopqrstuvwxyz", server.awaitText("xyz"));
        int max = server.events().stream().filter(e -> e.startsWith("data "))
                .mapToInt(e -> Integer.parseInt(e.substring("data ".length()))).max().orElse(0);
        assertTrue(max <= 7, "chunk of " + max);
    }

    static int unusedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}
