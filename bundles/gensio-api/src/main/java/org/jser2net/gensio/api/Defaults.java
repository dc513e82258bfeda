package org.jser2net.gensio.api;

import java.util.Optional;

/**
 * Option defaults as set by ser2net.yaml's {@code default:} entries: a default may be global or
 * belong to one class (a gensio type such as {@code tcp}, or {@code ser2net} for connection options).
 */
public interface Defaults {

    /** No defaults at all. */
    Defaults NONE = (cls, key) -> Optional.empty();

    /**
     * The default for {@code key} in {@code className}, falling back to the global default.
     */
    Optional<String> value(String className, String key);
}
