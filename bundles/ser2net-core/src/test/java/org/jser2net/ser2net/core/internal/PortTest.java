package org.jser2net.ser2net.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.jser2net.gensio.api.EventLoop;
import org.jser2net.gensio.core.testkit.TestRegistry;
import org.jser2net.gensio.echo.internal.EchoProvider;
import org.jser2net.gensio.tcp.internal.TcpTerminalProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A port on real sockets: admission rules, refusal messages, fan-out, flow control, hot swap. */
class PortTest extends PortFixture {

    @Test
    void echoesAndRefusesASecondClientWithSer2netsMessage() throws Exception {
        int p = start("echo", true, 1, false);
        try (Socket a = client(p)) {
            send(a, "hello");
            assertEquals("hello", read(a, 5));
            try (Socket b = client(p)) {
                assertEquals("Port already in use\r\n", new String(b.getInputStream().readAllBytes(),
                        StandardCharsets.ISO_8859_1));
            }
            send(a, "still");
            assertEquals("still", read(a, 5));
        }
    }

    @Test
    void disabledPortSaysSo() throws Exception {
        int p = start("echo", false, 1, false);
        try (Socket a = client(p)) {
            assertEquals("Port disabled\r\n", new String(a.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void deviceOutputGoesToEveryClient() throws Exception {
        int p = start("echo", true, 2, false);
        try (Socket a = client(p); Socket b = client(p)) {
            waitFor(() -> onLoop(port::sessionCount) == 2);
            send(a, "from-a");
            assertEquals("from-a", read(a, 6));
            assertEquals("from-a", read(b, 6));
            send(b, "from-b");
            assertEquals("from-b", read(a, 6));
            assertEquals("from-b", read(b, 6));
        }
    }

    @Test
    void kickOldUserReplacesTheFirstClient() throws Exception {
        int p = start("echo", true, 1, true);
        try (Socket a = client(p)) {
            send(a, "a");
            assertEquals("a", read(a, 1));
            try (Socket b = client(p)) {
                assertEquals(-1, a.getInputStream().read(), "the old user is closed without a message");
                send(b, "b");
                assertEquals("b", read(b, 1));
            }
        }
    }

    @Test
    void deviceOpenFailureIsReportedToTheClient() throws Exception {
        int p = start("tcp,127.0.0.1," + freePort(), true, 1, false);
        try (Socket a = client(p)) {
            String msg = new String(a.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(msg.startsWith("Device open failure: ") && msg.endsWith("\r\n"), msg);
            assertTrue(msg.contains("Connection refused"), msg);
        }
    }

    @Test
    void aClientThatDoesNotReadStallsTheDeviceWithoutLosingBytes() throws Exception {
        try (ServerSocket far = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int p = start("tcp,127.0.0.1," + far.getLocalPort(), true, 1, false);
            try (Socket a = client(p); Socket dev = far.accept()) {
                OutputStream out = dev.getOutputStream();
                byte[] chunk = new byte[8192];
                CompletableFuture<Long> written = CompletableFuture.supplyAsync(() -> {
                    long n = 0;
                    try {
                        for (int i = 0; i < 8192; i++) {
                            Arrays.fill(chunk, (byte) i);
                            out.write(chunk);
                            n += chunk.length;
                        }
                    } catch (IOException e) {
                        return -n;
                    }
                    return n;
                });
                // the client reads nothing: the device side must block well before 64 MiB
                try {
                    written.get(3, TimeUnit.SECONDS);
                    throw new AssertionError("64 MiB went through to a client that reads nothing");
                } catch (java.util.concurrent.TimeoutException expected) {
                    // blocked by flow control
                }
                InputStream in = a.getInputStream();
                byte[] got = new byte[8192];
                for (int i = 0; i < 8192; i++) {
                    int off = 0;
                    while (off < got.length) {
                        int n = in.read(got, off, got.length - off);
                        assertTrue(n > 0, "stream ended early");
                        off += n;
                    }
                    for (byte b : got) {
                        if (b != (byte) i) {
                            throw new AssertionError("wrong byte in chunk " + i);
                        }
                    }
                }
                assertEquals(8192L * 8192, written.get(10, TimeUnit.SECONDS));
            }
        }
    }

    @Test
    void waitsForAMissingTypeAndComesUpWhenItArrives() throws Exception {
        registry.removeTerminal("tcp", tcp);
        int p = freePort();
        PortSettings s = PortSettings.of("w", "tcp,127.0.0.1," + p, "echo");
        port = new Port(s, registry, loop);
        registry.watchTypes(new org.jser2net.gensio.api.GensioRegistry.TypeListener() {
            @Override
            public void typeAdded(String type) {
                loop.execute(() -> port.typeAdded(type));
            }

            @Override
            public void typeRemoved(String type) {
                loop.execute(() -> port.typeRemoved(type));
            }
        });
        CompletableFuture<Throwable> started = new CompletableFuture<>();
        loop.execute(() -> port.start(started::complete));
        assertEquals(null, started.get(5, TimeUnit.SECONDS));
        assertEquals(PortState.WAITING, onLoop(port::state));
        assertEquals("waiting for gensio type tcp", onLoop(port::problem));

        registry.terminal("tcp", tcp);
        waitFor(() -> onLoop(port::state) == PortState.UP);
        try (Socket a = client(p)) {
            send(a, "up");
            assertEquals("up", read(a, 2));
            registry.removeTerminal("tcp", tcp);
            waitFor(() -> onLoop(port::state) == PortState.WAITING);
            assertEquals(-1, a.getInputStream().read(), "clients of a port whose type left are closed");
        }
    }
}
