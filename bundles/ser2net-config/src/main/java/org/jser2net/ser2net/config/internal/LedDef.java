package org.jser2net.ser2net.config.internal;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** An LED flashed on traffic: its name, driver ({@code sysfs}) and driver options. */
public record LedDef(String name, String driver, Map<String, Object> options, String location) {

    public LedDef {
        options = Collections.unmodifiableMap(new TreeMap<>(options));
    }
}
