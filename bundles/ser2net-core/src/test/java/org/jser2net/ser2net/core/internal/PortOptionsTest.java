package org.jser2net.ser2net.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** Connection options and reconfiguration on real sockets. */
class PortOptionsTest extends PortFixture {

    private static PortSettings settings(int port, String connector) {
        return PortSettings.of("opt", "tcp,127.0.0.1," + port, connector);
    }

    private static PortSettings with(PortSettings s, String banner, String openstr, String closestr, String closeon,
            int timeout, boolean chardelay, boolean noAccToCon) {
        return new PortSettings(s.name(), s.accepter(), s.connector(), s.enabled(), s.maxConnections(),
                s.kickOldUser(), timeout, banner, openstr, closestr, closeon, null, chardelay, s.chardelayScale(),
                s.chardelayMin(), s.chardelayMax(), s.devToNetBufsize(), false, noAccToCon, 1, null, null, 10, null, false);
    }

    private static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    private static boolean refused(int port) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void bannerWithEscapesGoesToEachClientBeforeDeviceData() throws Exception {
        int p = freePort();
        start(with(settings(p, "echo"), "port \\N on \\p from \\I\\r\\n", null, null, null, 0, false, false), p);
        try (Socket a = client(p)) {
            String expected = "port opt on tcp,127.0.0.1," + p + " from ipv4,127.0.0.1," + a.getLocalPort() + "\r\n";
            assertEquals(expected, read(a, expected.length()));
            send(a, "x");
            assertEquals("x", read(a, 1));
        }
    }

    @Test
    void openstrAndClosestrReachTheDevice() throws Exception {
        try (ServerSocket far = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int p = freePort();
            start(with(settings(p, "tcp,127.0.0.1," + far.getLocalPort()), null, "OPEN(\\N)", "CLOSE(\\N)", null, 0,
                    false, false), p);
            Socket a = client(p);
            try (Socket dev = far.accept()) {
                dev.setSoTimeout(10_000);
                assertEquals("OPEN(opt)", new String(dev.getInputStream().readNBytes(9), StandardCharsets.ISO_8859_1));
                send(a, "data");
                assertEquals("data", new String(dev.getInputStream().readNBytes(4), StandardCharsets.ISO_8859_1));
                a.close();
                assertEquals("CLOSE(opt)", readAll(dev.getInputStream()));
            }
        }
    }

    @Test
    void closeonClosesClientsAfterTheMatchIsSent() throws Exception {
        int p = freePort();
        start(with(settings(p, "echo"), null, null, null, "BYE", 0, true, false), p);
        try (Socket a = client(p)) {
            send(a, "hello ");
            assertEquals("hello ", read(a, 6));
            send(a, "then BYE");
            assertEquals("then BYE", readAll(a.getInputStream()));
        }
    }

