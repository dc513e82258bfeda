package org.jser2net.ser2net.core.internal;

import org.jser2net.gensio.api.Gensio;

/** One connected client of a port. */
final class Session {

    final Gensio net;
    /** Bytes of the device's pending buffer already written to this client. */
    int ahead;
    boolean closing;

    Session(Gensio net) {
        this.net = net;
    }

    String remote() {
        return net.remoteAddress();
    }
}
