package org.jser2net.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides where the configuration comes from (file, stdin, -C lines, -Y fragments) and turns that
 * into the {@code jser2net.config.*} framework properties; rejects what ser2net rejects at startup.
 */
public final class ConfigSource {

    /** The files tried in order when none of -c, -C, -Y is given. */
    static final List<Path> DEFAULTS = List.of(Path.of("/etc/ser2net/ser2net.yaml"),
            Path.of("/etc/ser2net.yaml"), Path.of("/etc/ser2net.conf"));

    private ConfigSource() {
    }

    /**
     * Returns the configuration properties for {@code options}. {@code demo} is the shipped
     * configuration, used when no default file exists; {@code stdin} is read only for {@code -c -}.
     */
    public static Map<String, String> properties(Options options, List<Path> defaults, Path demo,
            InputStream stdin) throws StartupException {
        Map<String, String> props = new LinkedHashMap<>();
        List<String> lines = options.configLines();
        List<String> yaml = options.yamlFragments();
        for (int i = 0; i < lines.size(); i++) {
            props.put("jser2net.config.conf." + i, lines.get(i));
        }
        for (int i = 0; i < yaml.size(); i++) {
            props.put("jser2net.config.yaml." + i, yaml.get(i));
        }
        String file = options.configFile();
        if ("-".equals(file)) {
            if (!lines.isEmpty()) {
                throw new StartupException("You cannot mix old style config lines and a yaml config file.");
            }
            props.put("jser2net.config.stdin", readStdin(stdin));
            return props;
        }
        Path path;
        if (file != null) {
            path = Path.of(file).toAbsolutePath();
            check(path);
        } else if (!options.configFileSet()) {
            path = defaults.stream().filter(Files::isReadable).findFirst().orElse(null);
            if (path == null) {
                if (demo == null || !Files.isReadable(demo)) {
                    throw new StartupException("Unable to open config file '" + defaults.get(0)
                            + "' or old one '" + defaults.get(defaults.size() - 1)
                            + "': No such file or directory");
                }
                path = demo.toAbsolutePath();
            }
        } else {
            return props;
        }
        boolean isYaml = isYaml(path);
        if (isYaml && !lines.isEmpty()) {
            throw new StartupException("You cannot mix old style config lines and a yaml config file.");
        }
        if (!isYaml && !yaml.isEmpty()) {
            throw new StartupException("You cannot mix yaml config lines and an old style config file.");
        }
        props.put("jser2net.config.file", path.toString());
        return props;
    }

    /** ser2net reads a file as YAML if its name ends in .yaml or its first line starts with %YAML. */
    static boolean isYaml(Path path) throws StartupException {
        if (path.getFileName().toString().endsWith(".yaml")) {
            return true;
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(5);
            return new String(head, StandardCharsets.ISO_8859_1).equals("%YAML");
        } catch (IOException e) {
            throw new StartupException("Unable to open config file '" + path + "': " + reason(e));
        }
    }

    private static void check(Path path) throws StartupException {
        if (Files.isDirectory(path)) {
            throw new StartupException("Unable to open config file '" + path + "': Is a directory");
        }
        try (InputStream in = Files.newInputStream(path)) {
            // readable
        } catch (IOException e) {
            throw new StartupException("Unable to open config file '" + path + "': " + reason(e));
        }
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        return e.getMessage();
    }

    private static String readStdin(InputStream stdin) throws StartupException {
        try {
            return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StartupException("Unable to read the configuration from stdin: " + e.getMessage());
        }
    }
}
