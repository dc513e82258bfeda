package org.jser2net.ser2net.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Test helpers: write configuration files and read them the way the component does. */
final class Configs {

    private Configs() {
    }

    static Path write(Path dir, String name, String... lines) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return p;
    }

    /** Reads {@code file} as {@code -c file} would. */
    static Ser2netModel read(Path file) {
        return source(Map.of(ConfigSource.FILE, file.toString())).read();
    }

    static ConfigSource source(Map<String, String> properties) {
        Map<String, String> p = new HashMap<>(properties);
        return new ConfigSource(p::get);
    }

    /** Reads YAML text alone. */
    static Ser2netModel yaml(String... lines) {
        return YamlConfigReader.read("t.yaml", String.join("\n", lines) + "\n");
    }

    static List<String> errors(Ser2netModel m) {
        return m.errors().stream().map(Throwable::getMessage).collect(Collectors.toList());
    }

    static void assertNoErrors(Ser2netModel m) {
        assertEquals(List.of(), errors(m));
    }

    static ConnectionDef connection(Ser2netModel m, String name) {
        return m.connections().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no connection " + name + " in " + m.connections()
                        + " errors " + errors(m)));
    }

    static List<String> names(Ser2netModel m) {
        return m.connections().stream().map(ConnectionDef::name).collect(Collectors.toList());
    }
}
