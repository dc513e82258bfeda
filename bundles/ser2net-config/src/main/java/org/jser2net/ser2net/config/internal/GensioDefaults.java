package org.jser2net.ser2net.config.internal;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.jser2net.gensio.api.Defaults;

/**
 * The gensio option defaults a configuration sets, as ser2net keeps them after reading its file:
 * global values and per-class values; a class value given without a value (null) hides the
 * global one.
 */
public record GensioDefaults(Map<String, String> global, Map<String, Map<String, String>> byClass)
        implements Defaults {

    public GensioDefaults {
        global = Collections.unmodifiableMap(new HashMap<>(global));
        Map<String, Map<String, String>> copy = new TreeMap<>();
        byClass.forEach((cls, values) -> copy.put(cls, Collections.unmodifiableMap(new HashMap<>(values))));
        byClass = Collections.unmodifiableMap(copy);
    }

    @Override
    public Optional<String> value(String className, String key) {
        Map<String, String> values = className == null ? null : byClass.get(className);
        if (values != null && values.containsKey(key)) {
            return Optional.ofNullable(values.get(key));
        }
        return Optional.ofNullable(global.get(key));
    }
}
