package org.jser2net.ser2net.config.internal;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A rotator: one accepter handing each client the next free connection of a list. */
public record RotatorDef(String name, String accepter, List<String> connections, Map<String, Object> options,
        String location) {

    public RotatorDef {
        connections = List.copyOf(connections);
        options = Collections.unmodifiableMap(new TreeMap<>(options));
    }
}
