package org.jser2net.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the configuration comes from, and the startup errors ser2net gives about it. */
class ConfigSourceTest {

    @TempDir
    Path dir;

    private static final InputStream NO_STDIN = new ByteArrayInputStream(new byte[0]);

    private Map<String, String> props(List<Path> defaults, Path demo, String... args) throws Exception {
        return ConfigSource.properties(ArgumentParser.parse(List.of(args)), defaults, demo, NO_STDIN);
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void explicitFileIsAbsolute() throws Exception {
        Path f = file("a.yaml", "connection: &a\n");
        Map<String, String> p = props(List.of(), null, "-c", f.toString());
        assertEquals(Map.of("jser2net.config.file", f.toString()), p);
    }

    @Test
    void defaultsAreTriedInOrderThenTheDemo() throws Exception {
        Path first = dir.resolve("missing.yaml");
        Path second = file("second.yaml", "x");
        Path demo = file("demo.yaml", "x");
        assertEquals(second.toString(), props(List.of(first, second), demo).get("jser2net.config.file"));
        assertEquals(demo.toString(), props(List.of(first), demo).get("jser2net.config.file"));
        StartupException e = assertThrows(StartupException.class, () -> props(List.of(first, first), null));
        assertTrue(e.getMessage().startsWith("Unable to open config file '" + first + "' or old one"));
    }

    @Test
    void linesAndFragmentsOnlyMeanNoFile() throws Exception {
        Path demo = file("demo.yaml", "x");
        Map<String, String> y = props(List.of(), demo, "-Y", "a: 1#b: 2", "-Y", "c");
        assertEquals(Map.of("jser2net.config.yaml.0", "a: 1#b: 2", "jser2net.config.yaml.1", "c"), y);
        Map<String, String> c = props(List.of(), demo, "-C", "l0", "-C", "l1");
        assertEquals(Map.of("jser2net.config.conf.0", "l0", "jser2net.config.conf.1", "l1"), c);
    }

    @Test
    void stdinIsReadForDashC() throws Exception {
        Options o = ArgumentParser.parse(List.of("-Y", "more: 1", "-c", "-"));
        InputStream in = new ByteArrayInputStream("connection: &s\n".getBytes(StandardCharsets.UTF_8));
        Map<String, String> p = ConfigSource.properties(o, List.of(), null, in);
        assertEquals("connection: &s\n", p.get("jser2net.config.stdin"));
        assertEquals("more: 1", p.get("jser2net.config.yaml.0"));
        assertFalse(p.containsKey("jser2net.config.file"));
    }

    @Test
    void yamlIsDetectedByNameOrFirstLine() throws Exception {
        assertTrue(ConfigSource.isYaml(file("x.yaml", "port: 1")));
        assertTrue(ConfigSource.isYaml(file("x.conf", "%YAML 1.1\n---\n")));
        assertFalse(ConfigSource.isYaml(file("y.conf", "2000:raw:0:/dev/ttyS0:9600\n")));
        assertFalse(ConfigSource.isYaml(file("x.yml", "")));
    }

    @Test
    void fileTypeMustMatchTheLines() throws Exception {
        Path yaml = file("a.yaml", "x");
        Path old = file("a.conf", "2000:raw:0:/dev/ttyS0\n");
        assertEquals("You cannot mix old style config lines and a yaml config file.", assertThrows(
                StartupException.class, () -> props(List.of(), null, "-C", "x", "-c", yaml.toString()))
                .getMessage());
        assertEquals("You cannot mix yaml config lines and an old style config file.", assertThrows(
                StartupException.class, () -> props(List.of(), null, "-Y", "x", "-c", old.toString()))
                .getMessage());
        assertEquals("You cannot mix old style config lines and a yaml config file.", assertThrows(
                StartupException.class, () -> props(List.of(), null, "-C", "x", "-c", "-")).getMessage());
        Map<String, String> ok = props(List.of(), null, "-C", "x", "-c", old.toString());
        assertEquals(old.toString(), ok.get("jser2net.config.file"));
        assertEquals("x", ok.get("jser2net.config.conf.0"));
    }

    @Test
    void unreadableFilesAreReported() {
        StartupException dirErr = assertThrows(StartupException.class,
                () -> props(List.of(), null, "-c", dir.toString()));
        assertEquals("Unable to open config file '" + dir + "': Is a directory", dirErr.getMessage());
    }
}
