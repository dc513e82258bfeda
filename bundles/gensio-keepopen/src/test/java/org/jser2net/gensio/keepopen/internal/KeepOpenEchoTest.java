package org.jser2net.gensio.keepopen.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.GensioState;
import org.jser2net.gensio.core.testkit.OnLoop;
import org.jser2net.gensio.core.testkit.Recorder;
import org.jser2net.gensio.core.testkit.TestRegistry;
import org.jser2net.gensio.echo.internal.EchoProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** keepopen over the in-memory echo connector: pass-through, the leftover rule, and reopening. */
class KeepOpenEchoTest {

    private final TestRegistry registry = new TestRegistry(1).terminal("echo", new EchoProvider())
            .filter("keepopen", new KeepOpenProvider());

    @AfterEach
    void stop() {
        registry.close();
    }

    private Gensio open(String stack, Recorder user) throws Exception {
        Gensio k = registry.connector(stack);
        assertNull(OnLoop.open(k, user));
        user.attach(k);
        return k;
    }

    @Test
    void dataPassesThroughAndWhatTheUserLeavesComesAgain() throws Exception {
        // Takes at most 3 bytes per call and leaves reads off: keepopen must not deliver more.
        Recorder user = new Recorder().consumeAtMost(3);
        KeepOpenGensio k = (KeepOpenGensio) open("keepopen,echo", user);
        String text = "bytes through keepopen, three at a time";
        OnLoop.writeAll(k, text);
        while (user.bytes().length < text.length()) {
            long before = OnLoop.call(k.loop(), () -> deliveries(user));
            if (before > 0) {
                OnLoop.run(k.loop(), () -> { });
                assertFalse(OnLoop.call(k.loop(), k::isReadEnabled), "a leftover must disable reads");
                assertEquals(before, (long) OnLoop.call(k.loop(), () -> deliveries(user)), "delivered while off");
            }
            OnLoop.run(k.loop(), () -> k.setReadEnabled(true));
            OnLoop.waitFor(k.loop(), "a delivery after enabling reads", () -> deliveries(user) != before);
        }
        assertEquals(text, user.text());
        assertEquals("keepopen", k.type());
        assertEquals("echo", k.child().type());
        assertSame(k.child(), OnLoop.call(k.loop(), () -> k.capability(Gensio.class)).orElseThrow(),
                "an open child answers for capabilities");
        OnLoop.close(k);
        assertFalse(user.hasEnded());
    }

    private static long deliveries(Recorder r) {
        return r.events().stream().filter(e -> e.startsWith("data ")).count();
    }

    @Test
    void aChildThatEndsIsReopenedAndTheUserNeverSeesTheEnd() throws Exception {
        Recorder user = new Recorder();
        Gensio k = open("keepopen(retry-time=10),echo(noecho,data=tick)", user);
        // echo(noecho,data=...) supplies its data and ends; each "tick" is one reopen of the same child.
        user.awaitText("ticktickticktick");
        assertFalse(user.hasEnded(), "keepopen must not pass the child's end up: " + user.events());
        assertEquals(GensioState.OPEN, OnLoop.call(k.loop(), k::state));
        OnLoop.close(k);
        assertEquals(GensioState.CLOSED, OnLoop.call(k.loop(), k.child()::state));
    }

    @Test
    void aClosedKeepopenOpensAgain() throws Exception {
        Recorder user = new Recorder();
        Gensio k = open("keepopen,echo", user);
        OnLoop.close(k);
        assertNull(OnLoop.open(k, user));
        OnLoop.run(k.loop(), () -> k.setReadEnabled(true));
        user.send(k, "twice");
        user.awaitText("twice");
        OnLoop.close(k);
    }
}
