package org.jser2net.gensio.unix.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jser2net.gensio.api.Accepter;
import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.GensioHandler;
import org.jser2net.gensio.api.GensioState;
import org.jser2net.gensio.api.LayerSpec;
import org.jser2net.gensio.api.Option;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The unix terminal over real Unix domain sockets in a temporary directory. */
class UnixTerminalTest {

    private final UnixTerminalProvider provider = new UnixTerminalProvider();
    private final List<Accepter> accepters = new ArrayList<>();
    private TestContext ctx;
    @TempDir
    Path dir;
    private Path sock;

    @BeforeEach
    void setUp() {
        ctx = new TestContext();
        sock = dir.resolve("s.sock");
    }

    @AfterEach
    void tearDown() throws Exception {
        for (Accepter a : accepters) {
            CompletableFuture<Throwable> done = new CompletableFuture<>();
            a.shutdown(TestContext.callback(done));
            TestContext.await(done);
        }
        ctx.close();
    }

    private static LayerSpec unix(Path path, Option... options) {
        return new LayerSpec("unix", List.of(options), List.of(path.toString()));
    }

    private Throwable startup(Accepter a, Connections conns) throws Exception {
        a.setHandler(conns);
        CompletableFuture<Throwable> done = new CompletableFuture<>();
        a.startup(TestContext.callback(done));
        Throwable err = TestContext.await(done);
        if (err == null) {
            accepters.add(a);
        }
        return err;
    }

    private Accepter listen(LayerSpec layer, Connections conns) throws Exception {
        Accepter a = provider.accepter(layer, ctx);
        assertNull(startup(a, conns));
        return a;
    }

    private Gensio connector(Path path) throws Exception {
        return TestContext.call(ctx.loop(), () -> provider.connector(unix(path), ctx));
    }

    private static Throwable open(Gensio g, GensioHandler handler) throws Exception {
        CompletableFuture<Throwable> done = new CompletableFuture<>();
        TestContext.run(g.loop(), () -> {
            g.setHandler(handler);
            g.open(TestContext.callback(done));
        });
        return TestContext.await(done);
    }

    private Gensio connect(GensioHandler handler) throws Exception {
        Gensio g = connector(sock);
        assertNull(open(g, handler));
        TestContext.run(g.loop(), () -> g.setReadEnabled(true));
        return g;
    }

    private static Gensio accept(Connections conns, GensioHandler handler) throws Exception {
        Gensio g = conns.take();
        TestContext.run(g.loop(), () -> {
            g.setHandler(handler);
            g.setReadEnabled(true);
        });
        return g;
    }

    private static void write(Gensio g, String text) throws Exception {
        ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(text.length(), (int) TestContext.call(g.loop(), () -> g.write(buf)));
    }

    private static void close(Gensio g) throws Exception {
        CompletableFuture<Throwable> done = new CompletableFuture<>();
        TestContext.run(g.loop(), () -> g.close(TestContext.callback(done)));
        assertNull(TestContext.await(done));
    }

    @Test
    void dataFlowsBothWaysAndEndsInOrder() throws Exception {
        Connections conns = new Connections();
        Accepter acc = listen(unix(sock), conns);
        assertEquals(List.of(UnixDomainSocketAddress.of(sock)), acc.localAddresses());
        Collector client = new Collector();
        Gensio c = connect(client);
        assertEquals("unix," + sock, c.remoteAddress());
        Collector server = new Collector();
        Gensio s = accept(conns, server);
        assertEquals("unix,", s.remoteAddress(), "gensio prints the unnamed peer of an accepted socket so");
        assertEquals("unix", s.type());
        write(c, "ping");
        assertEquals("ping", server.awaitBytes(4));
        write(s, "pong");
        assertEquals("pong", client.awaitBytes(4));
        write(c, "bye");
        close(c);
        assertNull(server.awaitEnd());
        assertEquals("pingbye", server.text());
        close(s);
    }

