package org.jser2net.ser2net.config.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Where the configuration comes from, as the launcher passed it in framework properties: the
 * {@code -C} lines, the {@code -c} file (YAML or old ser2net.conf) or stdin text, then the
 * {@code -Y} fragments in order. All of them are read into one model with shared defines and
 * defaults; every read starts afresh, so a failed read leaves nothing behind.
 */
public final class ConfigSource {

    public static final String FILE = "jser2net.config.file";
    public static final String STDIN = "jser2net.config.stdin";
    public static final String YAML = "jser2net.config.yaml.";
    public static final String CONF = "jser2net.config.conf.";
    public static final String STRICT = "jser2net.strict";
    public static final String WATCH = "jser2net.config.watch";
    public static final String ADMIN = "jser2net.admin";

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

    /** Whether changes to the configuration file trigger a reload ({@code jser2net.config.watch}, default true). */
    public boolean watch() {
        return !"false".equalsIgnoreCase(properties.apply(WATCH));
    }

    /** What configurations made from this source are marked with ({@code jser2net.source}). */
    public String label() {
        Path f = file();
        return f != null ? f.toString() : properties.apply(STDIN) != null ? "<stdin>"
                : properties.apply(CONF + 0) != null ? "-C" : "-Y";
    }

    /** Reads every part of the configuration into one model. */
    public Ser2netModel read() {
        ModelBuilder model = new ModelBuilder(SystemSettings.from(properties), properties.apply(ADMIN));
        OldConfigReader old = new OldConfigReader(model);
        for (int i = 0; properties.apply(CONF + i) != null; i++) {
            old.line(properties.apply(CONF + i), "-C #" + (i + 1));
        }
        Path file = file();
        if (file != null) {
            readFile(model, old, file);
        }
        String stdin = properties.apply(STDIN);
        if (stdin != null) {
            YamlConfigReader.read(model, "<stdin>", null, stdin);
        }
        StringBuilder fragments = new StringBuilder();
        for (int i = 0; properties.apply(YAML + i) != null; i++) {
            fragments.append(YamlConfigReader.fragment(properties.apply(YAML + i)));
        }
        if (fragments.length() > 0) {
            YamlConfigReader.read(model, "-Y", null, fragments.toString());
        }
        return model.build();
    }

    private static void readFile(ModelBuilder model, OldConfigReader old, Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            model.error("Unable to open config file '" + file + "'", "No such file or directory");
            return;
        } catch (AccessDeniedException e) {
            model.error("Unable to open config file '" + file + "'", "Permission denied");
            return;
        } catch (IOException e) {
            model.error("Unable to open config file '" + file + "'", String.valueOf(e.getMessage()));
            return;
        }
        model.file(file);
        if (isYaml(file, text)) {
            YamlConfigReader.read(model, file.toString(), file, text);
        } else {
            model.warning(file.toString(), "Using old config file format, this will go away soon."
                    + "  Please switch to the yaml-based format.");
            old.readFile(file.toString(), text);
        }
    }

    /** ser2net reads a file as YAML if its name ends in .yaml or its first line starts with %YAML. */
    static boolean isYaml(Path file, String text) {
        return file.getFileName().toString().endsWith(".yaml") || text.startsWith("%YAML");
    }
}
