package org.jser2net.ser2net.config.internal;

import java.util.Map;

/** A connection as read from the configuration: its name, stacks, enable flag and options. */
public record ConnectionDef(String name, String accepter, String connector, boolean enable,
        Map<String, Object> options, String location) {

    public ConnectionDef {
        options = Map.copyOf(options);
    }
}
