package org.jser2net.gensio.api;

/** Called by an {@link EventLoop} when a registered channel is ready. */
@FunctionalInterface
public interface IoHandler {

    /** {@code readyOps} is a set of {@link java.nio.channels.SelectionKey} {@code OP_*} bits. */
    void onReady(int readyOps);
}
