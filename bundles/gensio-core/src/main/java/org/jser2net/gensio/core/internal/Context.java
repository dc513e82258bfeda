package org.jser2net.gensio.core.internal;

import org.jser2net.gensio.api.Defaults;
import org.jser2net.gensio.api.EventLoop;
import org.jser2net.gensio.api.GensioRegistry;
import org.jser2net.gensio.api.spi.GensioContext;

/**
 * The {@link GensioContext} the registry hands to providers while it builds one stack. A pinned
 * context answers {@link #nextLoop} with its own loop, so all of an accepter's connections share it.
 */
final class Context implements GensioContext {

    private final EventLoop loop;
    private final boolean pinned;
    private final GensioRegistryImpl registry;

    Context(EventLoop loop, boolean pinned, GensioRegistryImpl registry) {
        this.loop = loop;
        this.pinned = pinned;
        this.registry = registry;
    }

    @Override
    public EventLoop loop() {
        return loop;
    }

    @Override
    public EventLoop nextLoop() {
        return pinned ? loop : registry.nextLoop();
    }

    @Override
    public Defaults defaults() {
        return registry.defaults();
    }

    @Override
    public GensioRegistry registry() {
        return registry;
    }
}
