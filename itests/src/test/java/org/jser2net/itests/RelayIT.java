package org.jser2net.itests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tcp accepter joined to a tcp connector relays 100 MiB each way at once, intact. */
class RelayIT {

    private static final int SIZE = 100 << 20;

    @TempDir
    Path dir;

    @Test
    void relays100MiBBothWaysIntact() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (ServerSocket far = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = Net.freePort();
            Path cfg = Daemon.writeConfig(dir, "connection: &relay\n  accepter: tcp,127.0.0.1," + port
                    + "\n  connector: tcp,127.0.0.1," + far.getLocalPort() + "\n");
            try (Daemon d = Daemon.ready(cfg); Socket client = Net.connect(port, 10)) {
                // the daemon connects to the far end as soon as the client arrives
                Socket server = far.accept();
                server.setSoTimeout(60_000);
                client.setSoTimeout(60_000);
                Future<byte[]> up = pool.submit(() -> digestOf(server.getInputStream(), SIZE));
                Future<byte[]> down = pool.submit(() -> digestOf(client.getInputStream(), SIZE));
                Future<byte[]> sentUp = pool.submit(() -> send(client.getOutputStream(), 1));
                Future<byte[]> sentDown = pool.submit(() -> send(server.getOutputStream(), 2));
                assertArrayEquals(sentUp.get(120, TimeUnit.SECONDS), up.get(120, TimeUnit.SECONDS), "client -> far");
                assertArrayEquals(sentDown.get(120, TimeUnit.SECONDS), down.get(120, TimeUnit.SECONDS), "far -> client");
                server.close();
                assertEquals(-1, client.getInputStream().read(), "far end closed, client must see EOF");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] send(OutputStream out, long seed) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        Random r = new Random(seed);
        byte[] chunk = new byte[65536];
        for (int sent = 0; sent < SIZE; sent += chunk.length) {
            r.nextBytes(chunk);
            md.update(chunk);
            out.write(chunk);
        }
        out.flush();
        return md.digest();
    }

    private static byte[] digestOf(InputStream in, int size) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        byte[] buf = new byte[65536];
        int total = 0;
        while (total < size) {
            int n = in.read(buf, 0, Math.min(buf.length, size - total));
            if (n < 0) {
                throw new java.io.EOFException("ended after " + total + " bytes");
            }
            md.update(buf, 0, n);
            total += n;
        }
        return md.digest();
    }
}
