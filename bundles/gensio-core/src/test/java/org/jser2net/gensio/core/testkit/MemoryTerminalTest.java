package org.jser2net.gensio.core.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jser2net.gensio.api.Accepter;
import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.GensioState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MemoryTerminalTest {

    private final TestRegistry registry = TestRegistry.withMemory();
    private final BlockingQueue<Gensio> accepted = new LinkedBlockingQueue<>();

    @AfterEach
    void stop() {
        registry.close();
    }

    private Accepter listen(String stack) throws Exception {
        Accepter acc = registry.accepter(stack);
        acc.setHandler((a, g) -> accepted.add(g));
        Completion up = new Completion();
        acc.startup(up);
        up.awaitSuccess();
        return acc;
    }

    private Throwable open(Gensio g) throws Exception {
        return OnLoop.await(g.loop(), g::open);
    }

    @Test
    void aConnectorReachesTheAccepterOfItsName() throws Exception {
        Accepter acc = listen("mem,here");
        assertTrue(registry.memory().isListening("here"));
        assertEquals("[mem,here]", acc.localAddresses().toString());
        Gensio client = registry.connector("mem,here");
        assertEquals(GensioState.CLOSED, client.state());
        assertNull(open(client));
        Gensio server = accepted.poll(10, TimeUnit.SECONDS);
        assertNotNull(server);
        assertEquals("mem,here", server.remoteAddress());
        Recorder atServer = new Recorder().attach(server);
        Recorder atClient = new Recorder().attach(client);
        atClient.send(client, "ping");
        atServer.awaitText("ping");
        atServer.send(server, "pong");
        atClient.awaitText("pong");
        OnLoop.close(client);
        assertNull(atServer.awaitEnd());
        assertNull(open(client), "a connector can be opened again");
        assertNotNull(accepted.poll(10, TimeUnit.SECONDS));
    }

    @Test
    void refusedWhenNobodyListensOrAcceptingIsOff() throws Exception {
        Throwable nobody = open(registry.connector("mem,nowhere"));
        assertTrue(nobody.getMessage().contains("refused"), nobody.getMessage());
        Accepter acc = listen("mem,paused");
        acc.setAcceptEnabled(false);
        Gensio g = registry.connector("mem,paused");
        assertTrue(open(g) instanceof GensioException);
        assertEquals(GensioState.CLOSED, g.state());
        acc.setAcceptEnabled(true);
        assertNull(open(g));
    }

    @Test
    void aNameIsUsedOnce() throws Exception {
        listen("mem,one");
        Accepter second = registry.accepter("mem,one");
        Completion up = new Completion();
        second.startup(up);
        assertTrue(up.await().getMessage().contains("in use"));
        assertFalse(second.localAddresses().size() > 0);
    }

    @Test
    void badStacksAreRejected() {
        assertThrows(GensioException.class, () -> registry.connector("mem"));
        assertThrows(GensioException.class, () -> registry.connector("mem(colour=red),x"));
        assertThrows(GensioException.class, () -> registry.accepter("mem(readbuf=-1),x"));
    }
}
