package org.jser2net.gensio.core.internal;

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
 * leaves. When the provider in use for a type leaves while another still offers it, listeners hear
 * {@code typeRemoved} then {@code typeAdded}, so that stacks built with the old code are rebuilt.
 */
final class Providers {

    private static final Logger LOG = LoggerFactory.getLogger(Providers.class);

    private final ProviderSet<TerminalProvider> terminals = new ProviderSet<>(false);
    private final ProviderSet<FilterProvider> filters = new ProviderSet<>(true);
    private final List<TypeListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();

    /** A sequence number for providers added without an OSGi service id. */
    long nextOrder() {
        return sequence.incrementAndGet();
    }

    void addTerminal(Entry<TerminalProvider> entry) {
        announce(entry.type(), terminals.add(entry), entry.bundle());
    }

    void removeTerminal(String type, TerminalProvider provider) {
        announce(type, terminals.remove(type, provider), null);
    }

    void addFilter(Entry<FilterProvider> entry) {
        announce(entry.type(), filters.add(entry), entry.bundle());
    }

    void removeFilter(String type, FilterProvider provider) {
        announce(type, filters.remove(type, provider), null);
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

    private void announce(String type, Change change, String bundle) {
        switch (change) {
            case ADDED:
                LOG.info("gensio type '{}' is now provided by {}", type, bundle);
                tell(type, true);
                break;
            case REMOVED:
                LOG.info("gensio type '{}' is no longer provided", type);
                tell(type, false);
                break;
            case REPLACED:
                LOG.info("gensio type '{}' changed provider", type);
                tell(type, false);
                tell(type, true);
                break;
            default:
                break;
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
