package org.jser2net.gensio.serialdev.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jser2net.gensio.api.GensioException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UucpLockTest {

    @TempDir
    Path dir;

    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    @Test
    void theLockFileNameDropsDevAndTurnsSlashesIntoUnderscores() {
        assertEquals(dir.resolve("LCK..ttyS0"), UucpLock.fileFor(dir, "/dev/ttyS0"));
        assertEquals(dir.resolve("LCK..serial_by-id_usb-x"), UucpLock.fileFor(dir, "/dev/serial/by-id/usb-x"));
        assertEquals(dir.resolve("LCK.._tmp_x_a"), UucpLock.fileFor(dir, "/tmp/x/a"));
    }

    @Test
    void theLockHoldsOurPidInTenColumnsAndGoesAwayOnRelease() throws Exception {
        UucpLock lock = UucpLock.acquire(dir, "/dev/ttyS0", "serialdev /dev/ttyS0");
        Path file = dir.resolve("LCK..ttyS0");
        assertEquals(String.format("%10d\n", ProcessHandle.current().pid()), Files.readString(file));
        lock.release();
        assertFalse(Files.exists(file));
    }

    @Test
    void aLiveHolderRefusesTheLock() throws Exception {
        Files.writeString(dir.resolve("LCK..ttyS0"), String.format("%10d\n", ProcessHandle.current().pid()));
        GensioException e = assertThrows(GensioException.class,
                () -> UucpLock.acquire(dir, "/dev/ttyS0", "serialdev /dev/ttyS0"));
        assertEquals("serialdev /dev/ttyS0: port in use by pid " + ProcessHandle.current().pid() + " (lock file "
                + dir.resolve("LCK..ttyS0") + ")", e.getMessage());
    }

    @Test
    void aStaleLockIsReplacedInAsciiAndKermitForm() throws Exception {
        long dead = deadPid();
        Files.writeString(dir.resolve("LCK..ttyS1"), String.format("%10d\n", dead));
        UucpLock.acquire(dir, "/dev/ttyS1", "t").release();
        byte[] kermit = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt((int) dead).array();
        Files.write(dir.resolve("LCK..ttyS2"), kermit);
        UucpLock lock = UucpLock.acquire(dir, "/dev/ttyS2", "t");
        assertTrue(Files.readString(dir.resolve("LCK..ttyS2")).trim().equals("" + ProcessHandle.current().pid()));
        lock.release();
    }

    @Test
    void releaseLeavesALockThatIsNoLongerOurs() throws Exception {
        UucpLock lock = UucpLock.acquire(dir, "/dev/ttyS3", "t");
        Files.writeString(dir.resolve("LCK..ttyS3"), "         1\n");
        lock.release();
        assertTrue(Files.exists(dir.resolve("LCK..ttyS3")));
    }

    @Test
    void withoutTheLockDirectoryThereIsNoLocking() throws Exception {
        assertNull(UucpLock.acquire(dir.resolve("missing"), "/dev/ttyS0", "t"));
    }
}
