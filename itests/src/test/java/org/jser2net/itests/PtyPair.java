package org.jser2net.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A socat pty pair: jser2net opens {@link #device}, the test plays the far end on {@link #peer}.
 * Killing it makes the device vanish as an unplugged USB adapter does; starting it again brings the
 * same names back.
 */
final class PtyPair implements AutoCloseable {

    final Path device;
    final Path peer;
    private Process socat;

    PtyPair(Path dir) throws IOException, InterruptedException {
        this.device = dir.resolve("ttyJ");
        this.peer = dir.resolve("ttyPeer");
        start();
    }

    void start() throws IOException, InterruptedException {
        socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + device, "pty,raw,echo=0,link=" + peer)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(Files.exists(device) && Files.exists(peer))) {
            if (System.nanoTime() > end || !socat.isAlive()) {
                throw new IOException("socat did not make the pty pair");
            }
            Thread.sleep(10);
        }
    }

    /** Unplugs: socat goes, and with it both ptys and their names. */
    void stop() throws InterruptedException {
        socat.destroy();
        socat.waitFor(5, TimeUnit.SECONDS);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (Files.exists(device) && System.nanoTime() < end) {
            Thread.sleep(10);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (socat != null && socat.isAlive()) {
            stop();
        }
    }
}
