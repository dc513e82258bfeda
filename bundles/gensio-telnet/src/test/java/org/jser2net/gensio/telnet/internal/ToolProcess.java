package org.jser2net.gensio.telnet.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real client program run by an interop test: stdin is a pipe the test writes to, stdout and
 * stderr are collected. Waits fail after a generous timeout (to avoid hangs, not to measure).
 */
final class ToolProcess implements AutoCloseable {

    private static final long WAIT_MS = 15_000;

    private final Process process;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final String name;

    private ToolProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        pump(process.getInputStream(), stdout);
        pump(process.getErrorStream(), stderr);
    }

    /** Fails the test, naming the Debian package to install, unless {@code program} exists. */
    static void require(String program, String debianPackage) {
        if (!Files.isExecutable(Path.of(program))) {
            throw new AssertionError(program + " is missing: install it with 'apt-get install -y " + debianPackage
                    + "' (this interop test does not skip)");
        }
    }

    static ToolProcess start(String... command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(List.of(command));
        pb.environment().put("HOME", System.getProperty("java.io.tmpdir"));
        return new ToolProcess(command[0], pb.start());
    }

    private void pump(InputStream in, ByteArrayOutputStream to) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[4096];
            try {
                int n;
                while ((n = in.read(buf)) > 0) {
                    synchronized (this) {
                        to.write(buf, 0, n);
                        notifyAll();
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }, name + "-output");
        t.setDaemon(true);
        t.start();
    }

    void send(byte[] bytes) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write(bytes);
        in.flush();
    }

    void send(String text) throws IOException {
        send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    void closeStdin() throws IOException {
        process.getOutputStream().close();
    }

    synchronized byte[] stdout() {
        return stdout.toByteArray();
    }

    synchronized String stdoutText() {
        return stdout.toString(StandardCharsets.ISO_8859_1);
    }

    synchronized String stderrText() {
        return stderr.toString(StandardCharsets.ISO_8859_1);
    }

    /** Waits until stdout contains {@code text} (ISO-8859-1, so any byte can be looked for). */
    synchronized String awaitStdout(String text) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (!stdout.toString(StandardCharsets.ISO_8859_1).contains(text)) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                throw new AssertionError(name + ": no \"" + printable(text) + "\" on stdout; got \""
                        + printable(stdout.toString(StandardCharsets.ISO_8859_1)) + "\", stderr \""
                        + printable(stderr.toString(StandardCharsets.ISO_8859_1)) + "\"");
            }
            wait(Math.min(left, 100));
        }
        return stdout.toString(StandardCharsets.ISO_8859_1);
    }

    /** Waits for the process to end; returns its exit code. */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(WAIT_MS, TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(name + " did not finish; stdout \"" + printable(stdoutText()) + "\", stderr \""
                    + printable(stderrText()) + "\"");
        }
        process.waitFor();
        return process.exitValue();
    }

    static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(c >= 32 && c < 127 ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return sb.toString();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
