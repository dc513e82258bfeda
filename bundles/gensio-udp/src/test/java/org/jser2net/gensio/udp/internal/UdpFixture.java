package org.jser2net.gensio.udp.internal;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.jser2net.gensio.api.Accepter;
import org.jser2net.gensio.api.AccepterHandler;
import org.jser2net.gensio.api.Callback;
import org.jser2net.gensio.api.Defaults;
import org.jser2net.gensio.api.EventLoop;
import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.GensioRegistry;
import org.jser2net.gensio.api.LayerSpec;
import org.jser2net.gensio.api.Option;
import org.jser2net.gensio.api.spi.GensioContext;
import org.jser2net.gensio.core.loop.NioEventLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Shared set-up for the udp tests: a real loop, the provider, and helpers to act on the loop. */
abstract class UdpFixture {

    static final long TIMEOUT_S = 5;

    NioEventLoop loop;
    final UdpTerminalProvider provider = new UdpTerminalProvider();
    final Map<String, String> defaults = new ConcurrentHashMap<>();
    final BlockingQueue<Gensio> accepted = new LinkedBlockingQueue<>();
    final Map<Gensio, Recorder> recorders = new ConcurrentHashMap<>();

    @BeforeEach
    void startLoop() {
        loop = new NioEventLoop("udp-test");
    }

    @AfterEach
    void stopLoop() {
        loop.shutdown(2000);
    }

    GensioContext context() {
        return new GensioContext() {
            @Override
            public EventLoop loop() {
                return loop;
            }

            @Override
            public EventLoop nextLoop() {
                return loop;
            }

            @Override
            public Defaults defaults() {
                return (cls, key) -> Optional.ofNullable(defaults.get(cls + "." + key));
            }

            @Override
            public GensioRegistry registry() {
                return null;
            }
        };
    }

    static LayerSpec udp(List<Option> options, String... args) {
        return new LayerSpec("udp", options, Arrays.asList(args));
    }

    /** Runs {@code task} on the loop and returns its result. */
    <T> T onLoop(Callable<T> task) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                f.complete(task.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(TIMEOUT_S, TimeUnit.SECONDS);
    }

    /** Waits until {@code condition}, evaluated on the loop, holds; fails after the timeout. */
    void await(String what, BooleanSupplier condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
        while (!onLoop(condition::getAsBoolean)) {
            if (System.nanoTime() > end) {
                fail("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    /** Runs an asynchronous operation on the loop and waits for its callback; fails on error. */
    void call(Consumer<Callback> op) throws Exception {
        Throwable error = callForError(op);
        if (error != null) {
            throw new AssertionError("operation failed: " + error, error);
        }
    }

    Throwable callForError(Consumer<Callback> op) throws Exception {
        CompletableFuture<Throwable> f = new CompletableFuture<>();
        loop.execute(() -> op.accept(f::complete));
        return f.get(TIMEOUT_S, TimeUnit.SECONDS);
    }

    /** A started accepter; with {@code enableReads} each connection gets an echoing {@link Recorder}, reads on. */
    UdpAccepter startAccepter(LayerSpec layer, boolean enableReads) throws Exception {
        UdpAccepter acc = (UdpAccepter) provider.accepter(layer, context());
        acc.setHandler(new AccepterHandler() {
            @Override
            public void onConnection(Accepter a, Gensio g) {
                if (enableReads) {
                    Recorder r = new Recorder(true);
                    recorders.put(g, r);
                    g.setHandler(r);
                    g.setReadEnabled(true);
                }
                accepted.add(g);
            }
        });
        call(acc::startup);
        return acc;
    }

    static int port(Accepter acc) {
        return ((InetSocketAddress) acc.localAddresses().get(0)).getPort();
    }

    Gensio nextAccepted() throws InterruptedException {
        Gensio g = accepted.poll(TIMEOUT_S, TimeUnit.SECONDS);
        assertNotNull(g, "no connection was accepted");
        return g;
    }

    UdpConnector openConnector(LayerSpec layer, Recorder recorder) throws Exception {
        UdpConnector c = (UdpConnector) provider.connector(layer, context());
        onLoop(() -> {
            c.setHandler(recorder);
            return null;
        });
        call(c::open);
        onLoop(() -> {
            c.setReadEnabled(true);
            return null;
        });
        assertTrue(onLoop(() -> c.localAddress() != null));
        return c;
    }
}
