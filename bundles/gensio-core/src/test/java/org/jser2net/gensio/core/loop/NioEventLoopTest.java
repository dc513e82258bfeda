package org.jser2net.gensio.core.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jser2net.gensio.api.Cancellable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NioEventLoopTest {

    private final NioEventLoop loop = new NioEventLoop("loop-test");

    @AfterEach
    void stop() {
        loop.close();
    }

    @Test
    void aTaskThatKeepsRequeueingItselfDoesNotStarveTimers() throws Exception {
        CountDownLatch fired = new CountDownLatch(1);
        Runnable[] spinner = new Runnable[1];
        spinner[0] = () -> {
            if (fired.getCount() > 0) {
                loop.execute(spinner[0]);
            }
        };
        loop.execute(spinner[0]);
        loop.schedule(fired::countDown, 5, TimeUnit.MILLISECONDS);
        assertTrue(fired.await(10, TimeUnit.SECONDS), "the timer ran while the task kept requeueing");
    }

    @Test
    void tasksRunInOrderOnTheLoopThread() throws Exception {
        List<Integer> order = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        for (int i = 0; i < 100; i++) {
            int n = i;
            loop.execute(() -> {
                assertTrue(loop.inLoop());
                order.add(n);
            });
        }
        loop.execute(done::countDown);
        assertTrue(done.await(10, TimeUnit.SECONDS));
        for (int i = 0; i < 100; i++) {
            assertEquals(i, order.get(i));
        }
    }

    @Test
    void cancelledTimersDoNotRun() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        CountDownLatch later = new CountDownLatch(1);
        Cancellable c = loop.schedule(ran::countDown, 20, TimeUnit.MILLISECONDS);
        c.cancel();
        loop.schedule(later::countDown, 40, TimeUnit.MILLISECONDS);
        assertTrue(later.await(10, TimeUnit.SECONDS));
        assertEquals(1, ran.getCount());
    }
}
