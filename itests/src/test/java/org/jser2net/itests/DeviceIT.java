package org.jser2net.itests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Serial devices on pty pairs through the whole daemon: data, a vanishing device, a slow reader. */
class DeviceIT {

    @TempDir
    Path dir;

    private Path config(PtyPair pty, int port, String layers) throws Exception {
        return Daemon.writeConfig(dir, "connection: &tty\n  accepter: tcp,127.0.0.1," + port + "\n  connector: "
                + layers + "serialdev," + pty.device + ",115200n81,local\n  options:\n    chardelay: false\n");
    }

    private static String readPeer(RandomAccessFile peer, int n) throws Exception {
        byte[] b = new byte[n];
        peer.readFully(b);
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    @Test
    void dataBothWaysThenTheDeviceVanishesAndComesBack() throws Exception {
        int port = Net.freePort();
        try (PtyPair pty = new PtyPair(dir); Daemon d = Daemon.ready(config(pty, port, ""))) {
            try (Socket client = Net.connect(port, 10); RandomAccessFile peer = new RandomAccessFile(pty.peer.toFile(), "rw")) {
                client.getOutputStream().write("to device".getBytes(StandardCharsets.ISO_8859_1));
                assertEquals("to device", readPeer(peer, 9));
                peer.write("to client".getBytes(StandardCharsets.ISO_8859_1));
                assertEquals("to client", new String(Net.readN(client.getInputStream(), 9), StandardCharsets.ISO_8859_1));
                pty.stop();
                assertEquals(-1, client.getInputStream().read(), "the session ends when the device vanishes");
            }
            pty.start();
            try (Socket again = Net.connect(port, 10); RandomAccessFile peer = new RandomAccessFile(pty.peer.toFile(), "rw")) {
                again.getOutputStream().write("back".getBytes(StandardCharsets.ISO_8859_1));
                assertEquals("back", readPeer(peer, 4), "the port is not wedged: the next client reopens it");
            }
        }
    }

    @Test
    void keepopenHoldsTheClientAcrossTheGap() throws Exception {
        int port = Net.freePort();
        try (PtyPair pty = new PtyPair(dir);
             Daemon d = Daemon.ready(config(pty, port, "keepopen(retry-time=200),"));
             Socket client = Net.connect(port, 10)) {
            try (RandomAccessFile peer = new RandomAccessFile(pty.peer.toFile(), "rw")) {
                client.getOutputStream().write("one".getBytes(StandardCharsets.ISO_8859_1));
                assertEquals("one", readPeer(peer, 3));
            }
            pty.stop();
            Thread.sleep(500);
            pty.start();
            try (RandomAccessFile peer = new RandomAccessFile(pty.peer.toFile(), "rw")) {
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                // keepopen reopens by itself; until then the daemon holds the client's bytes
                client.getOutputStream().write("two".getBytes(StandardCharsets.ISO_8859_1));
                assertEquals("two", readPeer(peer, 3));
                assertTrue(System.nanoTime() < end);
                peer.write("three".getBytes(StandardCharsets.ISO_8859_1));
                assertEquals("three", new String(Net.readN(client.getInputStream(), 5), StandardCharsets.ISO_8859_1));
            }
        }
    }

    @Test
    void aSlowReaderWith100MiBPendingStallsTheDeviceAndGetsEveryByte() throws Exception {
        int size = 100 << 20;
        int port = Net.freePort();
        try (PtyPair pty = new PtyPair(dir); Daemon d = Daemon.ready(config(pty, port, ""));
             Socket client = Net.connect(port, 10);
             RandomAccessFile peer = new RandomAccessFile(pty.peer.toFile(), "rw")) {
            client.getOutputStream().write('x');
            assertEquals("x", readPeer(peer, 1));
            AtomicLong written = new AtomicLong();
            CompletableFuture<byte[]> sent = CompletableFuture.supplyAsync(() -> {
                try {
                    MessageDigest md = MessageDigest.getInstance("SHA-256");
                    Random r = new Random(7);
                    byte[] chunk = new byte[65536];
                    for (int i = 0; i < size; i += chunk.length) {
                        r.nextBytes(chunk);
                        md.update(chunk);
                        peer.write(chunk);
                        written.addAndGet(chunk.length);
                    }
                    return md.digest();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(3000);
            long stalled = written.get();
            assertTrue(stalled < 16 << 20, "the device side must stall while the client reads nothing, but "
                    + stalled + " bytes went in");
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            InputStream in = client.getInputStream();
            byte[] buf = new byte[65536];
            for (long got = 0; got < size; ) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, size - got));
                assertTrue(n > 0, "stream ended after " + got + " bytes");
                md.update(buf, 0, n);
                got += n;
            }
            assertArrayEquals(sent.get(60, TimeUnit.SECONDS), md.digest(), "every byte, in order");
            long rssKb = rssKb(d.pid());
            System.out.printf("stalled at %d bytes; server RSS after 100 MiB: %d kB%n", stalled, rssKb);
            assertTrue(rssKb < 400_000, "server memory grew to " + rssKb + " kB");
        }
    }

    private static long rssKb(long pid) throws Exception {
        for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
