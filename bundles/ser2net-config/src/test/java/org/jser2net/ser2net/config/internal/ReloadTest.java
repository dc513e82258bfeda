package org.jser2net.ser2net.config.internal;

import static org.jser2net.ser2net.config.internal.ConfigAdminMapper.ADMIN_PID;
import static org.jser2net.ser2net.config.internal.ConfigAdminMapper.CONNECTION_PID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Startup and reload through ConfigApplier, against files on disk and an in-memory ConfigAdmin. */
class ReloadTest {

    @TempDir
    Path dir;

    private final MemoryConfigStore store = new MemoryConfigStore();
    private final DefaultsService defaults = new DefaultsService();
    private final AtomicInteger defaultsChanges = new AtomicInteger();
    private Path file;
    private ConfigApplier applier;

    @BeforeEach
    void start() throws Exception {
        file = Configs.write(dir, "ser2net.yaml", "connection: &a", "  accepter: tcp,3001", "  connector: echo",
                "admin:", "  accepter: tcp,3999");
        ConfigSource source = Configs.source(Map.of(ConfigSource.FILE, file.toString(), ConfigSource.ADMIN,
                "tcp,127.0.0.1,3400"));
        applier = new ConfigApplier(source, new ConfigAdminMapper(store), defaults, defaultsChanges::incrementAndGet);
        applier.apply(applier.read());
    }

    @Test
    void aReloadWithAnErrorChangesNothingAndLeavesNothingBehind() throws Exception {
        store.writes.clear();
        Configs.write(dir, "ser2net.yaml", "connection: &a", "  accepter: tcp,4001", "  connector: echo",
                "connection: &b", "  accepter: tcp,3002", "  connector: echo", "  options: {bogus: 1}");
        assertFalse(applier.reload());
        assertEquals(List.of(), store.writes);
        assertEquals("tcp,3001", store.get(CONNECTION_PID, "a").get("accepter"));
        Configs.write(dir, "ser2net.yaml", "connection: &a", "  accepter: tcp,4001", "  connector: echo",
                "connection: &b", "  accepter: tcp,3002", "  connector: echo");
        assertTrue(applier.reload(), "no 'Duplicate connection name' left over from the failed reload");
        assertEquals("tcp,4001", store.get(CONNECTION_PID, "a").get("accepter"));
        assertEquals("tcp,3002", store.get(CONNECTION_PID, "b").get("accepter"));
    }

    @Test
    void theCommandLineAdminPortSurvivesReloads() throws Exception {
        assertEquals("tcp,127.0.0.1,3400", store.get(ADMIN_PID, "admin").get("accepter"));
        assertEquals("-p", store.get(ADMIN_PID, "admin").get(ConfigAdminMapper.SOURCE));
        store.writes.clear();
        Configs.write(dir, "ser2net.yaml", "connection: &a", "  accepter: tcp,3001", "  connector: echo");
        assertTrue(applier.reload());
        assertEquals(List.of(), store.writes);
        assertEquals("tcp,127.0.0.1,3400", store.get(ADMIN_PID, "admin").get("accepter"));
    }

    @Test
    void defaultsAreReplacedOnReloadAndARemovedDefaultGoesAway() throws Exception {
        assertEquals(Optional.of("print"), defaults.value("tcp", "tcpd"));
        int before = defaultsChanges.get();
        Configs.write(dir, "ser2net.yaml", "default: {name: speed, value: 115200, class: serialdev}",
                "connection: &a", "  accepter: tcp,3001", "  connector: echo");
        assertTrue(applier.reload());
        assertEquals(Optional.of("115200"), defaults.value("serialdev", "speed"));
        assertEquals(before + 1, defaultsChanges.get());
        assertTrue(applier.reload());
        assertEquals(before + 1, defaultsChanges.get(), "the same defaults are not published again");
        Configs.write(dir, "ser2net.yaml", "connection: &a", "  accepter: tcp,3001", "  connector: echo");
        assertTrue(applier.reload());
        assertEquals(Optional.empty(), defaults.value("serialdev", "speed"));
    }

    @Test
    void aMissingFileIsAnError() throws Exception {
        java.nio.file.Files.delete(file);
        assertFalse(applier.reload());
        assertEquals("tcp,3001", store.get(CONNECTION_PID, "a").get("accepter"));
        Ser2netModel m = applier.read();
        assertEquals("Unable to open config file '" + file + "': No such file or directory",
                m.errors().get(0).getMessage());
        assertNull(store.get(CONNECTION_PID, "b"));
    }
}
