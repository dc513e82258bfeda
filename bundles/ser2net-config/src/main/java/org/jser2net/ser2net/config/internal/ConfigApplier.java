package org.jser2net.ser2net.config.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the configuration and applies it: the gensio defaults first, then the configurations.
 * At startup what parsed is applied; a reload is all or nothing, so one with any error changes
 * nothing.
 */
final class ConfigApplier {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigApplier.class);

    private final ConfigSource source;
    private final ConfigAdminMapper mapper;
    private final DefaultsService defaults;
    private final Runnable defaultsChanged;
    private volatile Set<Path> files = Set.of();

    ConfigApplier(ConfigSource source, ConfigAdminMapper mapper, DefaultsService defaults, Runnable defaultsChanged) {
        this.source = source;
        this.mapper = mapper;
        this.defaults = defaults;
        this.defaultsChanged = defaultsChanged;
    }

    /** Reads the configuration and logs its warnings and errors. */
    Ser2netModel read() {
        Ser2netModel model = source.read();
        files = model.files();
        model.warnings().forEach(w -> LOG.warn("{}", w));
        model.errors().forEach(e -> LOG.error("{}", e.getMessage()));
        return model;
    }

    /** The files the last read looked at: the configuration, its includes and its *{file}s. */
    Set<Path> files() {
        return files;
    }

    /** Applies {@code model}, errors or not (startup); returns the plans carried out. */
    Map<String, MappingPlan> apply(Ser2netModel model) throws IOException {
        if (defaults.set(model.defaults())) {
            defaultsChanged.run();
        }
        return mapper.apply(model, source.label());
    }

    /** Reload: reads again and applies only a configuration without errors; true if applied. */
    boolean reload() {
        Ser2netModel model = read();
        if (!model.errors().isEmpty()) {
            LOG.error("reload failed, configuration unchanged: {}",
                    model.errors().stream().map(Throwable::getMessage).collect(Collectors.joining("; ")));
            return false;
        }
        try {
            apply(model);
            LOG.info("configuration reloaded");
            return true;
        } catch (IOException e) {
            LOG.error("reload failed, cannot store the configuration: {}", e.getMessage(), e);
            return false;
        }
    }
}
