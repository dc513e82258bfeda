package org.jser2net.gensio.tcp.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jser2net.gensio.api.Callback;
import org.jser2net.gensio.api.Defaults;
import org.jser2net.gensio.api.EventLoop;
import org.jser2net.gensio.api.GensioRegistry;
import org.jser2net.gensio.api.spi.GensioContext;
import org.jser2net.gensio.core.loop.EventLoopGroup;

/** A context over two real event loops, with helpers to run code on a loop and wait for it. */
final class TestContext implements GensioContext, AutoCloseable {

    static final long TIMEOUT_S = 10;

    private final EventLoopGroup group = new EventLoopGroup(2, "tcp-test");
    private final EventLoop loop = group.next();
    private final Map<String, String> defaults;

    TestContext() {
        this(Map.of());
    }

    /** {@code defaults} maps {@code class.key} (e.g. {@code tcp.readbuf}) to a value. */
    TestContext(Map<String, String> defaults) {
        this.defaults = defaults;
    }

    @Override
    public EventLoop loop() {
        return loop;
    }

    @Override
    public EventLoop nextLoop() {
        return group.next();
    }

    @Override
    public Defaults defaults() {
        return (cls, key) -> Optional.ofNullable(defaults.get(cls + "." + key));
    }

    @Override
    public GensioRegistry registry() {
        return null;
    }

    @Override
    public void close() {
        group.close();
    }

    /** Runs {@code task} on {@code loop} and returns its result. */
    static <T> T call(EventLoop loop, Callable<T> task) throws Exception {
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

    /** Runs {@code task} on {@code loop} and waits until it ran. */
    static void run(EventLoop loop, Runnable task) throws Exception {
        call(loop, () -> {
            task.run();
            return null;
        });
    }

    /** Waits for a callback: null on success, the error otherwise. */
    static Throwable await(CompletableFuture<Throwable> done) throws Exception {
        return done.get(TIMEOUT_S, TimeUnit.SECONDS);
    }

    /** A callback that completes the returned future with its error (or null). */
    static Callback callback(CompletableFuture<Throwable> f) {
        return error -> f.complete(error);
    }
}
