package org.jser2net.ser2net.core.internal;

import org.jser2net.gensio.api.StackSpec;

/** The settings of one port, checked and parsed: what a {@link Port} runs with. */
record PortSettings(String name, StackSpec accepter, StackSpec connector, boolean enabled,
        int maxConnections, boolean kickOldUser) {

    PortSettings {
        if (maxConnections < 1 || maxConnections > 65536) {
            throw new IllegalArgumentException(
                    "connection " + name + ": max-connections must be 1 to 65536, not " + maxConnections);
        }
    }
}
