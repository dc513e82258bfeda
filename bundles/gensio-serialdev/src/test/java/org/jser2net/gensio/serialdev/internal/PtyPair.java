package org.jser2net.gensio.serialdev.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Two connected pseudo-terminals made by socat, reachable as {@code dir/a} and {@code dir/b}: what is
 * written to one is read from the other. Stopping socat (by its PID) makes both vanish, as an
 * unplugged USB adapter does.
 */
final class PtyPair implements AutoCloseable {

    final Path a;
    final Path b;
    private final Path log;
    private Process socat;

    PtyPair(Path dir) throws IOException, InterruptedException {
        this.a = dir.resolve("a");
        this.b = dir.resolve("b");
        this.log = dir.resolve("socat.log");
        start();
    }

    /** Starts socat (again) and waits for both links. */
    void start() throws IOException, InterruptedException {
        socat = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(Files.exists(a) && Files.exists(b))) {
            if (!socat.isAlive() || System.nanoTime() > deadline) {
                throw new IOException("socat did not create its ptys: " + Files.readString(log));
            }
            Thread.sleep(10);
        }
    }

    /** Stops socat by its PID and waits until it is gone. */
    void kill() throws InterruptedException {
        if (socat != null && socat.isAlive()) {
            ProcessHandle.of(socat.pid()).ifPresent(ProcessHandle::destroy);
            if (!socat.waitFor(10, TimeUnit.SECONDS)) {
                socat.destroyForcibly();
                socat.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    /** {@code stty -a} of {@code tty} as words ({@code cs8}, {@code -clocal}, ...) plus {@code speed=N}. */
    static List<String> stty(Path tty) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("stty", "-F", tty.toString(), "-a").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("stty -F " + tty + " -a failed: " + out);
        }
        List<String> words = new ArrayList<>();
        for (String w : out.split("[\\s;]+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        int speed = words.indexOf("speed");
        if (speed >= 0) {
            words.add("speed=" + words.get(speed + 1));
        }
        return words;
    }
}
