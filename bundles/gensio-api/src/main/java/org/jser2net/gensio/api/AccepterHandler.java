package org.jser2net.gensio.api;

/** Receives what an {@link Accepter} produces. */
public interface AccepterHandler {

    /** A new connection, already open, with every layer's handshake done. Reads are disabled. */
    void onConnection(Accepter accepter, Gensio gensio);

    /**
     * A connection attempt failed before it became a gensio (a TLS handshake that failed, a
     * refused login, an accept error). The accepter keeps listening.
     */
    default void onAcceptError(Accepter accepter, String remoteAddress, Throwable error) {
    }
}
