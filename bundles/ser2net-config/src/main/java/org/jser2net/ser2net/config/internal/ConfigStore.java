package org.jser2net.ser2net.config.internal;

import java.io.IOException;
import java.util.Map;

/**
 * Named factory configurations as the mapper sees them: ConfigurationAdmin in the framework
 * ({@link OsgiConfigStore}), a plain map in tests.
 */
public interface ConfigStore {

    /**
     * The configurations of {@code factoryPid} that this bundle wrote (they carry
     * {@code jser2net.source}), by name, with their properties minus ConfigAdmin's own.
     */
    Map<String, Map<String, Object>> owned(String factoryPid) throws IOException;

    /** Creates configuration {@code name} of {@code factoryPid}, or replaces its properties. */
    void put(String factoryPid, String name, Map<String, Object> properties) throws IOException;

    void delete(String factoryPid, String name) throws IOException;
}
