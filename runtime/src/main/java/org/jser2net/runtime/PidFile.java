package org.jser2net.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code -P} pid file: written at startup, removed at exit (a failure to write is only a warning). */
final class PidFile {

    private static final Logger LOG = LoggerFactory.getLogger(PidFile.class);

    private final Path path;
    private volatile boolean written;

    /** Creates the pid file handle for {@code file}, or a no-op one when {@code file} is null. */
    PidFile(String file) {
        this.path = file == null ? null : Path.of(file).toAbsolutePath();
    }

    /** Writes this process's id followed by a newline. */
    void write() {
        if (path == null) {
            return;
        }
        try {
            Files.writeString(path, ProcessHandle.current().pid() + "\n", StandardCharsets.US_ASCII);
            written = true;
        } catch (IOException e) {
            LOG.warn("Could not write the pid file {}: {}; running without one", path, e);
        }
    }

    /** Removes the file if this process wrote it. */
    void delete() {
        if (written) {
            written = false;
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                LOG.debug("Could not remove pidfile '{}': {}", path, e.getMessage());
            }
        }
    }
}
