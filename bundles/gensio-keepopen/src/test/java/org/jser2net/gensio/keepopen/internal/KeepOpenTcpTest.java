package org.jser2net.gensio.keepopen.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jser2net.gensio.api.GensioState;
import org.jser2net.gensio.base.StreamSocketGensio;
import org.jser2net.gensio.core.testkit.Completion;
import org.jser2net.gensio.core.testkit.OnLoop;
import org.jser2net.gensio.core.testkit.Recorder;
import org.jser2net.gensio.core.testkit.TestRegistry;
import org.jser2net.gensio.tcp.internal.TcpTerminalProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** keepopen over a real tcp connection to a plain listener that closes, goes away and comes back. */
class KeepOpenTcpTest {

    private final TestRegistry registry = new TestRegistry(1).terminal("tcp", new TcpTerminalProvider())
            .filter("keepopen", new KeepOpenProvider());
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final Recorder user = new Recorder();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable r : resources) {
            r.close();
        }
        registry.close();
    }

    private <T extends AutoCloseable> T keep(T resource) {
        resources.add(resource);
        return resource;
    }

    /** An open keepopen stack towards {@code port}, with {@link #user} reading from it. */
    private KeepOpenGensio open(String options, int port) throws Exception {
        KeepOpenGensio k = (KeepOpenGensio) registry.connector("keepopen(" + options + "),tcp,127.0.0.1," + port);
        assertNull(OnLoop.open(k, user), "keepopen's open must succeed");
        user.attach(k);
        assertEquals(GensioState.OPEN, OnLoop.call(k.loop(), k::state));
        return k;
    }

    private static int write(KeepOpenGensio k, String text) throws Exception {
        return OnLoop.call(k.loop(), () -> k.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8))));
    }

    private static void awaitLink(KeepOpenGensio k, String what, boolean up) throws Exception {
        OnLoop.waitFor(k.loop(), what, () -> (k.link() == ChildLink.UP) == up);
    }

    @Test
    void theUserSeesNoEndWhenTheFarEndClosesAndDataFlowsAgainAfterTheRetryTime() throws Exception {
        FarEnd far = keep(new FarEnd());
        KeepOpenGensio k = open("retry-time=300", far.port());
        Socket first = keep(far.accept());
        user.send(k, "to far");
        assertEquals("to far", FarEnd.readUntil(first, "to far"));
        FarEnd.write(first, "to user;");
        user.awaitText("to user;");

        long closedAt = System.nanoTime();
        first.close();
        Socket second = keep(far.accept());
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closedAt);
        // A lower bound only: the retry timer never fires early (a little slack for clock granularity).
        assertTrue(waited >= 250, "reconnected after " + waited + " ms, before the 300 ms retry time");

        user.send(k, "again");
        assertEquals("again", FarEnd.readUntil(second, "again"));
        FarEnd.write(second, "back");
        assertEquals("to user;back", user.awaitText("back"));
        assertFalse(user.hasEnded(), "keepopen must not pass the child's end up: " + user.events());
        assertEquals(GensioState.OPEN, OnLoop.call(k.loop(), k::state));
    }

    @Test
    void openSucceedsWhileNobodyListensAndConnectsOnceTheFarEndListens() throws Exception {
        FarEnd far = keep(FarEnd.notListening());
        KeepOpenGensio k = open("retry-time=100", far.port());
        assertEquals(0, write(k, "early"), "nothing may be taken while the child is down");

        far.listen();
        Socket s = keep(far.accept());
        user.send(k, "hello");
        assertEquals("hello", FarEnd.readUntil(s, "hello"));
        FarEnd.write(s, "hi");
        user.awaitText("hi");
        assertFalse(user.hasEnded());
    }

    @Test
    void writesWhileTheChildIsDownAreHeldAndSentOnceItIsBack() throws Exception {
        FarEnd far = keep(new FarEnd());
        KeepOpenGensio k = open("retry-time=100", far.port());
        Socket first = keep(far.accept());
        awaitLink(k, "the child to be up", true);
        assertTrue(OnLoop.call(k.loop(), () -> k.capability(StreamSocketGensio.class)).isPresent(),
                "the child's capabilities must show while it is up");

        far.stopListening();
        first.close();
        awaitLink(k, "the child to go down", false);
        assertTrue(OnLoop.call(k.loop(), () -> k.capability(StreamSocketGensio.class)).isEmpty(),
                "no capability while the child is down");
        assertEquals(0, write(k, "held"));
        user.send(k, "held");
        OnLoop.run(k.loop(), () -> { }); // the send has run on the loop
        assertEquals(0, user.sentCount(), "the write must wait for the child");

        far.listen();
        Socket second = keep(far.accept());
        assertEquals("held", FarEnd.readUntil(second, "held"));
        user.awaitSent();
        assertEquals(4, user.sentCount());
        assertNull(user.writeError());
        assertFalse(user.hasEnded());
    }

    @Test
    void withDiscardBadwritesWritesWhileTheChildIsDownAreTakenAndDropped() throws Exception {
        FarEnd far = keep(new FarEnd());
        KeepOpenGensio k = open("retry-time=100,discard-badwrites", far.port());
        Socket first = keep(far.accept());
        awaitLink(k, "the child to be up", true);

        far.stopListening();
        first.close();
        awaitLink(k, "the child to go down", false);
        assertEquals(4, write(k, "lost"));
        user.send(k, "dropped too");
        OnLoop.run(k.loop(), () -> { }); // the send has run on the loop
        assertEquals(11, user.sentCount());

        far.listen();
        Socket second = keep(far.accept());
        awaitLink(k, "the child to be back", true);
        OnLoop.writeAll(k, "after");
        assertEquals("after", FarEnd.readUntil(second, "after"), "dropped bytes must not arrive");
        assertFalse(user.hasEnded());
    }

    @Test
    void closeWhileWaitingToRetryStopsTheRetries() throws Exception {
        FarEnd far = keep(new FarEnd());
        KeepOpenGensio k = open("retry-time=200", far.port());
        Socket first = keep(far.accept());
        far.stopListening();
        first.close();

        Completion closed = new Completion();
        OnLoop.waitFor(k.loop(), "the child to be down, waiting to retry", () -> {
            if (k.link() != ChildLink.DOWN) {
                return false;
            }
            k.close(closed);
            return true;
        });
        closed.awaitSuccess();
        assertEquals(GensioState.CLOSED, OnLoop.call(k.loop(), k::state));
        far.listen();
        assertNull(keepIfAny(far.acceptWithin(Duration.ofMillis(1000))), "a closed keepopen must not reconnect");
    }

    @Test
    void closeWhileConnectedClosesTheChildAndDoesNotReconnect() throws Exception {
        FarEnd far = keep(new FarEnd());
        KeepOpenGensio k = open("retry-time=100", far.port());
        Socket first = keep(far.accept());
        OnLoop.close(k);
        assertTrue(FarEnd.readsEnd(first));
        assertEquals(GensioState.CLOSED, OnLoop.call(k.loop(), k::state));
        assertNull(keepIfAny(far.acceptWithin(Duration.ofMillis(600))), "a closed keepopen must not reconnect");
        assertFalse(user.hasEnded());
    }

    private Socket keepIfAny(Socket s) {
        return s == null ? null : keep(s);
    }
}
