package org.jser2net.gensio.api.spi;

import org.jser2net.gensio.api.Defaults;
import org.jser2net.gensio.api.EventLoop;
import org.jser2net.gensio.api.GensioRegistry;

/** What a provider gets to build a layer: the loop to run on, the defaults, and the registry. */
public interface GensioContext {

    /** The loop the new gensio (or, for an accepter, its next connection) belongs to. */
    EventLoop loop();

    /** Picks a loop for a new connection (accepters spread connections over the loops). */
    EventLoop nextLoop();

    Defaults defaults();

    /** For layers that build further stacks themselves (conacc, keepopen). */
    GensioRegistry registry();
}
