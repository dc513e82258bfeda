package org.jser2net.ser2net.config.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Where the configuration comes from, as the launcher passed it in framework properties: the
 * {@code -c} file (or stdin text), then the {@code -Y} fragments in order.
 */
public final class ConfigSource {

    public static final String FILE = "jser2net.config.file";
    public static final String STDIN = "jser2net.config.stdin";
    public static final String YAML = "jser2net.config.yaml.";
    public static final String STRICT = "jser2net.strict";

    private final UnaryOperator<String> properties;

    /** {@code properties} looks up a framework property, null when unset. */
    public ConfigSource(UnaryOperator<String> properties) {
        this.properties = properties;
    }

    /** The file that a reload re-reads, or null when the configuration is not from a file. */
    public Path file() {
        String f = properties.apply(FILE);
        return f == null || f.isEmpty() ? null : Path.of(f);
    }

    public boolean strict() {
        return Boolean.parseBoolean(properties.apply(STRICT));
    }

    /** Reads every part of the configuration into one model. */
    public Ser2netModel read() {
        List<ConnectionDef> connections = new ArrayList<>();
        List<ConfigException> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Path file = file();
        if (file != null) {
            try {
                add(YamlConfigReader.read(file.toString(), Files.readString(file, StandardCharsets.UTF_8)),
                        connections, errors, warnings);
            } catch (NoSuchFileException e) {
                errors.add(new ConfigException("Unable to open config file '" + file + "': No such file or directory"));
            } catch (IOException e) {
                errors.add(new ConfigException("Unable to open config file '" + file + "': " + e.getMessage(), e));
            }
        }
        String stdin = properties.apply(STDIN);
        if (stdin != null) {
            add(YamlConfigReader.read("<stdin>", stdin), connections, errors, warnings);
        }
        StringBuilder fragments = new StringBuilder();
        for (int i = 0; properties.apply(YAML + i) != null; i++) {
            fragments.append(YamlConfigReader.fragment(properties.apply(YAML + i)));
        }
        if (fragments.length() > 0) {
            add(YamlConfigReader.read("-Y", fragments.toString()), connections, errors, warnings);
        }
        return new Ser2netModel(connections, errors, warnings);
    }

    private static void add(Ser2netModel m, List<ConnectionDef> connections, List<ConfigException> errors,
            List<String> warnings) {
        connections.addAll(m.connections());
        errors.addAll(m.errors());
        warnings.addAll(m.warnings());
    }
}
