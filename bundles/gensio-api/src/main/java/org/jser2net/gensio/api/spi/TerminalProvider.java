package org.jser2net.gensio.api.spi;

import org.jser2net.gensio.api.Accepter;
import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.LayerSpec;

/**
 * Builds a bottom layer (tcp, serialdev, echo, ...). Stateless: every call makes a fresh instance.
 * Options and arguments are checked here, so a bad stack fails when it is built, not when used.
 */
public interface TerminalProvider {

    /** Service property naming the gensio type. */
    String TYPE = "gensio.type";
    /** Service property: {@code terminal} or {@code filter}. */
    String KIND = "gensio.kind";

    /** A closed connector. */
    Gensio connector(LayerSpec layer, GensioContext context) throws GensioException;

    /**
     * An accepter, not yet started, whose connections come out as this terminal's gensios.
     *
     * @throws GensioException if this type cannot accept (the message says so)
     */
    Accepter accepter(LayerSpec layer, GensioContext context) throws GensioException;
}
