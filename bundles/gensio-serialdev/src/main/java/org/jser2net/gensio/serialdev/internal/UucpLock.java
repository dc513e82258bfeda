package org.jser2net.gensio.serialdev.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.jser2net.gensio.api.GensioException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A UUCP lock on a serial device: {@code <dir>/LCK..<name>} (the device path without {@code /dev/},
 * other slashes turned into {@code _}) holding the process id as ten right-aligned digits and a
 * newline, plus the SVR4 name {@code LCK.<major>.<minor>} linked to it. A lock whose process is gone is
 * stale and removed. Without the lock directory there is no locking, as in gensio.
 *
 * <p>System properties: {@code jser2net.lockdir} (default {@code /var/lock}); {@code
 * jser2net.uucplocks=false} switches UUCP locking off everywhere (ser2net's {@code -u}).
 */
final class UucpLock {

    private static final Logger LOG = LoggerFactory.getLogger(UucpLock.class);

    private final Path main;
    private final Path svr4;
    private final String content;

    private UucpLock(Path main, Path svr4, String content) {
        this.main = main;
        this.svr4 = svr4;
        this.content = content;
    }

    /** The lock directory in force. */
    static Path directory() {
        return Path.of(System.getProperty("jser2net.lockdir", "/var/lock"));
    }

    /** False when UUCP locking is switched off for the whole process. */
    static boolean enabledGlobally() {
        return !"false".equalsIgnoreCase(System.getProperty("jser2net.uucplocks", "true").trim());
    }

    /** The main lock file for {@code device} in {@code dir}. */
    static Path fileFor(Path dir, String device) {
        String name = device.startsWith("/dev/") ? device.substring(5) : device;
        return dir.resolve("LCK.." + name.replace('/', '_'));
    }

    /**
     * Locks {@code device}; null when {@code dir} does not exist.
     *
     * @throws GensioException when another live process holds the lock, or the lock cannot be written
     */
    static UucpLock acquire(Path dir, String device, String what) throws GensioException {
        if (!Files.isDirectory(dir)) {
            LOG.debug("{}: no lock directory {}, not locking", what, dir);
            return null;
        }
        Path main = fileFor(dir, device);
        Path svr4 = svr4Name(dir, device);
        long pid = holder(main);
        if (pid == 0 && svr4 != null) {
            pid = holder(svr4);
        }
        if (pid > 0) {
            throw new GensioException(what + ": port in use by pid " + pid + " (lock file " + main + ")");
        }
        String content = String.format("%10d", ProcessHandle.current().pid()) + "\n";
        try {
            Files.createFile(main, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
            Files.writeString(main, content, StandardCharsets.US_ASCII);
        } catch (FileAlreadyExistsException e) {
            throw new GensioException(what + ": port in use (lock file " + main + " appeared meanwhile)", e);
        } catch (IOException e) {
            throw new GensioException(what + ": cannot write lock file " + main + ": " + e
                    + " (switch UUCP locking off with the nouucplock option or -Djser2net.uucplocks=false)", e);
        }
        if (svr4 != null) {
            try {
                Files.createLink(svr4, main);
            } catch (IOException e) {
                LOG.warn("{}: cannot link {} to {}: {}", what, svr4, main, e.toString());
            }
        }
        return new UucpLock(main, svr4, content);
    }

    /** Removes the lock files, if they are still ours. */
    void release() {
        remove(main);
        if (svr4 != null) {
            remove(svr4);
        }
    }

    private void remove(Path p) {
        try {
            if (content.equals(Files.readString(p, StandardCharsets.US_ASCII))) {
                Files.delete(p);
            }
        } catch (NoSuchFileException e) {
            // already gone
        } catch (IOException e) {
            LOG.warn("cannot remove lock file {}: {}", p, e.toString());
        }
    }

    /** The live process holding {@code lock}, or 0; a stale lock file is removed. */
    private static long holder(Path lock) {
        byte[] data;
        try {
            data = Files.readAllBytes(lock);
        } catch (IOException e) {
            return 0;
        }
        long pid;
        if (data.length == 4) {
            pid = ByteBuffer.wrap(data).order(ByteOrder.nativeOrder()).getInt();
        } else {
            pid = parsePid(new String(data, StandardCharsets.US_ASCII));
        }
        if (pid > 0 && ProcessHandle.of(pid).isEmpty()) {
            LOG.info("removing stale lock file {} of gone process {}", lock, pid);
            try {
                Files.deleteIfExists(lock);
            } catch (IOException e) {
                LOG.warn("cannot remove stale lock file {}: {}", lock, e.toString());
            }
            return 0;
        }
        return Math.max(pid, 0);
    }

    private static long parsePid(String text) {
        String t = text.strip();
        int end = 0;
        while (end < t.length() && end < 10 && Character.isDigit(t.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Long.parseLong(t.substring(0, end));
    }

    /** {@code LCK.mmm.iii} from the device's major and minor numbers, or null when unknown. */
    private static Path svr4Name(Path dir, String device) {
        try {
            Object rdev = Files.getAttribute(Path.of(device), "unix:rdev");
            long r = ((Number) rdev).longValue();
            long major = ((r & 0x00000000000fff00L) >>> 8) | ((r & 0xfffff00000000000L) >>> 32);
            long minor = (r & 0xffL) | ((r & 0x00000ffffff00000L) >>> 12);
            if (r == 0 || major > 999 || minor > 999) {
                return null;
            }
            return dir.resolve(String.format("LCK.%03d.%03d", major, minor));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return null;
        }
    }
}
