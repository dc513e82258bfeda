package org.jser2net.gensio.api;

import java.util.Set;

/**
 * Builds gensios and accepters from stack strings out of whichever layer providers are installed.
 * A service; the registry follows providers as they come and go.
 */
public interface GensioRegistry {

    /** Parses a stack string, knowing which installed (and well-known) types are filters. */
    StackSpec parse(String stack);

    /**
     * A closed connector for {@code stack}, running on {@code loop} (null: the registry picks one).
     *
     * @throws MissingTypeException if a layer's type is not installed
     */
    Gensio connector(StackSpec stack, EventLoop loop) throws GensioException;

    /** An accepter for {@code stack}, not yet started; its connections are spread over the loops. */
    Accepter accepter(StackSpec stack) throws GensioException;

    /**
     * An accepter whose connections all run on {@code loop}, so one port's clients and device share
     * a thread.
     */
    Accepter accepter(StackSpec stack, EventLoop loop) throws GensioException;

    /** The types of {@code stack} that no provider offers now; empty when it can be built. */
    Set<String> missingTypes(StackSpec stack);

    /** What is installed now. */
    Set<TypeInfo> types();

    /** Picks a loop for a new unit of work (round robin over the {@code -t} loops). */
    EventLoop nextLoop();

    /**
     * The loop for a group of work that must share a thread (a rotator and its connections): the same
     * {@code key} always gets the same loop.
     */
    EventLoop loopFor(String key);

    /** Tells {@code listener} whenever a type arrives or leaves; returns a handle to stop that. */
    Cancellable watchTypes(TypeListener listener);

    /** One installed type: its name, whether it is a filter, and the bundle that provides it. */
    record TypeInfo(String type, boolean filter, String bundle, String version) {
    }

    /**
     * Told of provider arrivals and departures, on an arbitrary thread.
     *
     * <p>When the provider in use for a type is replaced (it leaves while another provider of the
     * type remains, a preferred provider arrives, or it leaves and comes back) the listener gets
     * {@code typeRemoved(type)} and then {@code typeAdded(type)}, so whatever was built with the old
     * provider can be torn down and rebuilt. Events come one at a time, never concurrently, in the
     * order the changes happened, even when changes race on several threads; a change made by a
     * listener itself is told after the event it is reacting to. Listeners must not block.
     */
    interface TypeListener {
        void typeAdded(String type);

        void typeRemoved(String type);
    }
}
