package org.jser2net.ser2net.config.internal;

import java.util.List;

/** Everything a configuration asks for, and the problems found reading it. */
public record Ser2netModel(List<ConnectionDef> connections, List<ConfigException> errors,
        List<String> warnings) {

    public Ser2netModel {
        connections = List.copyOf(connections);
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }
}
