package org.jser2net.gensio.serialdev.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The shared device threads: a worker runs its tasks one at a time, in order, under its name. */
@Timeout(30)
class DeviceThreadsTest {

    @Test
    void aWorkerRunsItsTasksInOrderOneAtATime() throws Exception {
        DeviceThreads.Worker worker = new DeviceThreads.Worker("test worker");
        List<Integer> order = new ArrayList<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(200);
        for (int i = 0; i < 200; i++) {
            int n = i;
            worker.execute(() -> {
                if (running.incrementAndGet() > 1) {
                    overlaps.incrementAndGet();
                }
                synchronized (order) {
                    order.add(n);
                }
                if (n % 50 == 0) {
                    Thread.onSpinWait();
                }
                running.decrementAndGet();
                done.countDown();
            });
            if (i % 37 == 0) {
                Thread.sleep(2); // let the worker run dry, so it must start again
            }
        }
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertEquals(0, overlaps.get());
        synchronized (order) {
            for (int i = 0; i < 200; i++) {
                assertEquals(i, order.get(i));
            }
        }
    }

    @Test
    void tasksRunUnderTheWorkersNameAndAFailureDoesNotStopTheRest() throws Exception {
        DeviceThreads.Worker worker = new DeviceThreads.Worker("serialdev /dev/ttyTEST worker");
        String[] name = new String[1];
        CountDownLatch done = new CountDownLatch(1);
        worker.execute(() -> {
            throw new IllegalStateException("expected by the test");
        });
        worker.execute(() -> {
            name[0] = Thread.currentThread().getName();
            done.countDown();
        });
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertEquals("serialdev /dev/ttyTEST worker", name[0]);
    }

    @Test
    void afterShutdownQueuedTasksStillRunButNewOnesAreRefused() throws Exception {
        DeviceThreads.Worker worker = new DeviceThreads.Worker("test worker");
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch ran = new CountDownLatch(2);
        worker.execute(() -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ran.countDown();
        });
        worker.execute(ran::countDown);
        worker.shutdown();
        assertThrows(RejectedExecutionException.class, () -> worker.execute(() -> { }));
        release.countDown();
        assertTrue(ran.await(10, TimeUnit.SECONDS));
    }
}
