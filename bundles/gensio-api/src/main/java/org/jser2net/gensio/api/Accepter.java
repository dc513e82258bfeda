package org.jser2net.gensio.api;

import java.net.SocketAddress;
import java.util.List;

/**
 * Makes {@link Gensio}s from incoming connections: a listening socket with the filter layers of its
 * stack applied to each connection it accepts.
 *
 * <p>Lifecycle: {@code startup} listens, {@code shutdown} stops listening (connections already
 * handed out are not affected). Methods may be called from any thread; handler calls arrive on the
 * loop of the new gensio.
 */
public interface Accepter {

    /** The type of the top layer. */
    String type();

    /** Sets who receives new connections; must be set before {@link #startup}. */
    void setHandler(AccepterHandler handler);

    /** Starts listening; {@code done} gets null once every listener is bound. */
    void startup(Callback done);

    /** Stops listening and releases the listeners; {@code done} runs when they are closed. */
    void shutdown(Callback done);

    /** Pauses or resumes taking new connections, keeping the listeners bound. */
    void setAcceptEnabled(boolean enabled);

    /** The bound local addresses (with the real port when port 0 was asked for); empty if down. */
    List<SocketAddress> localAddresses();

    /** The stack string this accepter was made from. */
    String stack();
}