    @Test
    void chardelayKeepsEveryByteInOrder() throws Exception {
        int p = freePort();
        start(with(settings(p, "echo"), null, null, null, null, 0, true, false), p);
        try (Socket a = client(p)) {
            ByteArrayOutputStream sent = new ByteArrayOutputStream();
            CompletableFuture<String> got = CompletableFuture.supplyAsync(() -> {
                try {
                    return read(a, 20_000 * 7);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            for (int i = 0; i < 20_000; i++) {
                String piece = String.format("%06d,", i);
                sent.write(piece.getBytes(StandardCharsets.ISO_8859_1));
                send(a, piece);
            }
            assertEquals(sent.toString(StandardCharsets.ISO_8859_1), got.get(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void idleClientsAreClosedAfterTheTimeout() throws Exception {
        int p = freePort();
        start(with(settings(p, "echo"), null, null, null, null, 1, false, false), p);
        try (Socket a = client(p)) {
            send(a, "x");
            assertEquals("x", read(a, 1));
            long t0 = System.nanoTime();
            assertEquals(-1, a.getInputStream().read(), "an idle client is closed");
            assertTrue(System.nanoTime() - t0 >= TimeUnit.MILLISECONDS.toNanos(900), "closed before a second passed");
        }
    }

    @Test
    void noAccToConDropsClientInput() throws Exception {
        try (ServerSocket far = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int p = freePort();
            start(with(settings(p, "tcp,127.0.0.1," + far.getLocalPort()), null, null, null, null, 0, false, true), p);
            Socket a = client(p);
            try (Socket dev = far.accept()) {
                send(a, "dropped");
                dev.getOutputStream().write("to client".getBytes(StandardCharsets.ISO_8859_1));
                assertEquals("to client", read(a, 9));
                a.close();
                assertEquals("", readAll(dev.getInputStream()), "client input must not reach the device");
            }
        }
    }

    @Test
    void reconfigureWhileInUseWaitsForTheLastClient() throws Exception {
        int p1 = freePort();
        int p2 = freePort();
        start(settings(p1, "echo"), p1);
        Socket a = client(p1);
        send(a, "1");
        assertEquals("1", read(a, 1));
        loop.execute(() -> port.reconfigure(settings(p2, "echo")));
        waitFor(() -> refused(p1));
        assertTrue(refused(p2), "new settings must wait for the client to leave");
        send(a, "still old");
        assertEquals("still old", read(a, 9));
        a.close();
        waitFor(() -> onLoop(() -> port.state() == PortState.UP && port.settings().accepter().endsWith("," + p2)));
        try (Socket b = client(p2)) {
            send(b, "new");
            assertEquals("new", read(b, 3));
        }
    }

    @Test
    void disablingKicksTheClients() throws Exception {
        int p = freePort();
        start(settings(p, "echo"), p);
        try (Socket a = client(p)) {
            send(a, "1");
            assertEquals("1", read(a, 1));
            loop.execute(() -> port.reconfigure(settings(p, "echo").withEnabled(false)));
            assertEquals(-1, a.getInputStream().read());
        }
        waitFor(() -> onLoop(() -> !port.settings().enabled() && port.state() == PortState.UP));
        try (Socket b = client(p)) {
            assertEquals("Port disabled\r\n", readAll(b.getInputStream()));
        }
    }

    @Test
    void deletedPortServesItsClientUntilItLeaves() throws Exception {
        int p = freePort();
        start(settings(p, "echo"), p);
        Socket a = client(p);
        send(a, "1");
        assertEquals("1", read(a, 1));
        CompletableFuture<Void> gone = new CompletableFuture<>();
        loop.execute(() -> port.retire(e -> gone.complete(null)));
        waitFor(() -> refused(p));
        send(a, "2");
        assertEquals("2", read(a, 1));
        assertTrue(!gone.isDone());
        a.close();
        gone.get(10, TimeUnit.SECONDS);
        assertEquals(PortState.STOPPED, onLoop(port::state));
    }

    @Test
    void aFailedAccepterIsRetried() throws Exception {
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int p = squatter.getLocalPort();
            port = new Port(settings(p, "echo"), registry, loop);
            CompletableFuture<Throwable> started = new CompletableFuture<>();
            loop.execute(() -> port.start(started::complete));
            assertTrue(started.get(5, TimeUnit.SECONDS).getMessage().contains("Address already in use"));
            assertEquals(PortState.FAILED, onLoop(port::state));
            squatter.close();
            waitFor(() -> onLoop(port::state) == PortState.UP);
            try (Socket a = client(p)) {
                send(a, "back");
                assertEquals("back", read(a, 4));
            }
        }
    }

    @Test
    void traceBothWithHexdumpAndTimestamps(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        int p = freePort();
        String file = dir.resolve("trace-\\N.log").toString();
        start(settings(p, "echo").withChardelay(false)
                .withTrace(new TraceSettings(null, null, file, false, false, false, false, true, true)), p);
        try (Socket a = client(p)) {
            send(a, "net->ser");
            assertEquals("net->ser", read(a, 8));
        }
        java.nio.file.Path log = dir.resolve("trace-opt.log");
        waitFor(() -> java.nio.file.Files.exists(log)
                && java.nio.file.Files.readString(log).contains("CLOSE port (All users disconnected)"));
        String[] lines = java.nio.file.Files.readString(log).split("\n");
        String stamp = "\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d ";
        assertTrue(lines[0].matches(stamp + "OPEN \\(ipv4,127\\.0\\.0\\.1,\\d+\\)"), lines[0]);
        assertTrue(lines[1].matches(stamp + "tcp  6e 65 74 2d 3e 73 65 72  \\|net->ser\\|"), lines[1]);
        assertTrue(lines[2].matches(stamp + "term 6e 65 74 2d 3e 73 65 72  \\|net->ser\\|"), lines[2]);
        assertTrue(lines[3].matches(stamp + "CLOSE netcon \\(Remote closed\\)"), lines[3]);
        assertTrue(lines[4].matches(stamp + "CLOSE port \\(All users disconnected\\)"), lines[4]);
        assertEquals(5, lines.length);
    }

    @Test
    void remaddrRefusesOtherAddresses() throws Exception {
        int p = freePort();
        start(settings(p, "echo").withRemaddr(RemoteAddresses.parse("ipv4,127.0.0.2,0")), p);
        try (Socket a = client(p)) {
            assertEquals("Accessed denied due to your net address\r\n", readAll(a.getInputStream()));
        }
        loop.execute(() -> port.reconfigure(settings(p, "echo").withRemaddr(RemoteAddresses.parse("ipv4,127.0.0.1,0"))));
        waitFor(() -> onLoop(() -> port.settings().remaddr().restricted() && port.state() == PortState.UP
                && port.settings().remaddr().allows(new java.net.InetSocketAddress("127.0.0.1", 1))));
        try (Socket a = client(p)) {
            send(a, "in");
            assertEquals("in", read(a, 2));
        }
    }

    @Test
    void connectBackWhenDeviceDataArrives() throws Exception {
        try (ServerSocket far = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ServerSocket back = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int p = freePort();
            PortSettings s = settings(p, "tcp,127.0.0.1," + far.getLocalPort()).withChardelay(false)
                    .withRemaddr(RemoteAddresses.parse(java.util.List.of(),
                            java.util.List.of("tcp,127.0.0.1," + back.getLocalPort())));
            start(new PortSettings(s.name(), s.accepter(), s.connector(), true, 2, false, 0, null, null, null, null,
                    null, false, 20, 1000, 20000, 64, false, false, 1, null, s.remaddr(), 1, null, false), p);
            try (Socket dev = far.accept()) {
                dev.setSoTimeout(10_000);
                dev.getOutputStream().write("wake".getBytes(StandardCharsets.ISO_8859_1));
                try (Socket cb = back.accept()) {
                    cb.setSoTimeout(10_000);
                    assertEquals("wake", new String(cb.getInputStream().readNBytes(4), StandardCharsets.ISO_8859_1));
                    cb.getOutputStream().write("reply".getBytes(StandardCharsets.ISO_8859_1));
                    assertEquals("reply", new String(dev.getInputStream().readNBytes(5), StandardCharsets.ISO_8859_1));
                    try (Socket a = client(p)) {
                        waitFor(() -> onLoop(port::sessionCount) == 2);
                        dev.getOutputStream().write("both".getBytes(StandardCharsets.ISO_8859_1));
                        assertEquals("both", read(a, 4));
                        assertEquals("both", new String(cb.getInputStream().readNBytes(4), StandardCharsets.ISO_8859_1));
                        try (Socket b = client(p)) {
                            assertEquals("Port already in use\r\n", readAll(b.getInputStream()));
                        }
                    }
                }
            }
        }
    }

    @Test
    void oneDeviceOneUserAcrossConnections() throws Exception {
        PortDirectory dir = new PortDirectory();
        int p = freePort();
        start(settings(p, "echo"), p);
        port.directory(dir);
        dir.add(port);
        int q = freePort();
        Port other = new Port(PortSettings.of("other", "tcp,127.0.0.1," + q, "echo"), registry, loop);
        other.directory(dir);
        dir.add(other);
        CompletableFuture<Throwable> started = new CompletableFuture<>();
        loop.execute(() -> other.start(started::complete));
        assertEquals(null, started.get(5, TimeUnit.SECONDS));
        try (Socket a = client(p)) {
            send(a, "mine");
            assertEquals("mine", read(a, 4));
            try (Socket b = client(q)) {
                assertEquals("Port's device already in use\r\n", readAll(b.getInputStream()));
            }
        } finally {
            CompletableFuture<Void> done = new CompletableFuture<>();
            loop.execute(() -> other.stop(e -> done.complete(null)));
            done.get(5, TimeUnit.SECONDS);
        }
    }
}
