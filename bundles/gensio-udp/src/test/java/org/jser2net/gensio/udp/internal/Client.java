package org.jser2net.gensio.udp.internal;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.jser2net.gensio.core.testkit.Recorder;

/** A plain blocking UDP socket on a loopback address, playing a remote peer in tests. */
final class Client implements AutoCloseable {

    private final DatagramSocket socket;

    Client() throws IOException {
        this("127.0.0.1");
    }

    Client(String address) throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(address), 0));
        socket.setSoTimeout((int) Recorder.TIMEOUT.toMillis());
    }

    int port() {
        return socket.getLocalPort();
    }

    void send(byte[] data, InetSocketAddress to) throws IOException {
        socket.send(new DatagramPacket(data, data.length, to));
    }

    void send(String text, int port) throws IOException {
        send(text.getBytes(StandardCharsets.ISO_8859_1), new InetSocketAddress("127.0.0.1", port));
    }

    /** The next datagram, failing with a timeout if none comes. */
    byte[] receive() throws IOException {
        DatagramPacket p = new DatagramPacket(new byte[70000], 70000);
        socket.receive(p);
        return Arrays.copyOf(p.getData(), p.getLength());
    }

    String receiveString() throws IOException {
        return new String(receive(), StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        socket.close();
    }
}
