package org.jser2net.gensio.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.jser2net.gensio.api.Accepter;
import org.jser2net.gensio.api.EventLoop;
import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.core.testkit.Completion;
import org.jser2net.gensio.core.testkit.Connections;
import org.jser2net.gensio.core.testkit.MemoryTerminal;
import org.jser2net.gensio.core.testkit.OnLoop;
import org.jser2net.gensio.core.testkit.PipeGensio;
import org.jser2net.gensio.core.testkit.Recorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StackAccepterTest {

    private final MemoryTerminal mem = new MemoryTerminal();
    private final TestFilterProvider filters = new TestFilterProvider();
    private final GensioRegistryImpl registry = new GensioRegistryImpl(2, Map.of("mem", mem),
            Map.of("tf", filters));
    private final Connections connections = new Connections();

    @AfterEach
    void stop() {
        registry.close();
    }

    private Accepter start(String stack) {
        try {
            Accepter acc = registry.accepter(registry.parse(stack));
            acc.setHandler(connections);
            Completion up = new Completion();
            acc.startup(up);
            up.awaitSuccess();
            return acc;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private Gensio connect(String stack) throws Exception {
        Gensio g = registry.connector(registry.parse(stack), null);
        OnLoop.awaitSuccess(g.loop(), g::open);
        return g;
    }

    @Test
    void everyConnectionIsWrappedBottomUpAndOpenedBeforeItIsHandedOut() throws Exception {
        Accepter acc = start("tf(upper),tf(greet=srv),mem,a");
        assertEquals("tf", acc.type());
        assertEquals("tf(upper),tf(greet=srv),mem,a", acc.stack());
        for (int i = 0; i < 3; i++) {
            Gensio client = connect("mem,a");
            Recorder atClient = new Recorder().attach(client);
            Gensio server = connections.next();
            assertSame(acc, connections.lastAccepter());
            assertEquals("tf", server.type());
            assertEquals("tf", server.child().type());
            assertEquals("mem", server.child().child().type());
            // the greeting is written by the lower layer, so the upper one does not touch it
            assertEquals("srv:server\n", atClient.awaitText("\n"));
            Recorder atServer = new Recorder().attach(server);
            atClient.send(client, "hello");
            assertEquals("HELLO", new String(atServer.awaitBytes(5)));
            atServer.send(server, "back");
            assertEquals("srv:server\nBACK", atClient.awaitText("BACK"));
        }
        assertEquals(2, filters.configures.get(), "each layer is configured once per accepter");
        assertEquals(6, filters.wraps.get(), "and wrapped once per connection");
    }

    @Test
    void clientAndServerStacksTalk() throws Exception {
        start("tf(greet=s),mem,b");
        Gensio client = connect("tf(greet=c),tf(upper),mem,b");
        Gensio server = connections.next();
        Recorder atServer = new Recorder().attach(server);
        Recorder atClient = new Recorder().attach(client);
        assertEquals("C:CLIENT\n", atServer.awaitText("\n"), "the client greeting went through upper");
        assertEquals("S:SERVER\n", atClient.awaitText("\n"), "and the server's came up through it");
    }

    @Test
    void aFailedHandshakeIsAnAcceptErrorAndTheConnectionIsClosed() throws Exception {
        start("tf(fail),mem,c");
        Gensio client = connect("mem,c");
        Recorder atClient = new Recorder().attach(client);
        Throwable error = connections.nextError();
        assertTrue(error.getMessage().contains("handshake refused"), error.getMessage());
        assertEquals(null, atClient.awaitEnd(), "the client sees the connection end");
        assertTrue(connections.isEmpty());
    }

    @Test
    void aTerminalAloneIsTheTerminalsOwnAccepter() throws Exception {
        Accepter acc = start("mem,d");
        assertEquals("mem", acc.type());
        connect("mem,d");
        assertInstanceOf(PipeGensio.class, connections.next());
        assertEquals(0, filters.wraps.get());
    }

    @Test
    void aPinnedAccepterKeepsItsConnectionsOnItsLoop() throws Exception {
        EventLoop loop = registry.nextLoop();
        Accepter acc = registry.accepter(registry.parse("tf,mem,e"), loop);
        acc.setHandler(connections);
        Completion up = new Completion();
        acc.startup(up);
        up.awaitSuccess();
        connect("mem,e");
        connect("mem,e");
        assertSame(loop, connections.next().loop());
        assertSame(loop, connections.next().loop());
    }

    @Test
    void anUnpinnedAccepterSpreadsItsConnections() throws Exception {
        start("tf,mem,f");
        EventLoop clientLoop = registry.nextLoop();
        for (int i = 0; i < 2; i++) {
            Gensio g = registry.connector(registry.parse("mem,f"), clientLoop);
            OnLoop.awaitSuccess(clientLoop, g::open);
        }
        assertNotSame(connections.next().loop(), connections.next().loop());
    }

    @Test
    void afterShutdownNobodyCanConnect() throws Exception {
        Accepter acc = start("tf,mem,g");
        assertEquals(1, acc.localAddresses().size());
        Completion down = new Completion();
        acc.shutdown(down);
        down.awaitSuccess();
        assertTrue(acc.localAddresses().isEmpty());
        Gensio g = registry.connector(registry.parse("mem,g"), null);
        Throwable e = OnLoop.await(g.loop(), g::open);
        assertNotNull(e);
        assertTrue(e.getMessage().contains("refused"), e.getMessage());
    }

    @Test
    void shutdownClosesConnectionsStillInTheirHandshake() throws Exception {
        Accepter acc = start("tf(hold),mem,h");
        Gensio client = connect("mem,h");
        Recorder atClient = new Recorder().attach(client);
        StackAccepter stackAcc = (StackAccepter) acc;
        OnLoop.waitFor(client.loop(), "the connection to reach the filter", () -> stackAcc.pendingHandshakes() == 1);
        Completion down = new Completion();
        acc.shutdown(down);
        down.awaitSuccess();
        assertEquals(0, stackAcc.pendingHandshakes());
        assertEquals(null, atClient.awaitEnd(), "the half-open connection is closed by the shutdown");
        assertTrue(connections.isEmpty(), "and never handed out");
    }

    @Test
    void aHandshakeThatFinishesIsNoLongerPendingAndShutdownLeavesItAlone() throws Exception {
        Accepter acc = start("tf(hold),mem,i");
        Gensio client = connect("mem,i");
        Recorder atClient = new Recorder().attach(client);
        atClient.send(client, "!");
        Gensio server = connections.next();
        assertEquals(0, ((StackAccepter) acc).pendingHandshakes(), "a finished handshake is forgotten");
        Completion down = new Completion();
        acc.shutdown(down);
        down.awaitSuccess();
        Recorder atServer = new Recorder().attach(server);
        atClient.send(client, "still here");
        assertEquals("still here", new String(atServer.awaitBytes(10)), "a handed-out connection lives on");
    }
}
