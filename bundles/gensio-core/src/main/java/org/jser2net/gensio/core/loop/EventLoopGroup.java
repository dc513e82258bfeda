package org.jser2net.gensio.core.loop;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jser2net.gensio.api.EventLoop;

/** A fixed set of loops ({@code -t N}), handed out round robin. */
public final class EventLoopGroup implements AutoCloseable {

    private final List<NioEventLoop> loops;
    private final AtomicInteger next = new AtomicInteger();

    public EventLoopGroup(int count, String namePrefix) {
        if (count < 1) {
            throw new IllegalArgumentException("need at least one event loop, got " + count);
        }
        List<NioEventLoop> l = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            l.add(new NioEventLoop(namePrefix + "-" + i));
        }
        loops = List.copyOf(l);
    }

    public EventLoop next() {
        return loops.get(Math.floorMod(next.getAndIncrement(), loops.size()));
    }

    /** The loop at {@code index} (0 to size-1). */
    public EventLoop get(int index) {
        return loops.get(index);
    }

    public int size() {
        return loops.size();
    }

    @Override
    public void close() {
        loops.forEach(l -> l.shutdown(2000));
    }
}
