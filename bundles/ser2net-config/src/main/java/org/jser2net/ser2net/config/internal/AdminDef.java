package org.jser2net.ser2net.config.internal;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The admin (control) port: its accepter, its optional name (the YAML anchor, also the mDNS name)
 * and options; {@code location} is where it was given ({@code -p} for the command line).
 */
public record AdminDef(String name, String accepter, Map<String, Object> options, String location) {

    public AdminDef {
        options = Collections.unmodifiableMap(new TreeMap<>(options));
    }
}
