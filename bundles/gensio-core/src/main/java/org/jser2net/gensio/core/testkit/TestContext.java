package org.jser2net.gensio.core.testkit;

import java.util.Map;
import java.util.Optional;

import org.jser2net.gensio.api.Defaults;
import org.jser2net.gensio.api.EventLoop;
import org.jser2net.gensio.api.GensioRegistry;
import org.jser2net.gensio.api.spi.GensioContext;
import org.jser2net.gensio.core.loop.EventLoopGroup;

/**
 * A {@link GensioContext} over its own real event loops, for testing a provider without a registry:
 * {@link #loop} is always the first loop, {@link #nextLoop} goes round the group. Close it to stop
 * the loops.
 */
public final class TestContext implements GensioContext, AutoCloseable {

    private final EventLoopGroup group;
    private final EventLoop loop;
    private final Map<String, String> defaults;

    /** Two loops, so that accepted connections may land on another loop than their accepter. */
    public TestContext() {
        this(2, "test");
    }

    /** {@code loops} loops whose threads are named after {@code name}, with no defaults. */
    public TestContext(int loops, String name) {
        this(loops, name, Map.of());
    }

    /** As above; {@code defaults} maps {@code class.key} (e.g. {@code tcp.readbuf}) to a value. */
    public TestContext(int loops, String name, Map<String, String> defaults) {
        this.group = new EventLoopGroup(loops, name);
        this.loop = group.next();
        this.defaults = Map.copyOf(defaults);
    }

    @Override
    public EventLoop loop() {
        return loop;
    }

    @Override
    public EventLoop nextLoop() {
        return group.next();
    }

    @Override
    public Defaults defaults() {
        return (cls, key) -> Optional.ofNullable(defaults.get(cls + "." + key));
    }

    /** None: a provider under test builds no further stacks. */
    @Override
    public GensioRegistry registry() {
        return null;
    }

    @Override
    public void close() {
        group.close();
    }
}
