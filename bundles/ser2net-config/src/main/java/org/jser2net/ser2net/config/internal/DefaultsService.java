package org.jser2net.ser2net.config.internal;

import java.util.Optional;

import org.jser2net.gensio.api.Defaults;

/**
 * The {@link Defaults} service this bundle registers: the gensio-class defaults of the
 * configuration last applied, swapped whole on every reload.
 */
final class DefaultsService implements Defaults {

    private volatile GensioDefaults current = new GensioDefaults(java.util.Map.of(), java.util.Map.of());

    /** Installs {@code next}; returns false when it equals what is in force. */
    boolean set(GensioDefaults next) {
        if (next.equals(current)) {
            return false;
        }
        current = next;
        return true;
    }

    GensioDefaults current() {
        return current;
    }

    @Override
    public Optional<String> value(String className, String key) {
        return current.value(className, key);
    }
}
