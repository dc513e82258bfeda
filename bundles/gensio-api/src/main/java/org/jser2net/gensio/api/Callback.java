package org.jser2net.gensio.api;

/** Completion of an asynchronous operation; {@code error} is null on success. Runs on the loop. */
@FunctionalInterface
public interface Callback {

    /** A callback that does nothing. */
    Callback NONE = error -> { };

    void done(Throwable error);
}
