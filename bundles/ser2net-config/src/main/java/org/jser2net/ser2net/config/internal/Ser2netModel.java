package org.jser2net.ser2net.config.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Everything a configuration asks for (connections, rotators, the admin port, LEDs and the gensio
 * defaults), the files it was read from, and the problems found reading it.
 */
public record Ser2netModel(List<ConnectionDef> connections, List<RotatorDef> rotators, AdminDef admin,
        List<LedDef> leds, GensioDefaults defaults, Set<Path> files, List<ConfigException> errors,
        List<String> warnings) {

    public Ser2netModel {
        connections = List.copyOf(connections);
        rotators = List.copyOf(rotators);
        leds = List.copyOf(leds);
        files = Set.copyOf(files);
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }
}
