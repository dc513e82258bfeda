package org.jser2net.gensio.serialdev.internal;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads that block in serial devices (readers, writers, workers), shared by all sessions: a
 * device opened again, or another one, reuses an idle thread instead of starting new ones. Idle
 * threads end after a while. Each task runs under its own thread name, e.g.
 * {@code serialdev /dev/ttyUSB0 reader}.
 */
final class DeviceThreads {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceThreads.class);
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final ThreadPoolExecutor POOL = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 20,
            TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "serialdev idle " + COUNT.incrementAndGet());
                t.setDaemon(true);
                return t;
            });

    private DeviceThreads() {
    }

    /** Runs {@code task} on a thread of its own, named {@code name} while it runs. */
    static void start(String name, Runnable task) {
        POOL.execute(() -> named(name, task));
    }

    private static void named(String name, Runnable task) {
        Thread t = Thread.currentThread();
        String idle = t.getName();
        t.setName(name);
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            LOG.error("{} failed", name, e);
        } finally {
            t.setName(idle);
        }
    }

    /**
     * A session's worker: runs its tasks one at a time, in order, on a shared thread. After
     * {@link #shutdown} it refuses new tasks; those already queued still run.
     */
    static final class Worker implements Executor {
        private final String name;
        private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
        private boolean running;
        private boolean shutdown;

        Worker(String name) {
            this.name = name;
        }

        @Override
        public synchronized void execute(Runnable task) {
            if (shutdown) {
                throw new RejectedExecutionException(name + " is shut down");
            }
            queue.add(task);
            if (!running) {
                running = true;
                try {
                    start(name, this::drain);
                } catch (RuntimeException | Error e) {
                    running = false;
                    queue.remove(task);
                    throw e;
                }
            }
        }

        synchronized void shutdown() {
            shutdown = true;
        }

        private void drain() {
            while (true) {
                Runnable task;
                synchronized (this) {
                    task = queue.poll();
                    if (task == null) {
                        running = false;
                        return;
                    }
                }
                try {
                    task.run();
                } catch (RuntimeException | Error e) {
                    LOG.error("{}: task failed", name, e);
                }
            }
        }
    }
}
