package org.jser2net.gensio.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.GensioHandler;
import org.jser2net.gensio.api.GensioState;
import org.jser2net.gensio.core.loop.NioEventLoop;
import org.jser2net.gensio.core.testkit.OnLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The leftover rule and the lifecycle bookkeeping of {@link AbstractGensio}. */
class AbstractGensioTest {

    private final NioEventLoop loop = new NioEventLoop("abstract-gensio-test");
    private final ProbeGensio probe = new ProbeGensio(loop);
    private final Handler handler = new Handler();

    /** Consumes at most {@link #take} bytes per call and records what it sees. */
    private static final class Handler implements GensioHandler {
        final List<String> events = new CopyOnWriteArrayList<>();
        int take = Integer.MAX_VALUE;
        Runnable onNextData;

        @Override
        public void onData(Gensio g, ByteBuffer data) {
            byte[] b = new byte[Math.min(take, data.remaining())];
            data.get(b);
            events.add("data " + new String(b, StandardCharsets.US_ASCII));
            if (onNextData != null) {
                Runnable r = onNextData;
                onNextData = null;
                r.run();
            }
        }

        @Override
        public void onWriteReady(Gensio g) {
            events.add("write-ready");
        }

        @Override
        public void onEnd(Gensio g, Throwable error) {
            events.add(error == null ? "end" : "end " + error.getMessage());
        }
    }

    @AfterEach
    void stop() {
        loop.close();
    }

    private void openProbe() throws Exception {
        OnLoop.run(loop, () -> {
            probe.setHandler(handler);
            probe.open(e -> { });
            probe.finishOpen();
        });
    }

    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aLeftoverTurnsReadsOffAndIsOfferedAgainOnlyWhenReadsComeBack() throws Exception {
        openProbe();
        ByteBuffer buf = bytes("0123456789");
        handler.take = 3;
        OnLoop.run(loop, () -> {
            probe.setReadEnabled(true);
            assertFalse(probe.push(buf));
            assertFalse(probe.isReadEnabled());
            assertTrue(probe.leftover());
            assertEquals(3, buf.position(), "the leftover is the caller's buffer, untouched");
            probe.setReadEnabled(true);
            assertEquals(List.of("data 012"), handler.events, "redelivery is never inline");
        });
        OnLoop.run(loop, () -> { });
        assertEquals(List.of("data 012", "data 345"), handler.events);
        assertEquals(List.of("read on", "read off"), probe.hooks, "the source is not re-armed yet");
        handler.take = Integer.MAX_VALUE;
        OnLoop.run(loop, () -> {
            assertFalse(probe.isReadEnabled());
            probe.setReadEnabled(true);
        });
        OnLoop.run(loop, () -> { });
        assertEquals(List.of("data 012", "data 345", "data 6789"), handler.events);
        assertEquals(List.of("read on", "read off", "leftover consumed", "read on"), probe.hooks);
        assertTrue(OnLoop.call(loop, probe::isReadEnabled));
        assertFalse(OnLoop.call(loop, probe::leftover));
    }

    @Test
    void anOrderlyEndWaitsBehindTheLeftover() throws Exception {
        openProbe();
        handler.take = 3;
        OnLoop.run(loop, () -> {
            probe.setReadEnabled(true);
            probe.push(bytes("abcdef"));
            probe.end(null);
        });
        assertEquals(List.of("data abc"), handler.events);
        handler.take = Integer.MAX_VALUE;
        OnLoop.run(loop, () -> probe.setReadEnabled(true));
        OnLoop.run(loop, () -> { });
        assertEquals(List.of("data abc", "data def", "end"), handler.events);
    }

    @Test
    void anErrorDoesNotWaitAndTheEndIsReportedOnce() throws Exception {
        openProbe();
        handler.take = 1;
        OnLoop.run(loop, () -> {
            probe.setReadEnabled(true);
            probe.push(bytes("xy"));
            probe.end(new IOException("broken"));
            probe.end(null);
            probe.end(new IOException("again"));
        });
        assertEquals(List.of("data x", "end broken"), handler.events);
        GensioException e = assertThrows(GensioException.class,
                () -> OnLoop.call(loop, () -> probe.write(bytes("z"))));
        assertTrue(e.getMessage().contains("ended"), e.getMessage());
    }

    @Test
    void enablesSetWhileOpeningAreAppliedOnceOpen() throws Exception {
        OnLoop.run(loop, () -> {
            probe.setHandler(handler);
            probe.open(e -> { });
            probe.setReadEnabled(true);
            probe.setWriteReadyEnabled(true);
            assertEquals(List.of(), probe.hooks);
            assertThrows(GensioException.class, () -> probe.write(bytes("early")));
            probe.finishOpen();
        });
        assertEquals(List.of("read on", "write on"), probe.hooks);
    }

