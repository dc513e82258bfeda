package org.jser2net.gensio.core.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bulk transfer helper over in-memory pipes, and the failures it must report. */
class BulkTransferTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final TestContext ctx = new TestContext(2, "bulk-test");

    @AfterEach
    void stop() {
        ctx.close();
    }

    private static byte[] payload(int size) {
        byte[] b = new byte[size];
        new Random(3).nextBytes(b);
        return b;
    }

    @Test
    void aPayloadCrossesASmallPipeBetweenTwoLoops() throws Exception {
        PipeGensio.Pair p = PipeGensio.pair(ctx.loop(), ctx.nextLoop(), 1000);
        assertTrue(p.a().loop() != p.b().loop(), "the ends must be on two loops");
        new BulkTransfer(payload(256 * 1024), 3).start(p.a(), p.b()).assertDelivered(TIMEOUT);
    }

    @Test
    void aTransferThatNeverMeetsBackPressureCannotPass() throws Exception {
        PipeGensio.Pair p = PipeGensio.pair(ctx.loop(), 4096);
        BulkTransfer t = new BulkTransfer(payload(100), 3).start(p.a(), p.b());
        // With no short write the reader is never resumed: nothing can arrive.
        AssertionError e = assertThrows(AssertionError.class, () -> t.assertDelivered(Duration.ofMillis(300)));
        assertTrue(e.getMessage().startsWith("the transfer did not finish"), e.getMessage());
    }

    @Test
    void anEndBeforeEverythingArrivedFailsAtOnce() throws Exception {
        PipeGensio.Pair toWriter = PipeGensio.pair(ctx.loop(), 16);
        PipeGensio.Pair toReader = PipeGensio.pair(ctx.loop(), 16);
        OnLoop.close(toReader.a());
        // The writer fills its pipe, its short write resumes the reader, whose peer has gone.
        BulkTransfer t = new BulkTransfer(new byte[64], 2).start(toWriter.a(), toReader.b());
        AssertionError e = assertThrows(AssertionError.class, () -> t.assertDelivered(TIMEOUT));
        assertEquals("ended after 0 bytes", e.getCause().getMessage());
    }
}
