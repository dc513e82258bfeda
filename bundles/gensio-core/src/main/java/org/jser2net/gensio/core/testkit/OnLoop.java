package org.jser2net.gensio.core.testkit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.jser2net.gensio.api.Callback;
import org.jser2net.gensio.api.EventLoop;
import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.GensioHandler;

/**
 * Runs test code on a gensio's loop (where every gensio method must be called) and waits. Waits
 * fail with an {@link AssertionError} after {@link Recorder#TIMEOUT}.
 */
public final class OnLoop {

    /** Code that may throw. */
    @FunctionalInterface
    public interface Task {
        void run() throws Exception;
    }

    private OnLoop() {
    }

    /** Runs {@code task} on {@code loop} and returns its result, rethrowing what it threw. */
    public static <T> T call(EventLoop loop, Callable<T> task) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                result.complete(task.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get(Recorder.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception) {
                throw (Exception) cause;
            }
            throw (Error) cause;
        } catch (TimeoutException e) {
            throw new AssertionError("the loop did not run the task within " + Recorder.TIMEOUT, e);
        }
    }

    /** Runs {@code task} on {@code loop} and waits for it. */
    public static void run(EventLoop loop, Task task) throws Exception {
        call(loop, () -> {
            task.run();
            return null;
        });
    }

    /**
     * Starts an asynchronous operation on {@code loop} ({@code g::close}, {@code acc::shutdown}) and
     * waits for its callback; returns the error it reported, or null.
     */
    public static Throwable await(EventLoop loop, Consumer<Callback> operation) {
        Completion done = new Completion();
        loop.execute(() -> operation.accept(done));
        return done.await();
    }

    /** As {@link #await}, failing if the operation reports an error. */
    public static void awaitSuccess(EventLoop loop, Consumer<Callback> operation) {
        Throwable error = await(loop, operation);
        if (error != null) {
            throw new AssertionError("operation failed: " + error, error);
        }
    }

    /** Gives {@code gensio} its handler and opens it; returns the open error, or null. */
    public static Throwable open(Gensio gensio, GensioHandler handler) {
        return await(gensio.loop(), done -> {
            gensio.setHandler(handler);
            gensio.open(done);
        });
    }

    /** Closes {@code gensio} and waits; fails if the close reports an error. */
    public static void close(Gensio gensio) {
        awaitSuccess(gensio.loop(), gensio::close);
    }

    /** Writes a short text that must be taken whole by one {@code write} (it fits the buffers). */
    public static void writeAll(Gensio gensio, String text) throws Exception {
        ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
        int n = call(gensio.loop(), () -> gensio.write(buf));
        if (n != text.length()) {
            throw new AssertionError("a short write must be taken whole: took " + n + " of " + text.length());
        }
    }

    /** Waits until {@code condition}, evaluated on {@code loop}, holds; fails naming {@code what}. */
    public static void waitFor(EventLoop loop, String what, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + Recorder.TIMEOUT.toNanos();
        while (!call(loop, condition::getAsBoolean)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + Recorder.TIMEOUT + " waiting for " + what);
            }
            Thread.sleep(1);
        }
    }
}
