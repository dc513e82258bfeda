package org.jser2net.gensio.api;

/** A handle to something pending, such as a timer. */
@FunctionalInterface
public interface Cancellable {

    /** Stops it if it has not run yet; harmless if it has. */
    void cancel();
}
