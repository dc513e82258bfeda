package org.jser2net.gensio.core.testkit;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jser2net.gensio.api.EventLoop;

/** Runs test code on a gensio's loop (where every gensio method must be called) and waits. */
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
}
