package org.jser2net.ser2net.config.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watcher calls back when a watched file is written or replaced. */
class ConfigWatcherTest {

    @TempDir
    Path dir;

    @Test
    void writingOrReplacingAWatchedFileCallsBack() throws Exception {
        Path f = Configs.write(dir, "ser2net.yaml", "define: &a 1");
        Path included = Configs.write(dir, "inc/more.yaml", "define: &b 1");
        Semaphore changes = new Semaphore(0);
        try (ConfigWatcher w = new ConfigWatcher(changes::release, 50)) {
            w.watch(Set.of(f, included));
            Files.writeString(f, "define: &a 2\n");
            assertTrue(changes.tryAcquire(10, TimeUnit.SECONDS), "no callback after writing the file");
            Path tmp = Configs.write(dir, "inc/.more.yaml.swp", "define: &b 2");
            Files.move(tmp, included, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            assertTrue(changes.tryAcquire(10, TimeUnit.SECONDS), "no callback after replacing an included file");
        }
    }
}
