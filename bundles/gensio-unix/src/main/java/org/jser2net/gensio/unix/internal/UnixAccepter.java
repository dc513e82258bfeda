package org.jser2net.gensio.unix.internal;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.spi.GensioContext;
import org.jser2net.gensio.base.StreamAccepter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The unix accepter: listens on a socket file, on the context's loop, and spreads accepted
 * connections over the loops. The file is removed again at shutdown.
 */
final class UnixAccepter extends StreamAccepter {

    private static final Logger LOG = LoggerFactory.getLogger(UnixAccepter.class);
    private static final int BACKLOG = 128;

    private final Path path;
    private final boolean delsock;
    private final SocketFileAccess access;
    private boolean ownsFile;

    UnixAccepter(GensioContext context, String stack, Path path, int readbuf, boolean delsock,
            SocketFileAccess access) {
        super("unix", context, stack, readbuf);
        this.path = path;
        this.delsock = delsock;
        this.access = access;
    }

    @Override
    protected void listen() throws IOException {
        try {
            if (delsock) {
                Files.deleteIfExists(path);
            }
            ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                channel.bind(UnixDomainSocketAddress.of(path), BACKLOG);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            ownsFile = true;
            listenOn(channel);
            access.apply(path);
        } catch (IOException e) {
            throw new GensioException("unix: cannot listen on " + path + ": " + e.getMessage(), e);
        }
    }

    /** Removes the socket file, but only if this accepter created it. */
    @Override
    protected void stopped() {
        if (ownsFile) {
            ownsFile = false;
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                LOG.warn("unix: cannot remove socket file {}: {}", path, e.getMessage());
            }
        }
    }

    /** gensio's form, {@code unix,<peer path>}: the peer of an accepted socket is usually unnamed. */
    @Override
    protected String admit(ServerSocketChannel listener, SocketChannel connection) {
        try {
            SocketAddress a = connection.getRemoteAddress();
            return "unix," + (a instanceof UnixDomainSocketAddress u ? u.getPath() : "");
        } catch (IOException e) {
            return "unix,";
        }
    }
}
