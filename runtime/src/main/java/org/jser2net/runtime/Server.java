package org.jser2net.runtime;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.launch.Framework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running daemon: framework storage, bundles, pid file, signals and the Ready/failure watch,
 * and a shutdown that stops the framework within {@link #STOP_TIMEOUT_MS} and cleans up.
 */
final class Server {

    private static final Logger LOG = LoggerFactory.getLogger(Server.class);
    static final long STOP_TIMEOUT_MS = 2000;

    private final Options options;
    private final Path home;
    private final Map<String, String> config;
    private final String version;
    private final PidFile pidFile;
    private final AtomicBoolean down = new AtomicBoolean();
    private volatile Framework framework;
    private volatile Storage storage;

    Server(Options options, Path home, Map<String, String> config, String version) {
        this.options = options;
        this.home = home;
        this.config = config;
        this.version = version;
        this.pidFile = new PidFile(options.pidFile());
    }

    /** Starts everything and blocks until the framework stops; returns the exit status. */
    int run() {
        PrintStream stdout = System.out;
        if (!options.shell()) {
            // stdout carries only "Ready": SCR and others print their fallback log to System.out
            System.setOut(System.err);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "jser2net-shutdown"));
        try {
            storage = Storage.create();
            Map<String, String> props = FrameworkProperties.complete(
                    FrameworkProperties.load(home.resolve("conf/framework.properties"), home),
                    options, config, version);
            props.put("org.osgi.framework.storage", storage.dir().toString());
            framework = Launcher.init(props);
            Signals.install(framework.getBundleContext());
            Launcher.install(framework.getBundleContext(), home.resolve("bundle"));
            pidFile.write();
            ServiceWatch watch = new ServiceWatch(framework.getBundleContext(), options, stdout,
                    this::fail);
            watch.open();
            framework.start();
            if (LOG.isDebugEnabled()) {
                LOG.debug("framework started {} ms after JVM start (CPU {} ms)", uptimeMillis(), cpuMillis());
            }
            Launcher.report(framework.getBundleContext());
            framework.waitForStop(0);
        } catch (BundleException | InvalidSyntaxException | IOException | RuntimeException e) {
            LOG.error("jser2net could not start: {}", e.getMessage(), e);
            shutdown();
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        shutdown();
        return 0;
    }

    /** Under --strict: says why the configuration failed and exits 1. */
    private void fail(String message) {
        if (down.get()) {
            return;
        }
        System.err.println(message);
        System.err.flush();
        Thread exit = new Thread(() -> System.exit(1), "jser2net-fail");
        exit.start();
    }

    /** Stops the framework (at most {@link #STOP_TIMEOUT_MS}), removes the pid file and storage; once. */
    void shutdown() {
        if (!down.compareAndSet(false, true)) {
            return;
        }
        Framework fw = framework;
        if (fw != null && (fw.getState() & (Bundle.STARTING | Bundle.ACTIVE)) != 0) {
            try {
                fw.stop();
                fw.waitForStop(STOP_TIMEOUT_MS);
            } catch (BundleException | RuntimeException e) {
                LOG.warn("framework stop failed: {}", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        pidFile.delete();
        if (storage != null) {
            storage.delete();
        }
    }

    private static long cpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
    }

    /** Milliseconds since this JVM started, for debug timing. */
    static long uptimeMillis() {
        return ProcessHandle.current().info().startInstant()
                .map(t -> Duration.between(t, Instant.now()).toMillis()).orElse(-1L);
    }
}
