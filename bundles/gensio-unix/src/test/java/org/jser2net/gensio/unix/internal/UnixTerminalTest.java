package org.jser2net.gensio.unix.internal;

import static org.jser2net.gensio.core.testkit.OnLoop.close;
import static org.jser2net.gensio.core.testkit.OnLoop.writeAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import org.jser2net.gensio.api.Accepter;
import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.GensioHandler;
import org.jser2net.gensio.api.GensioState;
import org.jser2net.gensio.api.LayerSpec;
import org.jser2net.gensio.api.Option;
import org.jser2net.gensio.core.testkit.BulkTransfer;
import org.jser2net.gensio.core.testkit.Connections;
import org.jser2net.gensio.core.testkit.OnLoop;
import org.jser2net.gensio.core.testkit.Recorder;
import org.jser2net.gensio.core.testkit.TerminalDriver;
import org.jser2net.gensio.core.testkit.TestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The unix terminal over real Unix domain sockets in a temporary directory. */
class UnixTerminalTest {

    private final UnixTerminalProvider provider = new UnixTerminalProvider();
    private final TerminalDriver net = new TerminalDriver(provider, new TestContext(2, "unix-test"));
    private final TestContext ctx = net.context();
    @TempDir
    Path dir;
    private Path sock;

    @BeforeEach
    void setUp() {
        sock = dir.resolve("s.sock");
    }

    @AfterEach
    void tearDown() {
        net.close();
    }

    private static LayerSpec unix(Path path, Option... options) {
        return new LayerSpec("unix", List.of(options), List.of(path.toString()));
    }

    private Gensio connect(GensioHandler handler) throws Exception {
        return net.connect(unix(sock), handler);
    }

    @Test
    void dataFlowsBothWaysAndEndsInOrder() throws Exception {
        Connections conns = new Connections();
        Accepter acc = net.listen(unix(sock), conns);
        assertEquals(List.of(UnixDomainSocketAddress.of(sock)), acc.localAddresses());
        Recorder client = new Recorder();
        Gensio c = connect(client);
        assertEquals("unix," + sock, c.remoteAddress());
        Recorder server = new Recorder();
        Gensio s = conns.next(server);
        assertEquals("unix,", s.remoteAddress(), "gensio prints the unnamed peer of an accepted socket so");
        assertEquals("unix", s.type());
        writeAll(c, "ping");
        assertEquals("ping", server.awaitText("ping"));
        writeAll(s, "pong");
        assertEquals("pong", client.awaitText("pong"));
        writeAll(c, "bye");
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
        net.listen(unix(sock), conns);
        Gensio c = connect(new Recorder());
        Gensio s = conns.next();
        // The server starts paused, so the client must meet write() == 0 before anything is read;
        // every fifth delivery takes only half (the leftover path). All must arrive intact.
        new BulkTransfer(payload, 5).start(c, s).assertDelivered(Duration.ofSeconds(20));
    }

    @Test
    void anExistingFileBlocksListeningUnlessDelsock() throws Exception {
        Files.writeString(sock, "stale");
        Throwable err = net.startup(provider.accepter(unix(sock), ctx), new Connections());
        assertTrue(err instanceof GensioException, String.valueOf(err));
        assertEquals("unix: cannot listen on " + sock + ": Address already in use", err.getMessage());
        assertEquals("stale", Files.readString(sock), "a file we did not create is left alone");

        Connections conns = new Connections();
        net.listen(unix(sock, Option.flag("delsock")), conns);
        connect(new Recorder());
        conns.next();
    }

    @Test
    void shutdownRemovesTheSocketFile() throws Exception {
        Accepter acc = net.listen(unix(sock), new Connections());
        assertTrue(Files.exists(sock));
        net.shutdown(acc);
        assertFalse(Files.exists(sock));
        assertTrue(acc.localAddresses().isEmpty());
    }

    @Test
    void modesSetTheFilePermissions() throws Exception {
        net.listen(unix(sock, new Option("umode", "rw"), new Option("gmode", "4"), new Option("omode", "0")),
                new Connections());
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(sock)));
        Path other = dir.resolve("p.sock");
        net.listen(unix(other, new Option("perm", "600")), new Connections());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(other)));
        Path partial = dir.resolve("g.sock");
        net.listen(unix(partial, new Option("gmode", "r")), new Connections());
        assertEquals("rw-r--rw-", PosixFilePermissions.toString(Files.getPosixFilePermissions(partial)),
                "modes not given default to rw once one is given");
    }

    @Test
    void setAcceptEnabledPausesAndResumes() throws Exception {
        Connections conns = new Connections();
        Accepter acc = net.listen(unix(sock), conns);
        acc.setAcceptEnabled(false);
        OnLoop.run(ctx.loop(), () -> { }); // the change runs on the accepter's loop, in order
        connect(new Recorder());
        assertNull(conns.poll(Duration.ofMillis(300)), "accepted while accepting was disabled");
        acc.setAcceptEnabled(true);
        conns.next();
    }

    @Test
    void connectingToNothingFailsWithTheReason() throws Exception {
        Gensio c = net.connector(unix(dir.resolve("missing.sock")));
        Throwable err = OnLoop.open(c, new Recorder());
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
