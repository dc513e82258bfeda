package org.jser2net.runtime;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Builds the framework properties: {@code conf/framework.properties}, then matching {@code -D}
 * system properties, then what the command line says (the {@code jser2net.*} keys bundles read).
 */
public final class FrameworkProperties {

    /** System property prefixes that are passed on to the framework. */
    static final List<String> PASSED_PREFIXES = List.of("felix.", "org.osgi.", "gosh.", "ds.", "jser2net.");

    private FrameworkProperties() {
    }

    /** Reads {@code file} (if it exists), replacing {@code ${jser2net.home}} with {@code home}. */
    public static Map<String, String> load(Path file, Path home) throws IOException {
        Map<String, String> map = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return map;
        }
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(in);
        }
        for (String key : props.stringPropertyNames()) {
            map.put(key, props.getProperty(key).replace("${jser2net.home}", home.toString()).trim());
        }
        return map;
    }

    /** Adds the -D overrides and everything the options and the configuration source say. */
    public static Map<String, String> complete(Map<String, String> base, Options options,
            Map<String, String> config, String version) {
        Map<String, String> map = new HashMap<>(base);
        for (String key : System.getProperties().stringPropertyNames()) {
            if (PASSED_PREFIXES.stream().anyMatch(key::startsWith)) {
                map.put(key, System.getProperty(key));
            }
        }
        map.putAll(config);
        map.put("jser2net.version", version);
        map.put("jser2net.threads", Integer.toString(options.threads()));
        putIf(map, "jser2net.admin", options.adminPort());
        putIf(map, "jser2net.signature", options.signature());
        if (!options.uucpLocks()) {
            map.put("jser2net.uucplocks", "false");
        }
        if (options.strict()) {
            map.put("jser2net.strict", "true");
        }
        if (options.debug()) {
            map.put("jser2net.debug", "true");
        }
        if (options.shell()) {
            map.put("gosh.args", System.getProperty("gosh.args", ""));
        }
        int verbosity = Math.min(options.verbosity(), 2);
        map.putIfAbsent("felix.log.level", Integer.toString(2 + verbosity));
        if (verbosity > 1) {
            map.put("ds.loglevel", "debug");
        }
        return map;
    }

    private static void putIf(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
