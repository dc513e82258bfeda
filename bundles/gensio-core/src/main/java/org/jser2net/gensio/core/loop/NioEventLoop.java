package org.jser2net.gensio.core.loop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jser2net.gensio.api.Cancellable;
import org.jser2net.gensio.api.EventLoop;
import org.jser2net.gensio.api.IoHandler;
import org.jser2net.gensio.api.IoRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link EventLoop} on one daemon thread: a selector for channel readiness, a queue of tasks from
 * any thread, and a timer heap kept on the loop thread.
 */
public final class NioEventLoop implements EventLoop, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NioEventLoop.class);

    private final Selector selector;
    private final Thread thread;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private volatile boolean running = true;
    private long timerSequence;

    public NioEventLoop(String name) {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector for " + name, e);
        }
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void execute(Runnable task) {
        if (!running) {
            throw new IllegalStateException(thread.getName() + " is stopped");
        }
        tasks.add(task);
        if (!inLoop() && wakeupPending.compareAndSet(false, true)) {
            selector.wakeup();
        }
    }

    @Override
    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    @Override
    public Cancellable schedule(Runnable task, long delay, TimeUnit unit) {
        Timer timer = new Timer(task, System.nanoTime() + unit.toNanos(delay));
        if (inLoop()) {
            addTimer(timer);
        } else {
            execute(() -> addTimer(timer));
        }
        return timer;
    }

    private void addTimer(Timer timer) {
        timer.sequence = timerSequence++;
        timers.add(timer);
    }

    @Override
    public IoRegistration register(SelectableChannel channel, int interestOps, IoHandler handler)
            throws IOException {
        if (!inLoop()) {
            throw new IllegalStateException("register must be called on " + thread.getName());
        }
        channel.configureBlocking(false);
        SelectionKey key = channel.register(selector, interestOps, handler);
        return new KeyRegistration(key);
    }

    private void run() {
        try {
            while (running) {
                long timeoutMs = runTimers();
                if (!tasks.isEmpty()) {
                    selector.selectNow();
                } else if (timeoutMs < 0) {
                    selector.select();
                } else {
                    selector.select(Math.max(1, timeoutMs));
                }
                wakeupPending.set(false);
                for (SelectionKey key : selector.selectedKeys()) {
                    dispatch(key);
                }
                selector.selectedKeys().clear();
                runTasks();
            }
        } catch (IOException | ClosedSelectorException e) {
            LOG.error("event loop {} failed", thread.getName(), e);
        } finally {
            try {
                selector.close();
            } catch (IOException e) {
                LOG.debug("closing selector", e);
            }
            terminated.countDown();
        }
    }

    private void dispatch(SelectionKey key) {
        try {
            if (key.isValid()) {
                ((IoHandler) key.attachment()).onReady(key.readyOps());
            }
        } catch (CancelledKeyException e) {
            // cancelled by the handler while dispatching: nothing more to do
        } catch (RuntimeException | Error e) {
            LOG.error("I/O handler failed on {}", thread.getName(), e);
        }
    }

    /** Runs the tasks queued so far; tasks they queue wait for the next turn, after the selector. */
    private void runTasks() {
        Runnable task;
        for (int n = tasks.size(); n > 0 && (task = tasks.poll()) != null; n--) {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.error("task failed on {}", thread.getName(), e);
            }
        }
    }

    /** Runs the due timers; returns ms until the next one, or -1 when none is pending. */
    private long runTimers() {
        long now = System.nanoTime();
        Timer t;
        while ((t = timers.peek()) != null) {
            if (t.cancelled) {
                timers.poll();
                continue;
            }
            if (t.deadline - now > 0) {
                return TimeUnit.NANOSECONDS.toMillis(t.deadline - now + 999_999);
            }
            timers.poll();
            try {
                t.task.run();
            } catch (RuntimeException | Error e) {
                LOG.error("timer failed on {}", thread.getName(), e);
            }
        }
        return -1;
    }

    /** Stops the loop after the tasks queued so far; waits up to {@code timeoutMs} for the thread. */
    public void shutdown(long timeoutMs) {
        if (running) {
            execute(() -> running = false);
        }
        if (!inLoop()) {
            try {
                terminated.await(timeoutMs, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        shutdown(2000);
    }

    public String name() {
        return thread.getName();
    }

    @Override
    public String toString() {
        return "NioEventLoop[" + thread.getName() + "]";
    }

    private static final class Timer implements Cancellable, Comparable<Timer> {
        final Runnable task;
        final long deadline;
        long sequence;
        volatile boolean cancelled;

        Timer(Runnable task, long deadline) {
            this.task = task;
            this.deadline = deadline;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public int compareTo(Timer o) {
            int c = Long.compare(deadline - o.deadline, 0);
            return c != 0 ? c : Long.compare(sequence, o.sequence);
        }
    }

    private static final class KeyRegistration implements IoRegistration {
        private final SelectionKey key;
        private int ops;

        KeyRegistration(SelectionKey key) {
            this.key = key;
            this.ops = key.interestOps();
        }

        @Override
        public void interest(int newOps) {
            if (newOps != ops && key.isValid()) {
                ops = newOps;
                key.interestOps(newOps);
            }
        }

        @Override
        public int interest() {
            return ops;
        }

        @Override
        public void cancel() {
            key.cancel();
        }
    }
}
