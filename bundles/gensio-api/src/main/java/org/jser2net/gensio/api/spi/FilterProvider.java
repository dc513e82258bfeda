package org.jser2net.gensio.api.spi;

import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.LayerSpec;

/**
 * Builds a filter layer (telnet, ssl, mux, ...). {@link #configure} checks the options and loads
 * what can be shared (keys, certificates) once per stack; the factory it returns wraps each child.
 */
public interface FilterProvider {

    /** Which end of the protocol a filter instance plays. */
    enum Side {
        /** Built as part of a connector: the filter opens the conversation. */
        CLIENT,
        /** Built on an accepted connection: the filter answers. */
        SERVER
    }

    FilterFactory configure(LayerSpec layer, Side side, GensioContext context) throws GensioException;
}
