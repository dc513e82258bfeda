package org.jser2net.gensio.api;

/** A channel's registration with an {@link EventLoop}; all methods are called on the loop. */
public interface IoRegistration {

    /** Replaces the interest set ({@link java.nio.channels.SelectionKey} {@code OP_*} bits). */
    void interest(int ops);

    int interest();

    /** Adds or removes one interest bit. */
    default void interest(int op, boolean on) {
        interest(on ? interest() | op : interest() & ~op);
    }

    /** Removes the channel from the selector; the channel itself is not closed. */
    void cancel();
}
