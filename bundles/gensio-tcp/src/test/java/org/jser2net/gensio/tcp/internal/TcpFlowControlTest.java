package org.jser2net.gensio.tcp.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jser2net.gensio.api.Accepter;
import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.GensioHandler;
import org.jser2net.gensio.base.StreamSocketGensio;
import org.junit.jupiter.api.Test;

/** Bulk transfer with back-pressure, and the leftover rule with a handler that consumes partially. */
class TcpFlowControlTest extends TcpTestBase {

    private static final int SIZE = 16 * 1024 * 1024;

    @Test
    void sixteenMebibytesArriveIntactThroughBackPressure() throws Exception {
        byte[] payload = new byte[SIZE];
        new Random(42).nextBytes(payload);
        Connections conns = new Connections();
        Accepter acc = startAccepter(tcp("127.0.0.1,0"), conns);

        byte[] received = new byte[SIZE];
        CompletableFuture<Integer> allIn = new CompletableFuture<>();
        Gensio client = TestContext.call(ctx.loop(), () -> provider.connector(tcp("127.0.0.1," + port(acc)), ctx));
        Writer writer = new Writer(ByteBuffer.wrap(payload));
        assertNull(open(client, writer));
        Gensio server = conns.take();
        writer.reader = server;
        // The reader starts paused, so the writer must meet write() == 0 before anything is read.
        // Every seventh delivery it takes only half and resumes later, exercising the leftover path.
        GensioHandler reader = new GensioHandler() {
            int pos;
            int calls;

            @Override
            public void onData(Gensio g, ByteBuffer data) {
                int n = data.remaining();
                if (++calls % 7 == 0 && n > 1) {
                    n /= 2;
                    g.loop().execute(() -> g.setReadEnabled(true));
                }
                data.get(received, pos, n);
                pos += n;
                if (pos == SIZE) {
                    allIn.complete(pos);
                }
            }

            @Override
            public void onWriteReady(Gensio g) {
            }

            @Override
            public void onEnd(Gensio g, Throwable error) {
                allIn.completeExceptionally(new AssertionError("ended after " + pos + " bytes", error));
            }
        };
        TestContext.run(server.loop(), () -> server.setHandler(reader));

        TestContext.run(client.loop(), () -> client.setWriteReadyEnabled(true));

        writer.allOut.get(20, TimeUnit.SECONDS);
        assertEquals(SIZE, allIn.get(20, TimeUnit.SECONDS));
        assertTrue(writer.shortWrites > 0, "the writer never met back-pressure");
        assertArrayEquals(payload, received);
    }

    @Test
    void leftoverIsKeptAndOfferedAgainWhenReadsAreEnabled() throws Exception {
        Connections conns = new Connections();
        Accepter acc = startAccepter(tcp("127.0.0.1,0"), conns);
        Gensio c = connect(tcp("127.0.0.1," + port(acc)), new Collector());
        StringBuilder got = new StringBuilder();
        int[] calls = new int[1];
        // Consumes at most 3 bytes per call and leaves reads off: the gensio must not deliver more.
        Collector partial = new Collector() {
            @Override
            public void onData(Gensio g, ByteBuffer data) {
                calls[0]++;
                for (int i = 0; i < 3 && data.hasRemaining(); i++) {
                    got.append((char) data.get());
                }
                super.onData(g, ByteBuffer.allocate(0));
            }
        };
        Gensio s = accept(conns, partial);
        String text = "the quick brown fox jumps over the lazy dog";
        write(c, text);
        close(c);
        while (got.length() < text.length()) {
            int before = TestContext.call(s.loop(), () -> calls[0]);
            boolean readsOn = TestContext.call(s.loop(), () -> ((StreamSocketGensio) s).isReadEnabled());
            if (before > 0) {
                assertFalse(readsOn, "a leftover must disable reads");
                assertEquals(before, (int) TestContext.call(s.loop(), () -> calls[0]), "delivered while disabled");
            }
            TestContext.run(s.loop(), () -> s.setReadEnabled(true));
            waitForCall(s, calls, before);
        }
        assertEquals(text, TestContext.call(s.loop(), got::toString));
        assertNull(partial.awaitEnd(), "the end comes after the leftover was consumed");
        assertEquals(text, TestContext.call(s.loop(), got::toString));
    }

    private static void waitForCall(Gensio s, int[] calls, int before) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TestContext.TIMEOUT_S);
        while (TestContext.call(s.loop(), () -> calls[0]) == before) {
            assertTrue(System.nanoTime() < deadline, "no delivery after enabling reads");
            Thread.sleep(1);
        }
    }

    /** Writes its source as fast as the gensio takes it; the first short write un-pauses the reader. */
    private static final class Writer implements GensioHandler {
        final CompletableFuture<Void> allOut = new CompletableFuture<>();
        final ByteBuffer src;
        volatile Gensio reader;
        int shortWrites;

        Writer(ByteBuffer src) {
            this.src = src;
        }

        @Override
        public void onData(Gensio g, ByteBuffer data) {
            data.position(data.limit());
        }

        @Override
        public void onWriteReady(Gensio g) {
            try {
                while (src.hasRemaining()) {
                    int offered = src.remaining();
                    if (g.write(src) < offered) {
                        if (shortWrites++ == 0) {
                            Gensio r = reader;
                            r.loop().execute(() -> r.setReadEnabled(true));
                        }
                        return;
                    }
                }
                g.setWriteReadyEnabled(false);
                allOut.complete(null);
            } catch (GensioException e) {
                allOut.completeExceptionally(e);
            }
        }

        @Override
        public void onEnd(Gensio g, Throwable error) {
            allOut.completeExceptionally(new AssertionError("writer ended", error));
        }
    }
}
