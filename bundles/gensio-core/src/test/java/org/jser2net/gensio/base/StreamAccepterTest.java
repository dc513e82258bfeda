package org.jser2net.gensio.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.jser2net.gensio.api.Accepter;
import org.jser2net.gensio.api.Defaults;
import org.jser2net.gensio.api.EventLoop;
import org.jser2net.gensio.api.GensioRegistry;
import org.jser2net.gensio.api.spi.GensioContext;
import org.jser2net.gensio.core.loop.NioEventLoop;
import org.jser2net.gensio.core.testkit.Completion;
import org.jser2net.gensio.core.testkit.Connections;
import org.jser2net.gensio.core.testkit.OnLoop;
import org.jser2net.gensio.core.testkit.TestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Listener release at shutdown, and what happens to connections that cannot be handed over. */
class StreamAccepterTest {

    private final TestContext context = new TestContext(2, "stream-accepter-test");
    private final Connections connections = new Connections();
    private final List<Accepter> started = new ArrayList<>();

    @AfterEach
    void stop() {
        try {
            for (Accepter a : started) {
                a.shutdown(new Completion());
            }
        } finally {
            context.close();
        }
    }

    private LoopbackAccepter start(GensioContext ctx, int port, LoopbackAccepter.Admission admission) {
        LoopbackAccepter acc = new LoopbackAccepter(ctx, port, admission);
        acc.setHandler(connections);
        Completion up = new Completion();
        acc.startup(up);
        up.awaitSuccess();
        started.add(acc);
        return acc;
    }

    private LoopbackAccepter start(int port) {
        return start(context, port, c -> "peer");
    }

    @Test
    void thePortIsFreeWhenShutdownCompletes() throws Exception {
        LoopbackAccepter first = start(0);
        int port = first.port();
        LoopbackAccepter second = new LoopbackAccepter(context, port, c -> "peer");
        second.setHandler(connections);
        AtomicReference<IOException> bindInCallback = new AtomicReference<>();
        Completion secondUp = new Completion();
        Completion down = new Completion();
        first.shutdown(e -> {
            try (ServerSocketChannel plain = ServerSocketChannel.open()) {
                plain.bind(LoopbackAccepter.address(port));
            } catch (IOException ex) {
                bindInCallback.set(ex);
            }
            second.startup(secondUp);
            down.done(e);
        });
        down.awaitSuccess();
        assertNull(bindInCallback.get(), "a bind inside the shutdown callback must succeed");
        secondUp.awaitSuccess();
        started.add(second);
        assertEquals(port, second.port());
        try (Socket s = new Socket(LoopbackAccepter.address(port).getAddress(), port)) {
            assertEquals("peer", connections.next().remoteAddress(), "the new accepter takes connections");
        }
    }

    @Test
    void shutdownAndStartupOnTheSamePortInOneLoopTask() throws Exception {
        LoopbackAccepter first = start(0);
        int port = first.port();
        LoopbackAccepter second = new LoopbackAccepter(context, port, c -> "peer");
        second.setHandler(connections);
        Completion down = new Completion();
        Completion up = new Completion();
        OnLoop.run(context.loop(), () -> {
            first.shutdown(down);
            second.startup(up);
        });
        down.awaitSuccess();
        up.awaitSuccess();
        started.add(second);
        assertEquals(port, second.port());
    }

    @Test
    void aConnectionWhoseAdmissionThrowsIsClosedAndReported() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        LoopbackAccepter acc = start(context, 0, c -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("admission broke");
            }
            return "peer";
        });
        try (Socket s = new Socket(LoopbackAccepter.address(0).getAddress(), acc.port())) {
            s.setSoTimeout(10_000);
            Throwable error = connections.nextError();
            assertTrue(error.getMessage().contains("admission broke"), error.getMessage());
            assertEquals(-1, s.getInputStream().read(), "the server side was closed");
        }
        try (Socket s = new Socket(LoopbackAccepter.address(0).getAddress(), acc.port())) {
            assertEquals("peer", connections.next().remoteAddress(), "the accepter keeps listening");
        }
    }

    @Test
    void aConnectionForALoopThatHasStoppedIsClosedAndReported() throws Exception {
        NioEventLoop stopped = new NioEventLoop("stopped-loop");
        stopped.shutdown(10_000);
        GensioContext ctx = new GensioContext() {
            @Override
            public EventLoop loop() {
                return context.loop();
            }

            @Override
            public EventLoop nextLoop() {
                return stopped;
            }

            @Override
            public Defaults defaults() {
                return (cls, key) -> Optional.empty();
            }

            @Override
            public GensioRegistry registry() {
                return null;
            }
        };
        LoopbackAccepter acc = start(ctx, 0, c -> "peer");
        try (Socket s = new Socket(LoopbackAccepter.address(0).getAddress(), acc.port())) {
            s.setSoTimeout(10_000);
            Throwable error = connections.nextError();
            assertTrue(error.getMessage().contains("stopped"), error.getMessage());
            assertEquals(-1, s.getInputStream().read(), "the server side was closed");
        }
    }
}
