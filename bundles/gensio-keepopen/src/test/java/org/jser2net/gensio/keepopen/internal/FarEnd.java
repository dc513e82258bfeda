package org.jser2net.gensio.keepopen.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.jser2net.gensio.core.testkit.Recorder;

/**
 * The far end of a keepopen,tcp stack: a plain blocking listener on 127.0.0.1 that can stop
 * listening and listen again on the same port, and hands out accepted sockets. Close it after use.
 */
final class FarEnd implements AutoCloseable {

    private final int port;
    private ServerSocket server;

    /** Listening on a free port at once. */
    FarEnd() throws IOException {
        server = bind(0);
        port = server.getLocalPort();
    }

    /** Not listening; {@code port} was free a moment ago. */
    private FarEnd(int port) {
        this.port = port;
    }

    /** A far end that is not listening yet, on a port that nobody else uses now. */
    static FarEnd notListening() throws IOException {
        int free;
        try (ServerSocket probe = bind(0)) {
            free = probe.getLocalPort();
        }
        return new FarEnd(free);
    }

    int port() {
        return port;
    }

    void stopListening() throws IOException {
        server.close();
        server = null;
    }

    void listen() throws IOException {
        server = bind(port);
    }

    /** The next connection; fails if none comes within the test kit's timeout. */
    Socket accept() throws IOException {
        Socket s = acceptWithin(Recorder.TIMEOUT);
        if (s == null) {
            throw new AssertionError("keepopen did not connect to port " + port + " within " + Recorder.TIMEOUT);
        }
        return s;
    }

    /** The next connection if one comes within {@code wait}, else null. */
    Socket acceptWithin(Duration wait) throws IOException {
        server.setSoTimeout((int) wait.toMillis());
        try {
            Socket s = server.accept();
            s.setSoTimeout((int) Recorder.TIMEOUT.toMillis());
            return s;
        } catch (SocketTimeoutException e) {
            return null;
        }
    }

    /** Reads from {@code s} until the text received contains {@code expected}; returns all of it. */
    static String readUntil(Socket s, String expected) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[256];
        while (!got.toString(StandardCharsets.UTF_8).contains(expected)) {
            int n;
            try {
                n = s.getInputStream().read(buf);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("timed out waiting for \"" + expected + "\", got \"" + got + "\"", e);
            }
            if (n < 0) {
                throw new AssertionError("connection ended waiting for \"" + expected + "\", got \"" + got + "\"");
            }
            got.write(buf, 0, n);
        }
        return got.toString(StandardCharsets.UTF_8);
    }

    /** True once {@code s} reads end of stream (data before it is skipped); fails on timeout. */
    static boolean readsEnd(Socket s) throws IOException {
        byte[] buf = new byte[256];
        while (true) {
            if (s.getInputStream().read(buf) < 0) {
                return true;
            }
        }
    }

    static void write(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        s.getOutputStream().flush();
    }

    private static ServerSocket bind(int port) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
        return s;
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            server.close();
        }
    }
}
