package org.jser2net.gensio.base;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

import org.jser2net.gensio.api.spi.GensioContext;

/** The smallest {@link StreamAccepter}: one listener on the loopback address, admission up to the test. */
final class LoopbackAccepter extends StreamAccepter {

    /** Decides on an accepted connection, as {@link StreamAccepter#admit} does. */
    @FunctionalInterface
    interface Admission {
        String admit(SocketChannel connection) throws IOException;
    }

    private final int port;
    private final Admission admission;

    /** Listens on 127.0.0.1 (or ::1) at {@code port}, 0 for any. */
    LoopbackAccepter(GensioContext context, int port, Admission admission) {
        super("loopback", context, "loopback," + port, 1024);
        this.port = port;
        this.admission = admission;
    }

    static InetSocketAddress address(int port) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    /** The port it is bound to; only while listening. */
    int port() {
        return ((InetSocketAddress) localAddresses().get(0)).getPort();
    }

    @Override
    protected void listen() throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open();
        try {
            channel.bind(address(port));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        listenOn(channel);
    }

    @Override
    protected String admit(ServerSocketChannel listener, SocketChannel connection) throws IOException {
        return admission.admit(connection);
    }
}
