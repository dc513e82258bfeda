package org.jser2net.ser2net.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.annotation.Annotation;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jser2net.gensio.api.EventLoop;
import org.jser2net.gensio.echo.internal.DummyProvider;
import org.junit.jupiter.api.Test;

/** A rotator hands clients to the first free connection, round robin, and says when none is free. */
class RotatorTest extends PortFixture {

    private Port member(PortDirectory dir, String name, EventLoop on) throws Exception {
        Port p = new Port(PortSettings.of(name, "dummy", "echo"), registry, on);
        dir.add(p);
        CompletableFuture<Throwable> started = new CompletableFuture<>();
        on.execute(() -> p.start(started::complete));
        assertEquals(null, started.get(5, TimeUnit.SECONDS));
        return p;
    }

    private static RotatorConfiguration config(String name, String accepter, String... connections) {
        return new RotatorConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return RotatorConfiguration.class;
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public String accepter() {
                return accepter;
            }

            @Override
            public String[] connections() {
                return connections;
            }

            @Override
            public int accepter$_$retry$_$time() {
                return 1;
            }
        };
    }

    private static String echo(Socket s, String text) throws Exception {
        send(s, text);
        return read(s, text.length());
    }

    @Test
    void firstFreeConnectionRoundRobinThenNoFreePort() throws Exception {
        registry.terminal("dummy", new DummyProvider());
        PortDirectory dir = new PortDirectory();
        EventLoop on = registry.loopFor("rot");
        Port a = member(dir, "a", on);
        Port b = member(dir, "b", on);
        int p = freePort();
        RotatorComponent rot = new RotatorComponent(registry, dir, config("rot", "tcp,127.0.0.1," + p, "a", "b"));
        try {
            Socket c1 = Net.connect(p);
            assertEquals("one", echo(c1, "one"));
            waitFor(() -> onLoop(a::sessionCount) == 1);
            try (Socket c2 = Net.connect(p)) {
                assertEquals("two", echo(c2, "two"));
                waitFor(() -> onLoop(b::sessionCount) == 1);
                try (Socket c3 = Net.connect(p)) {
                    assertEquals("No free port found\r\n",
                            new String(c3.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1));
                }
                c1.close();
                waitFor(() -> onLoop(a::sessionCount) == 0);
                try (Socket c4 = Net.connect(p)) {
                    assertEquals("four", echo(c4, "four"));
                    waitFor(() -> onLoop(a::sessionCount) == 1);
                }
            }
        } finally {
            rot.deactivate();
            for (Port port : new Port[] {a, b}) {
                CompletableFuture<Void> done = new CompletableFuture<>();
                on.execute(() -> port.stop(e -> done.complete(null)));
                done.get(5, TimeUnit.SECONDS);
            }
        }
    }

    /** Connects to a rotator port, retrying while it is not listening yet. */
    private static final class Net {
        static Socket connect(int port) throws Exception {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (true) {
                try {
                    return client(port);
                } catch (java.net.ConnectException e) {
                    if (System.nanoTime() > end) {
                        throw e;
                    }
                    Thread.sleep(20);
                }
            }
        }
    }
}
