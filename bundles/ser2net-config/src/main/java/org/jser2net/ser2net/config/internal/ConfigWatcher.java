package org.jser2net.ser2net.config.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the configuration's files (through their directories, so editors that replace a file
 * are seen too) and calls back once they have been quiet for a moment after a change.
 */
final class ConfigWatcher implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigWatcher.class);

    private final WatchService service;
    private final Runnable onChange;
    private final long quietMillis;
    private final ScheduledExecutorService timer;
    private final Thread thread;
    private final Map<Path, WatchKey> dirs = new HashMap<>();
    private volatile Set<Path> files = Set.of();
    private ScheduledFuture<?> pending;

    ConfigWatcher(Runnable onChange, long quietMillis) throws IOException {
        this.service = FileSystems.getDefault().newWatchService();
        this.onChange = onChange;
        this.quietMillis = quietMillis;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "jser2net-config-reload"));
        this.thread = daemon(this::loop, "jser2net-config-watch");
        thread.start();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Watches exactly {@code watched} from now on. */
    synchronized void watch(Set<Path> watched) {
        Set<Path> absolute = new HashSet<>();
        watched.forEach(p -> absolute.add(p.toAbsolutePath().normalize()));
        files = Set.copyOf(absolute);
        Set<Path> needed = new HashSet<>();
        absolute.forEach(p -> needed.add(p.getParent()));
        dirs.entrySet().removeIf(e -> {
            boolean drop = !needed.contains(e.getKey());
            if (drop) {
                e.getValue().cancel();
            }
            return drop;
        });
        for (Path dir : needed) {
            if (!dirs.containsKey(dir)) {
                try {
                    dirs.put(dir, dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                            StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE));
                } catch (IOException e) {
                    LOG.warn("cannot watch {} for configuration changes: {}", dir, e.toString());
                }
            }
        }
    }

    private void loop() {
        try {
            while (true) {
                WatchKey key = service.take();
                Path dir = (Path) key.watchable();
                boolean relevant = false;
                for (WatchEvent<?> e : key.pollEvents()) {
                    relevant |= e.kind() == StandardWatchEventKinds.OVERFLOW
                            || files.contains(dir.resolve((Path) e.context()));
                }
                key.reset();
                if (relevant) {
                    changed();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    private synchronized void changed() {
        if (pending != null) {
            pending.cancel(false);
        }
        if (!timer.isShutdown()) {
            pending = timer.schedule(onChange, quietMillis, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            timer.shutdownNow();
        }
        try {
            service.close();
        } catch (IOException e) {
            LOG.debug("closing the watch service: {}", e.toString());
        }
        thread.interrupt();
    }
}