    @Test
    void sixteenMebibytesArriveIntactThroughBackPressure() throws Exception {
        int size = 16 * 1024 * 1024;
        byte[] payload = new byte[size];
        new Random(7).nextBytes(payload);
        Connections conns = new Connections();
        listen(unix(sock), conns);
        ByteBuffer src = ByteBuffer.wrap(payload);
        CompletableFuture<Void> allOut = new CompletableFuture<>();
        int[] shortWrites = new int[1];
        Gensio[] reader = new Gensio[1];
        GensioHandler writer = new Collector() {
            @Override
            public void onWriteReady(Gensio g) {
                try {
                    while (src.hasRemaining()) {
                        int offered = src.remaining();
                        if (g.write(src) < offered) {
                            if (shortWrites[0]++ == 0) {
                                Gensio r = reader[0];
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
        };
        Gensio c = connector(sock);
        assertNull(open(c, writer));
        Gensio s = conns.take();
        reader[0] = s;
        byte[] received = new byte[size];
        CompletableFuture<Integer> allIn = new CompletableFuture<>();
        GensioHandler sink = new Collector() {
            int pos;
            int calls;

            @Override
            public void onData(Gensio g, ByteBuffer data) {
                int n = data.remaining();
                if (++calls % 5 == 0 && n > 1) {
                    n /= 2;
                    g.loop().execute(() -> g.setReadEnabled(true));
                }
                data.get(received, pos, n);
                pos += n;
                if (pos == size) {
                    allIn.complete(pos);
                }
            }
        };
        TestContext.run(s.loop(), () -> s.setHandler(sink));
        TestContext.run(c.loop(), () -> c.setWriteReadyEnabled(true));
        allOut.get(20, TimeUnit.SECONDS);
        assertEquals(size, allIn.get(20, TimeUnit.SECONDS));
        assertTrue(shortWrites[0] > 0, "the writer never met back-pressure");
        assertArrayEquals(payload, received);
    }

    @Test
    void anExistingFileBlocksListeningUnlessDelsock() throws Exception {
        Files.writeString(sock, "stale");
        Throwable err = startup(provider.accepter(unix(sock), ctx), new Connections());
        assertTrue(err instanceof GensioException, String.valueOf(err));
        assertEquals("unix: cannot listen on " + sock + ": Address already in use", err.getMessage());
        assertEquals("stale", Files.readString(sock), "a file we did not create is left alone");

        Connections conns = new Connections();
        listen(unix(sock, Option.flag("delsock")), conns);
        connect(new Collector());
        conns.take();
    }

    @Test
    void shutdownRemovesTheSocketFile() throws Exception {
        Accepter acc = listen(unix(sock), new Connections());
        assertTrue(Files.exists(sock));
        CompletableFuture<Throwable> done = new CompletableFuture<>();
        acc.shutdown(TestContext.callback(done));
        assertNull(TestContext.await(done));
        accepters.remove(acc);
        assertFalse(Files.exists(sock));
        assertTrue(acc.localAddresses().isEmpty());
    }

    @Test
    void modesSetTheFilePermissions() throws Exception {
        listen(unix(sock, new Option("umode", "rw"), new Option("gmode", "4"), new Option("omode", "0")),
                new Connections());
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(sock)));
        Path other = dir.resolve("p.sock");
        listen(unix(other, new Option("perm", "600")), new Connections());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(other)));
        Path partial = dir.resolve("g.sock");
        listen(unix(partial, new Option("gmode", "r")), new Connections());
        assertEquals("rw-r--rw-", PosixFilePermissions.toString(Files.getPosixFilePermissions(partial)),
                "modes not given default to rw once one is given");
    }

    @Test
    void setAcceptEnabledPausesAndResumes() throws Exception {
        Connections conns = new Connections();
        Accepter acc = listen(unix(sock), conns);
        acc.setAcceptEnabled(false);
        TestContext.run(ctx.loop(), () -> { }); // the change runs on the accepter's loop, in order
        connect(new Collector());
        assertNull(conns.poll(300), "accepted while accepting was disabled");
        acc.setAcceptEnabled(true);
        conns.take();
    }

    @Test
    void connectingToNothingFailsWithTheReason() throws Exception {
        Gensio c = connector(dir.resolve("missing.sock"));
        Throwable err = open(c, new Collector());
        assertTrue(err instanceof GensioException, String.valueOf(err));
        assertTrue(err.getMessage().startsWith("unix: cannot connect to " + dir.resolve("missing.sock") + ": "),
                err.getMessage());
        assertEquals(GensioState.CLOSED, c.state());
    }

    @Test
    void badStacksFailWhenBuilt() {
        assertEquals("unix: missing socket path, as in unix,/run/ser2net.sock", assertThrows(GensioException.class,
                () -> provider.accepter(new LayerSpec("unix"), ctx)).getMessage());
        assertTrue(assertThrows(GensioException.class,
                () -> provider.connector(unix(sock, Option.flag("delsock")), ctx)).getMessage()
                .startsWith("unix: unknown option 'delsock'"));
        assertEquals("unix: invalid mode 'rwz' (a digit 0-7 or r, w, x)", assertThrows(GensioException.class,
                () -> provider.accepter(unix(sock, new Option("umode", "rwz")), ctx)).getMessage());
    }
}
