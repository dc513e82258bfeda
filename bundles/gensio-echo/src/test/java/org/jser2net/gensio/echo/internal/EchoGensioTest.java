package org.jser2net.gensio.echo.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.GensioHandler;
import org.jser2net.gensio.api.GensioState;
import org.jser2net.gensio.core.testkit.OnLoop;
import org.jser2net.gensio.core.testkit.Recorder;
import org.jser2net.gensio.core.testkit.TestRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EchoGensioTest {

    private final TestRegistry registry = new TestRegistry(1).terminal("echo", new EchoProvider());

    @AfterEach
    void stop() {
        registry.close();
    }

    private Gensio open(String stack) throws Exception {
        Gensio g = registry.connector(stack);
        OnLoop.awaitSuccess(g.loop(), g::open);
        return g;
    }

    /** Writes a random mebibyte into {@code stack} with flow control and checks it all comes back. */
    private Recorder echoAMebibyte(String stack, long seed) throws Exception {
        Gensio echo = open(stack);
        byte[] data = new byte[1 << 20];
        new Random(seed).nextBytes(data);
        Recorder r = new Recorder().attach(echo);
        r.send(echo, data);
        assertArrayEquals(data, r.awaitBytes(data.length));
        return r;
    }

    @Test
    void oneMebibyteComesBackIntactThroughTheBoundedBuffer() throws Exception {
        Recorder r = echoAMebibyte("echo", 7);
        r.awaitSent();
        assertEquals(1 << 20, r.sentCount());
    }

    @Test
    void writeStopsAtTheBufferSizeAndWriteReadyComesWhenReadingFreesRoom() throws Exception {
        Gensio echo = open("echo(readbuf=100)");
        AtomicInteger writeReady = new AtomicInteger();
        Recorder r = new Recorder();
        GensioHandler counting = new GensioHandler() {
            @Override
            public void onData(Gensio g, ByteBuffer data) {
                r.onData(g, data);
            }

            @Override
            public void onWriteReady(Gensio g) {
                writeReady.incrementAndGet();
                g.setWriteReadyEnabled(false);
            }

            @Override
            public void onEnd(Gensio g, Throwable error) {
                r.onEnd(g, error);
            }
        };
        int[] took = OnLoop.call(echo.loop(), () -> {
            echo.setHandler(counting);
            echo.setWriteReadyEnabled(true);
            return new int[] {echo.write(ByteBuffer.allocate(250)), echo.write(ByteBuffer.allocate(10))};
        });
        assertEquals(100, took[0]);
        assertEquals(0, took[1], "full: reads are off, so nothing frees room");
        OnLoop.run(echo.loop(), () -> { });
        assertEquals(0, writeReady.get(), "no write-ready while there is no room");
        OnLoop.run(echo.loop(), () -> echo.setReadEnabled(true));
        r.awaitBytes(100);
        r.await(() -> writeReady.get() == 1, "write-ready");
    }

    @Test
    void unconsumedBytesAreOfferedAgainWhenReadsAreEnabled() throws Exception {
        Gensio echo = open("echo");
        Recorder r = new Recorder().consumeAtMost(2).attach(echo);
        r.send(echo, "abcdef");
        assertEquals("ab", new String(r.awaitBytes(2)));
        assertFalse(OnLoop.call(echo.loop(), () -> echo.state() == GensioState.OPEN
                && ((EchoGensio) echo).isReadEnabled()), "a leftover turns reads off");
        OnLoop.run(echo.loop(), () -> echo.setReadEnabled(true));
        assertEquals("abcd", new String(r.awaitBytes(4)));
        r.consumeAtMost(Integer.MAX_VALUE);
        OnLoop.run(echo.loop(), () -> echo.setReadEnabled(true));
        assertEquals("abcdef", new String(r.awaitBytes(6)));
        r.send(echo, "gh");
        assertEquals("abcdefgh", new String(r.awaitBytes(8)), "reads stay on once all is taken");
    }

    @Test
    void noechoIsASinkThatTakesEverything() throws Exception {
        Gensio echo = open("echo(noecho)");
        Recorder r = new Recorder().attach(echo);
        int took = OnLoop.call(echo.loop(), () -> echo.write(ByteBuffer.allocate(100_000)));
        assertEquals(100_000, took);
        OnLoop.run(echo.loop(), () -> { });
        OnLoop.run(echo.loop(), () -> { });
        assertEquals(0, r.bytes().length);
        assertFalse(r.hasEnded());
    }

    @Test
    void dataIsSuppliedFirstAndThenEchoed() throws Exception {
        Gensio echo = open("echo(data=hello)");
        Recorder r = new Recorder().attach(echo);
        assertEquals("hello", r.awaitText("hello"));
        r.send(echo, "world!!");
        assertEquals("helloworld!!", r.awaitText("!!"), "the 5-byte buffer still echoes, in pieces");
        assertFalse(r.hasEnded());
    }

    @Test
    void dataWithNoechoEndsAfterTheData() throws Exception {
        Gensio echo = open("echo(noecho,data=\"one two\")");
        Recorder r = new Recorder().attach(echo);
        assertNull(r.awaitEnd());
        assertEquals("one two", r.text());
    }

    @Test
    void closesAndOpensAgain() throws Exception {
        Gensio echo = open("echo");
        assertEquals("echo", echo.remoteAddress());
        OnLoop.close(echo);
        assertEquals(GensioState.CLOSED, echo.state());
        assertThrows(GensioException.class,
                () -> OnLoop.call(echo.loop(), () -> echo.write(ByteBuffer.allocate(1))));
        OnLoop.awaitSuccess(echo.loop(), echo::open);
        Recorder r = new Recorder().attach(echo);
        r.send(echo, "x");
        assertEquals("x", new String(r.awaitBytes(1)));
    }

    @Test
    void badOptionsAreRejectedWhenTheStackIsBuilt() {
        assertTrue(message("echo(bogus)").contains("unknown option 'bogus'"));
        assertTrue(message("echo(readbuf=0)").contains("readbuf"));
        assertTrue(message("echo(noecho=maybe)").contains("noecho"));
        assertTrue(message("echo,extra").contains("no arguments"));
    }

    @Test
    void echoCannotAccept() {
        GensioException e = assertThrows(GensioException.class, () -> registry.accepter("echo"));
        assertTrue(e.getMessage().contains("connector only"), e.getMessage());
    }

    private String message(String stack) {
        return assertThrows(GensioException.class, () -> registry.connector(stack)).getMessage();
    }

    @Test
    void oneMebibyteInSmallBuffers() throws Exception {
        echoAMebibyte("echo(readbuf=7)", 8);
    }
}
