package org.jser2net.gensio.tcp.internal;

import static org.jser2net.gensio.core.testkit.OnLoop.close;
import static org.jser2net.gensio.core.testkit.OnLoop.writeAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.Random;

import org.jser2net.gensio.api.Accepter;
import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.base.StreamSocketGensio;
import org.jser2net.gensio.core.testkit.BulkTransfer;
import org.jser2net.gensio.core.testkit.Connections;
import org.jser2net.gensio.core.testkit.OnLoop;
import org.jser2net.gensio.core.testkit.Recorder;
import org.junit.jupiter.api.Test;

/** Bulk transfer with back-pressure, and the leftover rule with a handler that consumes partially. */
class TcpFlowControlTest extends TcpTestBase {

    private static final int SIZE = 16 * 1024 * 1024;

    @Test
    void sixteenMebibytesArriveIntactThroughBackPressure() throws Exception {
        byte[] payload = new byte[SIZE];
        new Random(42).nextBytes(payload);
        Connections conns = new Connections();
        Accepter acc = net.listen(tcp("127.0.0.1,0"), conns);
        Gensio client = net.connect(tcp("127.0.0.1," + port(acc)), new Recorder());
        Gensio server = conns.next();
        // The server starts paused, so the client must meet write() == 0 before anything is read;
        // every seventh delivery takes only half (the leftover path). All must arrive intact.
        new BulkTransfer(payload, 7).start(client, server).assertDelivered(Duration.ofSeconds(20));
    }

    @Test
    void leftoverIsKeptAndOfferedAgainWhenReadsAreEnabled() throws Exception {
        Connections conns = new Connections();
        Accepter acc = net.listen(tcp("127.0.0.1,0"), conns);
        Gensio c = net.connect(tcp("127.0.0.1," + port(acc)), new Recorder());
        // Consumes at most 3 bytes per call and leaves reads off: the gensio must not deliver more.
        Recorder partial = new Recorder().consumeAtMost(3);
        Gensio s = conns.next(partial);
        String text = "the quick brown fox jumps over the lazy dog";
        writeAll(c, text);
        close(c);
        while (partial.bytes().length < text.length()) {
            long before = OnLoop.call(s.loop(), () -> deliveries(partial));
            boolean readsOn = OnLoop.call(s.loop(), () -> ((StreamSocketGensio) s).isReadEnabled());
            if (before > 0) {
                assertFalse(readsOn, "a leftover must disable reads");
                assertEquals(before, (long) OnLoop.call(s.loop(), () -> deliveries(partial)),
                        "delivered while disabled");
            }
            OnLoop.run(s.loop(), () -> s.setReadEnabled(true));
            OnLoop.waitFor(s.loop(), "a delivery after enabling reads", () -> deliveries(partial) != before);
        }
        assertEquals(text, partial.text());
        assertNull(partial.awaitEnd(), "the end comes after the leftover was consumed");
        assertEquals(text, partial.text());
    }

    private static long deliveries(Recorder r) {
        return r.events().stream().filter(e -> e.startsWith("data ")).count();
    }
}
