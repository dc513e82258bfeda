package org.jser2net.ser2net.config.internal;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A connection as read from the configuration: its name, stacks, enable flag, inactivity timeout
 * (seconds, 0 = none) and effective options (typed: Boolean, Integer, String, String[]).
 */
public record ConnectionDef(String name, String accepter, String connector, boolean enable, int timeout,
        Map<String, Object> options, String location) {

    public ConnectionDef {
        options = Collections.unmodifiableMap(new TreeMap<>(options));
    }
}
