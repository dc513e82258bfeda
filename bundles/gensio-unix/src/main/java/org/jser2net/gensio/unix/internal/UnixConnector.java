package org.jser2net.gensio.unix.internal;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;

import org.jser2net.gensio.api.EventLoop;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.base.StreamSocketConnector;

/** A connecting unix gensio: a non-blocking connect to a Unix domain stream socket. */
final class UnixConnector extends StreamSocketConnector {

    private final UnixDomainSocketAddress target;

    UnixConnector(EventLoop loop, int readBufferSize, UnixDomainSocketAddress target) {
        super("unix", loop, readBufferSize, target.getPath().toString());
        this.target = target;
    }

    @Override
    protected void startConnecting() {
        SocketChannel ch;
        try {
            ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        } catch (IOException e) {
            connectFailed(e);
            return;
        }
        connect(ch, target);
    }

    @Override
    protected void connected() {
        openSucceeded("unix," + target.getPath());
    }

    @Override
    protected void connectFailed(IOException error) {
        openFailed(new GensioException("unix: cannot connect to " + target.getPath() + ": " + error.getMessage(),
                error));
    }
}