    @Test
    void writeReadyIsOnlyToldWhileEnabled() throws Exception {
        openProbe();
        OnLoop.run(loop, () -> {
            probe.writeReady();
            probe.setWriteReadyEnabled(true);
            probe.writeReady();
            probe.setWriteReadyEnabled(false);
            probe.writeReady();
        });
        assertEquals(List.of("write-ready"), handler.events);
    }

    @Test
    void illegalTransitionsAreRefused() throws Exception {
        OnLoop.run(loop, () -> {
            assertThrows(IllegalStateException.class, () -> probe.move(GensioState.OPEN));
            assertThrows(IllegalStateException.class, () -> probe.move(GensioState.CLOSING));
            probe.move(GensioState.OPENING);
            probe.move(GensioState.OPEN);
            assertThrows(IllegalStateException.class, () -> probe.move(GensioState.OPENING));
        });
    }

    @Test
    void closingForgetsTheSessionSoAConnectorCanOpenAgain() throws Exception {
        openProbe();
        handler.take = 1;
        OnLoop.run(loop, () -> {
            probe.setReadEnabled(true);
            probe.push(bytes("left"));
            probe.end(null);
            probe.close(e -> { });
            assertEquals(GensioState.CLOSED, probe.state());
            assertFalse(probe.leftover());
            assertFalse(probe.isReadEnabled());
        });
        handler.events.clear();
        handler.take = Integer.MAX_VALUE;
        openProbe();
        OnLoop.run(loop, () -> {
            probe.setReadEnabled(true);
            assertTrue(probe.push(bytes("fresh")));
            probe.end(null);
        });
        assertEquals(List.of("data fresh", "end"), handler.events);
    }

    /** The end waits behind the leftover even when the handler turns reads off while consuming it. */
    @Test
    void anEndBehindALeftoverSurvivesReadsTurnedOffWhileItIsConsumed() throws Exception {
        openProbe();
        handler.take = 1;
        OnLoop.run(loop, () -> {
            probe.setReadEnabled(true);
            probe.push(bytes("ab"));
            probe.end(null);
        });
        handler.take = Integer.MAX_VALUE;
        handler.onNextData = () -> probe.setReadEnabled(false);
        OnLoop.run(loop, () -> probe.setReadEnabled(true));
        OnLoop.run(loop, () -> probe.setReadEnabled(true));
        OnLoop.run(loop, () -> { });
        assertEquals(List.of("data a", "data b", "end"), handler.events);
    }

    /** A handler that closes inside onData leaves no leftover behind. */
    @Test
    void closingInsideOnDataLeavesNoLeftoverBehind() throws Exception {
        openProbe();
        handler.take = 1;
        handler.onNextData = () -> probe.close(e -> { });
        OnLoop.run(loop, () -> {
            probe.setReadEnabled(true);
            probe.push(bytes("abc"));
            assertEquals(GensioState.CLOSED, probe.state());
            assertFalse(probe.leftover());
        });
    }

    @Test
    void dataArrivingWhileReadsAreOffWaitsForThemWithoutReachingTheHandler() throws Exception {
        openProbe();
        ByteBuffer buf = bytes("early");
        OnLoop.run(loop, () -> {
            assertFalse(probe.isReadEnabled());
            assertFalse(probe.push(buf), "kept as the leftover");
            assertEquals(0, buf.position(), "untouched");
            assertTrue(probe.leftover());
            assertEquals(List.of(), handler.events, "the handler is not called while reads are off");
            probe.setReadEnabled(true);
        });
        OnLoop.run(loop, () -> { });
        assertEquals(List.of("data early"), handler.events, "delivered once reads are on");
        assertEquals(List.of("leftover consumed", "read on"), probe.hooks);
        assertFalse(OnLoop.call(loop, probe::leftover));
    }

    @Test
    void dataArrivingWhenNotOpenIsDropped() throws Exception {
        OnLoop.run(loop, () -> {
            probe.setHandler(handler);
            ByteBuffer closed = bytes("closed");
            assertTrue(probe.push(closed));
            assertFalse(closed.hasRemaining(), "dropped");
            probe.open(e -> { });
            probe.setReadEnabled(true);
            ByteBuffer opening = bytes("opening");
            assertTrue(probe.push(opening));
            assertFalse(opening.hasRemaining(), "dropped");
            assertFalse(probe.leftover());
        });
        assertEquals(List.of(), handler.events, "the handler hears nothing before the gensio is open");
    }
}
