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

/** A port on real sockets with tcp and echo providers, and helpers to drive it. */
abstract class PortFixture {

    final TestRegistry registry = new TestRegistry(1);
    final TcpTerminalProvider tcp = new TcpTerminalProvider();
    final EventLoop loop;
    Port port;

    PortFixture() {
        registry.terminal("tcp", tcp).terminal("echo", new EchoProvider());
        loop = registry.nextLoop();
    }

    @AfterEach
    void stop() throws Exception {
        if (port != null) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            loop.execute(() -> port.stop(e -> done.complete(null)));
            done.get(5, TimeUnit.SECONDS);
        }
        registry.close();
    }

    int start(String connector, boolean enabled, int max, boolean kick) throws Exception {
        int p = freePort();
        PortSettings s = new PortSettings("p", "tcp,127.0.0.1," + p, connector, enabled, max, kick, 0, null, null,
                null, null, null, false, 20, 1000, 20000, 64, false, false, 10, null, null, 10, null, false);
        return start(s, p);
    }

    int start(PortSettings s, int p) throws Exception {
        port = new Port(s, registry, loop);
        CompletableFuture<Throwable> started = new CompletableFuture<>();
        loop.execute(() -> port.start(started::complete));
        assertEquals(null, started.get(5, TimeUnit.SECONDS));
        return p;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static Socket client(int port) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        s.setSoTimeout(10_000);
        return s;
    }

    static String read(Socket s, int n) throws IOException {
        return new String(s.getInputStream().readNBytes(n), StandardCharsets.ISO_8859_1);
    }

    static void send(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    <T> T onLoop(Supplier<T> what) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        loop.execute(() -> f.complete(what.get()));
        return f.get(5, TimeUnit.SECONDS);
    }

    static void waitFor(Check c) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!c.ok()) {
            if (System.nanoTime() > end) {
                throw new SocketTimeoutException("condition not reached");
            }
            Thread.sleep(20);
        }
    }

    @FunctionalInterface
    interface Check {
        boolean ok() throws Exception;
    }
}
