package org.jser2net.gensio.core.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.Selector;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jser2net.gensio.api.Cancellable;
import org.jser2net.gensio.core.testkit.OnLoop;
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

    @Test
    void cancelledTimersDoNotPileUp() throws Exception {
        CountDownLatch live = new CountDownLatch(1);
        loop.schedule(live::countDown, 200, TimeUnit.MILLISECONDS);
        OnLoop.run(loop, () -> {
            for (int i = 0; i < 10_000; i++) {
                loop.schedule(() -> { }, 1, TimeUnit.HOURS).cancel();
            }
        });
        int onLoop = OnLoop.call(loop, loop::timerCount);
        assertTrue(onLoop <= 3, "cancelled on the loop, yet " + onLoop + " timers are kept");
        for (int i = 0; i < 1_000; i++) {
            Cancellable c = OnLoop.call(loop, () -> loop.schedule(() -> { }, 1, TimeUnit.HOURS));
            c.cancel();
        }
        OnLoop.run(loop, () -> { });
        int offLoop = OnLoop.call(loop, loop::timerCount);
        assertTrue(offLoop <= 3, "cancelled from another thread, yet " + offLoop + " timers are kept");
        assertTrue(live.await(10, TimeUnit.SECONDS), "a live timer survives the purges");
    }

    @Test
    void tasksQueuedBehindTheStopNeverRunAndAreCounted() throws Exception {
        NioEventLoop stopping = new NioEventLoop("stopping-loop");
        AtomicBoolean ran = new AtomicBoolean();
        OnLoop.run(stopping, () -> {
            stopping.shutdown(0);
            stopping.execute(() -> ran.set(true));
        });
        stopping.shutdown(10_000);
        assertFalse(ran.get(), "a task queued after the stop ran");
        assertTrue(stopping.droppedTasks() >= 1, "the task queued behind the stop is counted");
        assertThrows(IllegalStateException.class, () -> stopping.execute(() -> { }));
        assertThrows(IllegalStateException.class, () -> stopping.schedule(() -> { }, 1, TimeUnit.SECONDS));
    }

    @Test
    void aLoopWhoseSelectorFailsStopsTakingTasks() throws Exception {
        Selector selector = Selector.open();
        NioEventLoop dying = new NioEventLoop("dying-loop", selector);
        OnLoop.run(dying, () -> { });
        selector.close();
        dying.shutdown(10_000);
        assertThrows(IllegalStateException.class, () -> dying.execute(() -> { }),
                "a dead loop must refuse tasks instead of queueing them for nobody");
    }
}
