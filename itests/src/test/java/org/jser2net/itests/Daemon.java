package org.jser2net.itests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A jser2net process started from the built distribution, with its stdout lines and stderr kept. */
final class Daemon implements AutoCloseable {

    static final Path HOME = Path.of(System.getProperty("jser2net.home", "target/dist/jser2net"));

    final Process process;
    private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
    private final StringBuffer stderr = new StringBuffer();

    private Daemon(Process process) {
        this.process = process;
        pump(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)), true);
        pump(new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)), false);
    }

    /** Starts {@code bin/jser2net} with {@code args}. */
    static Daemon start(String... args) throws IOException {
        return run(HOME.resolve("bin/jser2net"), args);
    }

    /** Starts {@code program} (the distribution's script or the source tree's root script). */
    static Daemon run(Path program, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(program.toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.redirectInput(ProcessBuilder.Redirect.PIPE);
        return new Daemon(pb.start());
    }

    /** Starts it with {@code -n -r -c file} and waits for {@code Ready}. */
    static Daemon ready(Path config, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("-n", "-r", "-c", config.toString()));
        args.addAll(List.of(more));
        Daemon d = start(args.toArray(String[]::new));
        d.awaitLine("Ready", 30);
        return d;
    }

    private void pump(BufferedReader in, boolean out) {
        Thread t = new Thread(() -> {
            try {
                String line;
                while ((line = in.readLine()) != null) {
                    if (out) {
                        stdout.add(line);
                    } else {
                        stderr.append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                // process gone
            }
        }, "daemon-" + (out ? "stdout" : "stderr"));
        t.setDaemon(true);
        t.start();
    }

    /** Waits for a stdout line equal to {@code expected}; fails with stderr if it does not come. */
    void awaitLine(String expected, int seconds) throws InterruptedException {
        awaitLineMatching(java.util.regex.Pattern.quote(expected), seconds);
    }

    /** Waits for a stdout line matching {@code regex}; fails with stderr if it does not come. */
    void awaitLineMatching(String regex, int seconds) throws InterruptedException {
        String expected = regex;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            String line = stdout.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.matches(regex)) {
                return;
            }
            if (line == null && !process.isAlive()) {
                break;
            }
        }
        throw new AssertionError("no '" + expected + "' on stdout; exit="
                + (process.isAlive() ? "running" : process.exitValue()) + "; stderr:\n" + stderr);
    }

    String stderr() {
        return stderr.toString();
    }

    long pid() {
        return process.pid();
    }

    void signal(String sig) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + sig, Long.toString(pid())).inheritIO().start().waitFor();
    }

    static Path writeConfig(Path dir, String yaml) throws IOException {
        Path f = dir.resolve("ser2net.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}
