package org.jser2net.gensio.core.loop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Objects;
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
 *
 * <p>Every turn selects (which also releases channels closed since the last turn) before it runs
 * the tasks queued so far, so a task queued by a task always runs after a select. Once stopped
 * (by {@link #shutdown} or because its selector failed) it refuses new tasks with an
 * {@link IllegalStateException}; tasks queued behind the stop are not run, and their number is logged.
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
    private volatile int droppedTasks;
    private long timerSequence;
    /** Cancelled timers known to be still in the heap; purged when they are more than half. */
    private int cancelledTimers;

    public NioEventLoop(String name) {
        this(name, openSelector(name));
    }

    /** A loop on {@code selector}, which it owns and closes; for tests that make it fail. */
    NioEventLoop(String name, Selector selector) {
        this.selector = selector;
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static Selector openSelector(String name) {
        try {
            return Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector for " + name, e);
        }
    }

    /** {@inheritDoc} Throws {@link IllegalStateException} once the loop has stopped. */
    @Override
    public void execute(Runnable task) {
        Objects.requireNonNull(task, "task");
        if (!running) {
            throw stopped();
        }
        tasks.add(task);
        // The loop may have stopped between the check and the add: take the task back if it is
        // still there; if it is gone, the stopping loop counted it as dropped.
        if (!running && tasks.remove(task)) {
            throw stopped();
        }
        if (!inLoop() && wakeupPending.compareAndSet(false, true)) {
            selector.wakeup();
        }
    }

    private IllegalStateException stopped() {
        return new IllegalStateException("event loop " + thread.getName() + " is stopped");
    }

    @Override
    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    @Override
    public Cancellable schedule(Runnable task, long delay, TimeUnit unit) {
        Timer timer = new Timer(Objects.requireNonNull(task, "task"), System.nanoTime() + unit.toNanos(delay));
        if (inLoop()) {
            addTimer(timer);
        } else {
            execute(() -> addTimer(timer));
        }
        return timer;
    }

    private void addTimer(Timer timer) {
        if (timer.task == null) {
            return; // cancelled before it got here
        }
        timer.sequence = timerSequence++;
        timer.queued = true;
        timers.add(timer);
    }

    /** A queued timer was cancelled; on the loop. */
    private void timerCancelled(Timer timer) {
        if (!timer.queued || timer.counted) {
            return;
        }
        timer.counted = true;
        cancelledTimers++;
        if (cancelledTimers > timers.size() / 2) {
            timers.removeIf(t -> {
                if (t.task == null) {
                    t.queued = false;
                    return true;
                }
                return false;
            });
            cancelledTimers = 0;
        }
    }

    /** The timers in the heap, cancelled ones included; on the loop, for tests. */
    int timerCount() {
        return timers.size();
    }

    /** How many queued tasks were dropped when the loop stopped. */
    int droppedTasks() {
        return droppedTasks;
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
        } catch (IOException | RuntimeException e) {
            LOG.error("event loop {} failed and stops; its gensios no longer run", thread.getName(), e);
        } finally {
            running = false;
            try {
                selector.close();
            } catch (IOException e) {
                LOG.debug("closing selector", e);
            }
            int dropped = 0;
            while (tasks.poll() != null) {
                dropped++;
            }
            droppedTasks = dropped;
            if (dropped > 0) {
                LOG.warn("event loop {} stopped with {} queued task(s) that will not run", thread.getName(), dropped);
            }
            timers.clear();
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

    /**
     * Runs the tasks queued so far, up to a stop; tasks they queue wait for the next turn, after
     * the selector.
     */
    private void runTasks() {
        Runnable task;
        for (int n = tasks.size(); n > 0 && running && (task = tasks.poll()) != null; n--) {
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
            Runnable task = t.task;
            if (task != null && t.deadline - now > 0) {
                return TimeUnit.NANOSECONDS.toMillis(t.deadline - now + 999_999);
            }
            timers.poll();
            t.queued = false;
            if (t.counted) {
                cancelledTimers--;
            }
            if (task == null) {
                continue;
            }
            t.task = null;
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.error("timer failed on {}", thread.getName(), e);
            }
        }
        return -1;
    }

    /**
     * Stops the loop after the tasks queued so far; waits up to {@code timeoutMs} for the thread
     * (not at all when called on the loop).
     */
    public void shutdown(long timeoutMs) {
        if (running) {
            try {
                execute(() -> running = false);
            } catch (IllegalStateException e) {
                // stopped meanwhile
            }
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

    /** A scheduled task; cancelling drops the task at once, so the heap never holds its closure. */
    private final class Timer implements Cancellable, Comparable<Timer> {
        /** Null once cancelled or run. */
        volatile Runnable task;
        final long deadline;
        long sequence;
        /** In the heap; loop-confined, as is {@code counted} (in {@link #cancelledTimers}). */
        boolean queued;
        boolean counted;

        Timer(Runnable task, long deadline) {
            this.task = task;
            this.deadline = deadline;
        }

        @Override
        public void cancel() {
            if (task == null) {
                return;
            }
            task = null;
            if (inLoop()) {
                timerCancelled(this);
            } else if (running) {
                try {
                    execute(() -> timerCancelled(this));
                } catch (IllegalStateException e) {
                    // the loop stopped: its timers are gone anyway
                }
            }
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
