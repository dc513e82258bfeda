package org.jser2net.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The framework's storage: a fresh temporary directory per process ({@code jser2net-<pid>-felix}),
 * deleted on exit; directories left by processes that no longer run are removed at startup.
 */
final class Storage {

    private static final String PREFIX = "jser2net-";
    private static final String SUFFIX = "-felix";

    private final Path dir;

    private Storage(Path dir) {
        this.dir = dir;
    }

    /** Creates the directory under {@code java.io.tmpdir} after sweeping dead processes' leftovers. */
    static Storage create() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        sweep(tmp);
        // the pid makes the name unique among running processes (and avoids SecureRandom's cost);
        // a directory with this name can only be a dead process's leftover
        Path dir = tmp.resolve(PREFIX + ProcessHandle.current().pid() + SUFFIX);
        deleteTree(dir);
        return new Storage(Files.createDirectory(dir));
    }

    /** The storage directory. */
    Path dir() {
        return dir;
    }

    /** Deletes the directory and everything in it, as far as possible. */
    void delete() {
        deleteTree(dir);
    }

    private static void sweep(Path tmp) {
        try (Stream<Path> entries = Files.list(tmp)) {
            entries.filter(p -> ownerGone(p.getFileName().toString())).forEach(Storage::deleteTree);
        } catch (IOException | RuntimeException e) {
            // best effort: a leftover only costs disk space
        }
    }

    private static boolean ownerGone(String name) {
        if (!name.startsWith(PREFIX) || !name.endsWith(SUFFIX)
                || name.length() <= PREFIX.length() + SUFFIX.length()) {
            return false;
        }
        try {
            long pid = Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
            Optional<ProcessHandle> owner = ProcessHandle.of(pid);
            return owner.isEmpty() || !owner.get().isAlive();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // best effort
        }
    }
}
