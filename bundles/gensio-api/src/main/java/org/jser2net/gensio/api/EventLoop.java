package org.jser2net.gensio.api;

import java.io.IOException;
import java.nio.channels.SelectableChannel;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * One thread that owns non-blocking I/O and timers for the gensios assigned to it. Tasks and I/O
 * callbacks run one at a time, in order, on that thread, and must never block.
 */
public interface EventLoop extends Executor {

    /** Runs {@code task} on the loop, after the tasks already queued; never runs it inline. */
    @Override
    void execute(Runnable task);

    /** True when called on this loop's thread. */
    boolean inLoop();

    /** Runs {@code task} once after {@code delay}; the returned handle cancels it. */
    Cancellable schedule(Runnable task, long delay, TimeUnit unit);

    /**
     * Registers a non-blocking channel with this loop's selector. The handler gets
     * {@link IoHandler#onReady} with the ready operations for the interest set in force. Must be
     * called on the loop.
     */
    IoRegistration register(SelectableChannel channel, int interestOps, IoHandler handler)
            throws IOException;
}
