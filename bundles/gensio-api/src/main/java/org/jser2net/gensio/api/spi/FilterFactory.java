package org.jser2net.gensio.api.spi;

import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.GensioException;

/**
 * Wraps a child gensio with one configured filter layer.
 *
 * <p>The returned gensio starts {@code CLOSED}, on the child's loop. Its {@code open} opens the child
 * first when the child is not open yet (a connector), then runs this layer's handshake; on an
 * accepted connection the child is already open and only the handshake runs.
 */
@FunctionalInterface
public interface FilterFactory {

    Gensio wrap(Gensio child) throws GensioException;
}
