package org.jser2net.gensio.core.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jser2net.gensio.api.GensioRegistry.TypeInfo;

/**
 * The installed providers of one kind (terminals or filters) by gensio type. When several offer
 * the same type, the one with the highest service ranking (then the oldest) is in use.
 *
 * @param <P> the provider interface
 */
final class ProviderSet<P> {

    /** What an addition or removal did to a type. */
    enum Change {
        /** The provider in use is the same as before. */
        NONE,
        /** The type was missing and is now offered. */
        ADDED,
        /** The provider in use left, another one takes over. */
        REPLACED,
        /** The last provider of the type left. */
        REMOVED
    }

    /** One registered provider. */
    record Entry<P>(String type, P provider, String bundle, String version, int ranking, long order) {
    }

    private static final Comparator<Entry<?>> PREFERENCE = Comparator
            .comparingInt((Entry<?> e) -> -e.ranking()).thenComparingLong(Entry::order);

    private final boolean filter;
    private final Map<String, List<Entry<P>>> byType = new HashMap<>();

    ProviderSet(boolean filter) {
        this.filter = filter;
    }

    synchronized Change add(Entry<P> entry) {
        List<Entry<P>> list = byType.computeIfAbsent(entry.type(), t -> new ArrayList<>());
        Entry<P> before = list.isEmpty() ? null : list.get(0);
        list.add(entry);
        list.sort(PREFERENCE);
        if (before == null) {
            return Change.ADDED;
        }
        return list.get(0) == before ? Change.NONE : Change.REPLACED;
    }

    synchronized Change remove(String type, P provider) {
        List<Entry<P>> list = byType.get(type);
        if (list == null) {
            return Change.NONE;
        }
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).provider() == provider) {
                list.remove(i);
                if (list.isEmpty()) {
                    byType.remove(type);
                    return Change.REMOVED;
                }
                return i == 0 ? Change.REPLACED : Change.NONE;
            }
        }
        return Change.NONE;
    }

    /** The provider in use for {@code type}, or null. */
    synchronized P get(String type) {
        List<Entry<P>> list = byType.get(type);
        return list == null ? null : list.get(0).provider();
    }

    synchronized boolean has(String type) {
        return byType.containsKey(type);
    }

    /** Every registered provider, including those shadowed by a preferred one. */
    synchronized Set<TypeInfo> infos() {
        Set<TypeInfo> out = new HashSet<>();
        for (List<Entry<P>> list : byType.values()) {
            for (Entry<P> e : list) {
                out.add(new TypeInfo(e.type(), filter, e.bundle(), e.version()));
            }
        }
        return out;
    }
}
