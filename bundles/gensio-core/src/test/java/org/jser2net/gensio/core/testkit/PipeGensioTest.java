package org.jser2net.gensio.core.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;

import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.GensioState;
import org.jser2net.gensio.core.loop.NioEventLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PipeGensioTest {

    private final NioEventLoop loop = new NioEventLoop("pipe-test-a");
    private final NioEventLoop other = new NioEventLoop("pipe-test-b");

    @AfterEach
    void stop() {
        loop.close();
        other.close();
    }

    @Test
    void writeTakesOnlyWhatFitsInThePeersBuffer() throws Exception {
        PipeGensio.Pair p = PipeGensio.pair(loop, 16);
        assertEquals(GensioState.OPEN, p.a().state());
        int[] took = OnLoop.call(loop, () -> new int[] {
            p.a().write(ByteBuffer.allocate(40)), p.a().write(ByteBuffer.allocate(1))});
        assertEquals(16, took[0]);
        assertEquals(0, took[1]);
        assertEquals(16, p.b().buffered());
        assertEquals(0, p.a().buffered());
    }

    @Test
    void aWriterBlockedOnAFullPipeResumesAsTheReaderConsumes() throws Exception {
        PipeGensio.Pair p = PipeGensio.pair(loop, 16);
        byte[] data = new byte[10_000];
        new Random(1).nextBytes(data);
        Recorder writer = new Recorder();
        OnLoop.run(loop, () -> p.a().setHandler(writer));
        writer.send(p.a(), data);
        OnLoop.run(loop, () -> { });
        assertEquals(16, writer.sentCount(), "nobody reads yet, so only one buffer's worth went");
        Recorder reader = new Recorder().attach(p.b());
        assertArrayEquals(data, reader.awaitBytes(data.length));
        writer.awaitSent();
    }

    @Test
    void oneMebibyteBetweenTwoLoops() throws Exception {
        PipeGensio.Pair p = PipeGensio.pair(loop, other, 1000);
        byte[] data = new byte[1 << 20];
        new Random(2).nextBytes(data);
        byte[] back = new byte[1 << 20];
        new Random(3).nextBytes(back);
        Recorder atA = new Recorder().attach(p.a());
        Recorder atB = new Recorder().attach(p.b());
        atA.send(p.a(), data);
        atB.send(p.b(), back);
        assertArrayEquals(data, atB.awaitBytes(data.length));
        assertArrayEquals(back, atA.awaitBytes(back.length));
    }

    @Test
    void closingOneEndEndsTheOtherAfterItsData() throws Exception {
        PipeGensio.Pair p = PipeGensio.pair(loop, 64);
        OnLoop.run(loop, () -> {
            p.a().write(ByteBuffer.wrap("last words".getBytes()));
            p.a().close(error -> { });
        });
        Recorder r = new Recorder().attach(p.b());
        assertNull(r.awaitEnd());
        assertEquals("last words", r.text());
        assertEquals("end", r.events().get(r.events().size() - 1));
        assertThrows(GensioException.class,
                () -> OnLoop.call(loop, () -> p.b().write(ByteBuffer.allocate(1))), "writing after the end");
    }

    @Test
    void theEndWaitsWhileReadsAreOff() throws Exception {
        PipeGensio.Pair p = PipeGensio.pair(loop, 64);
        Recorder r = new Recorder();
        OnLoop.run(loop, () -> {
            p.b().setHandler(r);
            p.a().write(ByteBuffer.wrap("abc".getBytes()));
        });
        OnLoop.close(p.a());
        OnLoop.run(loop, () -> { });
        assertFalse(r.hasEnded(), "data and end wait for reads");
        OnLoop.run(loop, () -> p.b().setReadEnabled(true));
        assertNull(r.awaitEnd());
        assertEquals(List.of("data 3", "end"), r.events());
    }

    @Test
    void writingToAClosedPeerFails() throws Exception {
        PipeGensio.Pair p = PipeGensio.pair(loop, 8);
        OnLoop.close(p.a());
        GensioException e = assertThrows(GensioException.class,
                () -> OnLoop.call(loop, () -> p.b().write(ByteBuffer.allocate(1))));
        assertTrue(e.getMessage().contains("other end is closed"), e.getMessage());
    }

    @Test
    void leftoversAreKeptAndOfferedAgain() throws Exception {
        PipeGensio.Pair p = PipeGensio.pair(loop, 64);
        Recorder r = new Recorder().consumeAtMost(3).attach(p.b());
        OnLoop.run(loop, () -> p.a().write(ByteBuffer.wrap("0123456789".getBytes())));
        assertEquals("012", new String(r.awaitBytes(3)));
        OnLoop.run(loop, () -> { });
        assertEquals(List.of("data 3"), r.events(), "reads went off with the leftover");
        assertEquals(10, p.b().buffered(), "the leftover still occupies the buffer");
        OnLoop.run(loop, () -> p.b().setReadEnabled(true));
        assertEquals("012345", new String(r.awaitBytes(6)));
        r.consumeAtMost(100);
        OnLoop.run(loop, () -> p.b().setReadEnabled(true));
        assertEquals("0123456789", new String(r.awaitBytes(10)));
        r.await(() -> p.b().buffered() == 0, "buffer released");
    }

    @Test
    void failDeliversAnError() throws Exception {
        PipeGensio.Pair p = PipeGensio.pair(loop, 8);
        Recorder r = new Recorder().attach(p.a());
        p.a().fail(new IOException("cable cut"));
        assertEquals("cable cut", r.awaitEnd().getMessage());
    }

    @Test
    void aClosedEndCannotBeReopened() throws Exception {
        PipeGensio.Pair p = PipeGensio.pair(loop, 8);
        OnLoop.close(p.a());
        OnLoop.close(p.a());
        assertTrue(OnLoop.await(loop, p.a()::open) instanceof GensioException);
    }
}
