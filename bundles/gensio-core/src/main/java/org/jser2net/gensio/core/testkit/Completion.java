package org.jser2net.gensio.core.testkit;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jser2net.gensio.api.Callback;

/** A {@link Callback} a test can wait on: {@code gensio.open(c); c.awaitSuccess();}. */
public final class Completion implements Callback {

    private final CountDownLatch latch = new CountDownLatch(1);
    private volatile Throwable error;

    @Override
    public void done(Throwable error) {
        this.error = error;
        latch.countDown();
    }

    public boolean isDone() {
        return latch.getCount() == 0;
    }

    /** Waits for completion; returns its error (null on success). Fails on timeout. */
    public Throwable await() {
        return await(Recorder.TIMEOUT);
    }

    public Throwable await(Duration timeout) {
        try {
            if (!latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("operation did not complete within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        return error;
    }

    /** Waits for completion and fails if it completed with an error. */
    public void awaitSuccess() {
        Throwable e = await();
        if (e != null) {
            throw new AssertionError("operation failed: " + e, e);
        }
    }
}
