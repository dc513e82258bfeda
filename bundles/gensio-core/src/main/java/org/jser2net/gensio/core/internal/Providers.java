package org.jser2net.gensio.core.internal;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.jser2net.gensio.api.Cancellable;
import org.jser2net.gensio.api.GensioRegistry.TypeInfo;
import org.jser2net.gensio.api.GensioRegistry.TypeListener;
import org.jser2net.gensio.api.spi.FilterProvider;
import org.jser2net.gensio.api.spi.TerminalProvider;
import org.jser2net.gensio.core.internal.ProviderSet.Change;
import org.jser2net.gensio.core.internal.ProviderSet.Entry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The installed terminal and filter providers, and the listeners told when a type arrives or
 * leaves. When the provider in use for a type changes (it leaves while another still offers it, or
 * a preferred one arrives), listeners hear {@code typeRemoved} then {@code typeAdded}, so that
 * stacks built with the old code are rebuilt.
 *
 * <p>Each change queues its events while it holds the lock, and one thread at a time tells them,
 * so listeners hear every change once, in the order the changes happened, never two at once, even
 * when changes race on several threads or a listener makes one (it is told after the current event).
 */
final class Providers {

    private static final Logger LOG = LoggerFactory.getLogger(Providers.class);

    private final ProviderSet<TerminalProvider> terminals = new ProviderSet<>(false);
    private final ProviderSet<FilterProvider> filters = new ProviderSet<>(true);
    private final List<TypeListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    /** Guards the provider sets' changes together with {@link #events} and {@link #telling}. */
    private final Object lock = new Object();
    private final ArrayDeque<Event> events = new ArrayDeque<>();
    private boolean telling;

    /** One thing to tell the listeners. */
    private record Event(String type, boolean added) {
    }

    /** A sequence number for providers added without an OSGi service id. */
    long nextOrder() {
        return sequence.incrementAndGet();
    }

    void addTerminal(Entry<TerminalProvider> entry) {
        synchronized (lock) {
            queue(entry.type(), terminals.add(entry), entry.bundle());
        }
        tellQueued();
    }

    void removeTerminal(String type, TerminalProvider provider) {
        synchronized (lock) {
            queue(type, terminals.remove(type, provider), null);
        }
        tellQueued();
    }

    void addFilter(Entry<FilterProvider> entry) {
        synchronized (lock) {
            queue(entry.type(), filters.add(entry), entry.bundle());
        }
        tellQueued();
    }

    void removeFilter(String type, FilterProvider provider) {
        synchronized (lock) {
            queue(type, filters.remove(type, provider), null);
        }
        tellQueued();
    }

    TerminalProvider terminal(String type) {
        return terminals.get(type);
    }

    FilterProvider filter(String type) {
        return filters.get(type);
    }

    boolean isFilter(String type) {
        return filters.has(type);
    }

    Set<TypeInfo> infos() {
        Set<TypeInfo> all = new HashSet<>(terminals.infos());
        all.addAll(filters.infos());
        return Set.copyOf(all);
    }

    Cancellable watch(TypeListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Queues what {@code change} means for listeners; with the lock held. */
    private void queue(String type, Change change, String bundle) {
        switch (change) {
            case ADDED:
                LOG.info("gensio type '{}' is now provided by {}", type, bundle);
                events.add(new Event(type, true));
                break;
            case REMOVED:
                LOG.info("gensio type '{}' is no longer provided", type);
                events.add(new Event(type, false));
                break;
            case REPLACED:
                LOG.info("gensio type '{}' changed provider", type);
                events.add(new Event(type, false));
                events.add(new Event(type, true));
                break;
            default:
                break;
        }
    }

    /** Tells the queued events, unless another thread (or an outer call on this one) is at it. */
    private void tellQueued() {
        synchronized (lock) {
            if (telling) {
                return;
            }
            telling = true;
        }
        boolean done = false;
        try {
            while (true) {
                Event e;
                synchronized (lock) {
                    e = events.poll();
                    if (e == null) {
                        telling = false;
                        done = true;
                        return;
                    }
                }
                tell(e.type(), e.added());
            }
        } finally {
            if (!done) {
                synchronized (lock) {
                    telling = false;
                }
            }
        }
    }

    private void tell(String type, boolean added) {
        for (TypeListener l : listeners) {
            try {
                if (added) {
                    l.typeAdded(type);
                } else {
                    l.typeRemoved(type);
                }
            } catch (RuntimeException e) {
                LOG.warn("type listener {} failed on '{}'", l, type, e);
            }
        }
    }
}
