package org.jser2net.gensio.core.testkit;

import java.util.Set;

import org.jser2net.gensio.api.Accepter;
import org.jser2net.gensio.api.Cancellable;
import org.jser2net.gensio.api.EventLoop;
import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.GensioRegistry;
import org.jser2net.gensio.api.StackSpec;
import org.jser2net.gensio.api.spi.FilterProvider;
import org.jser2net.gensio.api.spi.TerminalProvider;
import org.jser2net.gensio.core.internal.GensioRegistryImpl;

/**
 * The real registry, outside OSGi, with providers added by hand: {@code TestRegistry.withMemory()
 * .filter("telnet", new TelnetProvider())}, then build stacks such as {@code telnet,mem,x}. Add and
 * remove providers to exercise hot swap. Close it to stop its loops.
 */
public final class TestRegistry implements GensioRegistry, AutoCloseable {

    private final GensioRegistryImpl registry;
    private final MemoryTerminal memory = new MemoryTerminal();

    /** A registry with {@code threads} loops and no providers. */
    public TestRegistry(int threads) {
        registry = new GensioRegistryImpl(threads);
    }

    /** One loop, with the in-memory terminal registered as {@code mem}. */
    public static TestRegistry withMemory() {
        TestRegistry r = new TestRegistry(1);
        return r.terminal(MemoryTerminal.TYPE, r.memory);
    }

    /** The in-memory terminal this registry offers after {@link #withMemory}. */
    public MemoryTerminal memory() {
        return memory;
    }

    public TestRegistry terminal(String type, TerminalProvider provider) {
        registry.addTerminal(type, provider, "test", "0.0.0");
        return this;
    }

    public TestRegistry filter(String type, FilterProvider provider) {
        registry.addFilter(type, provider, "test", "0.0.0");
        return this;
    }

    public void removeTerminal(String type, TerminalProvider provider) {
        registry.removeTerminal(type, provider);
    }

    public void removeFilter(String type, FilterProvider provider) {
        registry.removeFilter(type, provider);
    }

    /** Parses and builds a connector in one step. */
    public Gensio connector(String stack) throws GensioException {
        return connector(parse(stack), null);
    }

    /** Parses and builds an accepter in one step. */
    public Accepter accepter(String stack) throws GensioException {
        return accepter(parse(stack));
    }

    @Override
    public StackSpec parse(String stack) {
        return registry.parse(stack);
    }

    @Override
    public Gensio connector(StackSpec stack, EventLoop loop) throws GensioException {
        return registry.connector(stack, loop);
    }

    @Override
    public Accepter accepter(StackSpec stack) throws GensioException {
        return registry.accepter(stack);
    }

    @Override
    public Accepter accepter(StackSpec stack, EventLoop loop) throws GensioException {
        return registry.accepter(stack, loop);
    }

    @Override
    public Set<String> missingTypes(StackSpec stack) {
        return registry.missingTypes(stack);
    }

    @Override
    public Set<TypeInfo> types() {
        return registry.types();
    }

    @Override
    public EventLoop nextLoop() {
        return registry.nextLoop();
    }

    @Override
    public EventLoop loopFor(String key) {
        return registry.loopFor(key);
    }

    @Override
    public Cancellable watchTypes(TypeListener listener) {
        return registry.watchTypes(listener);
    }

    @Override
    public void close() {
        registry.close();
    }
}
