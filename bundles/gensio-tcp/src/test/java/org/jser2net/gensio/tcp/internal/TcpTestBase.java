package org.jser2net.gensio.tcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.jser2net.gensio.api.Accepter;
import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.GensioHandler;
import org.jser2net.gensio.api.LayerSpec;
import org.jser2net.gensio.api.Option;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Shared set-up for the tcp tests: a context, the provider, and helpers to connect and write. */
abstract class TcpTestBase {

    final TcpTerminalProvider provider = new TcpTerminalProvider();
    final List<Accepter> accepters = new ArrayList<>();
    TestContext ctx;

    @BeforeEach
    void setUpContext() {
        ctx = new TestContext();
    }

    @AfterEach
    void tearDownContext() throws Exception {
        for (Accepter a : accepters) {
            CompletableFuture<Throwable> done = new CompletableFuture<>();
            a.shutdown(TestContext.callback(done));
            TestContext.await(done);
        }
        ctx.close();
    }

    /** {@code "a,b,c"} as a tcp layer with the given options. */
    static LayerSpec tcp(String args, Option... options) {
        return new LayerSpec("tcp", List.of(options), Arrays.asList(args.split(",")));
    }

    Accepter startAccepter(LayerSpec layer, Connections conns) throws Exception {
        Accepter a = provider.accepter(layer, ctx);
        a.setHandler(conns);
        CompletableFuture<Throwable> done = new CompletableFuture<>();
        a.startup(TestContext.callback(done));
        assertNull(TestContext.await(done));
        accepters.add(a);
        return a;
    }

    static int port(Accepter a) {
        return ((InetSocketAddress) a.localAddresses().get(0)).getPort();
    }

    /** Opens a connector; returns it with reads enabled, or throws the open error. */
    Gensio connect(LayerSpec layer, GensioHandler handler) throws Exception {
        Gensio g = TestContext.call(ctx.loop(), () -> provider.connector(layer, ctx));
        Throwable err = open(g, handler);
        if (err != null) {
            throw new AssertionError("open failed", err);
        }
        TestContext.run(g.loop(), () -> g.setReadEnabled(true));
        return g;
    }

    /** Opens {@code g} and returns the open error, or null. */
    static Throwable open(Gensio g, GensioHandler handler) throws Exception {
        CompletableFuture<Throwable> done = new CompletableFuture<>();
        TestContext.run(g.loop(), () -> {
            g.setHandler(handler);
            g.open(TestContext.callback(done));
        });
        return TestContext.await(done);
    }

    /** Takes an accepted connection, gives it {@code handler} and enables its reads. */
    static Gensio accept(Connections conns, GensioHandler handler) throws Exception {
        Gensio g = conns.take();
        TestContext.run(g.loop(), () -> {
            g.setHandler(handler);
            g.setReadEnabled(true);
        });
        return g;
    }

    /** Writes a short text that fits in the socket buffer at once. */
    static void write(Gensio g, String text) throws Exception {
        ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
        int n = TestContext.call(g.loop(), () -> g.write(buf));
        assertEquals(text.length(), n, "a short write must be taken whole");
    }

    static void close(Gensio g) throws Exception {
        CompletableFuture<Throwable> done = new CompletableFuture<>();
        TestContext.run(g.loop(), () -> g.close(TestContext.callback(done)));
        assertNull(TestContext.await(done));
    }
}
