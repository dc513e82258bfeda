package org.jser2net.gensio.serialdev.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.core.testkit.Completion;
import org.jser2net.gensio.core.testkit.OnLoop;
import org.jser2net.gensio.core.testkit.TestRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** UUCP lock files of serialdev on a pty, in a lock directory set by {@code jser2net.lockdir}. */
@Timeout(60)
class SerialdevLockTest {

    @TempDir
    Path dir;

    private final TestRegistry registry = new TestRegistry(1).terminal("serialdev", new SerialdevProvider());
    private final List<Gensio> opened = new ArrayList<>();
    private PtyPair pty;
    private Path locks;

    @BeforeEach
    void start() throws Exception {
        locks = Files.createDirectories(dir.resolve("locks"));
        System.setProperty("jser2net.lockdir", locks.toString());
        pty = new PtyPair(dir);
    }

    @AfterEach
    void stop() throws Exception {
        for (Gensio g : opened) {
            Completion c = new Completion();
            OnLoop.run(g.loop(), () -> g.close(c));
            c.await();
        }
        System.clearProperty("jser2net.lockdir");
        System.clearProperty("jser2net.uucplocks");
        pty.close();
        registry.close();
    }

    private List<Path> lockFiles() throws Exception {
        try (Stream<Path> s = Files.list(locks)) {
            return s.sorted().toList();
        }
    }

    @Test
    void uucplockWritesBothNamesAndKeepsOthersOut() throws Exception {
        Gensio g = SerialdevPtyTest.open(registry, opened, "serialdev(uucplock)," + pty.a);
        String pid = String.format("%10d\n", ProcessHandle.current().pid());
        Path main = UucpLock.fileFor(locks, pty.a.toString());
        assertEquals("LCK.." + pty.a.toString().replace('/', '_'), main.getFileName().toString());
        assertEquals(pid, Files.readString(main));
        int minor = Integer.parseInt(pty.a.toRealPath().getFileName().toString());
        Path svr4 = locks.resolve(String.format("LCK.136.%03d", minor));
        assertTrue(Files.isSameFile(main, svr4), "the SVR4 name is a link to the lock: " + lockFiles());

        Gensio second = registry.connector("serialdev(uucplock)," + pty.a);
        Completion refused = new Completion();
        OnLoop.run(second.loop(), () -> second.open(refused));
        assertEquals("serialdev " + pty.a + ": port in use by pid " + ProcessHandle.current().pid() + " (lock file "
                + main + ")", refused.await().getMessage());

        Completion closed = new Completion();
        OnLoop.run(g.loop(), () -> g.close(closed));
        closed.awaitSuccess();
        opened.remove(g);
        assertEquals(List.of(), lockFiles(), "closing removes the lock");
    }

    @Test
    void ptysAreNotLockedByDefaultAndTheSwitchTurnsLockingOff() throws Exception {
        SerialdevPtyTest.open(registry, opened, "serialdev," + pty.a);
        assertEquals(List.of(), lockFiles(), "gensio does not lock ptys unless told to");
        System.setProperty("jser2net.uucplocks", "false");
        Gensio g = registry.connector("serialdev(uucplock)," + pty.b);
        Completion c = new Completion();
        OnLoop.run(g.loop(), () -> g.open(c));
        c.awaitSuccess();
        opened.add(g);
        assertFalse(Files.exists(UucpLock.fileFor(locks, pty.b.toString())));
        assertEquals(List.of(), lockFiles());
    }
}
