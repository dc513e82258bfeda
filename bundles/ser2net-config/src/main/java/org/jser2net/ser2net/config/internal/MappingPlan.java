package org.jser2net.ser2net.config.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to do to turn the configurations that exist into the ones wanted, by name: create the new,
 * update the changed, delete the gone; equal ones are left alone, so applying twice changes nothing.
 */
public record MappingPlan(List<String> create, List<String> update, List<String> delete) {

    public MappingPlan {
        create = List.copyOf(create);
        update = List.copyOf(update);
        delete = List.copyOf(delete);
    }

    /** Compares {@code existing} with {@code wanted} (both by name, then property). */
    public static MappingPlan of(Map<String, Map<String, Object>> existing, Map<String, Map<String, Object>> wanted) {
        List<String> create = new ArrayList<>();
        List<String> update = new ArrayList<>();
        List<String> delete = new ArrayList<>();
        wanted.forEach((name, props) -> {
            Map<String, Object> old = existing.get(name);
            if (old == null) {
                create.add(name);
            } else if (!same(old, props)) {
                update.add(name);
            }
        });
        existing.keySet().stream().filter(n -> !wanted.containsKey(n)).sorted().forEach(delete::add);
        return new MappingPlan(create, update, delete);
    }

    public boolean isEmpty() {
        return create.isEmpty() && update.isEmpty() && delete.isEmpty();
    }

    /** Equal property maps, comparing arrays by content (as ConfigAdmin's updateIfDifferent does). */
    static boolean same(Map<String, Object> a, Map<String, Object> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (Map.Entry<String, Object> e : a.entrySet()) {
            Object x = e.getValue();
            Object y = b.get(e.getKey());
            boolean equal = x instanceof Object[] && y instanceof Object[]
                    ? Arrays.deepEquals((Object[]) x, (Object[]) y) : Objects.equals(x, y);
            if (!equal) {
                return false;
            }
        }
        return true;
    }
}
