package org.jser2net.ser2net.config.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The defaults while a configuration is read, as ser2net keeps them in gensio: one value per name
 * for all classes, and values per class ({@code ser2net} for ser2net's own options, gensio types
 * for layer options). A {@code default:} changes what follows it. Values are checked against the
 * option's type and range and kept in a normal form ({@code true}, {@code 42}).
 */
final class DefaultsTable {

    static final String SER2NET = "ser2net";

    private final Map<String, Optional<String>> base = new HashMap<>();
    private final Map<String, Map<String, Optional<String>>> classes = new TreeMap<>();

    /** The defaults ser2net sets before reading a configuration, at startup and on every reload. */
    static DefaultsTable initial(SystemSettings system) {
        DefaultsTable t = new DefaultsTable();
        t.base.put("authdir", Optional.of(system.authdir()));
        t.base.put("authdir-admin", Optional.of(system.adminAuthdir()));
        t.classValues("ssl").put("key", Optional.of(system.keyfile()));
        t.classValues("ssl").put("cert", Optional.of(system.certfile()));
        t.classValues("tcp").put("tcpd", Optional.of("print"));
        return t;
    }

    /** Sets a default; {@code cls} null sets the value for every class, {@code value} null means none. */
    void set(String cls, String name, String value) {
        OptionSpec spec = spec(name);
        if (spec == null) {
            throw new IllegalArgumentException(unable(cls, name, value) + "there is no default called " + name);
        }
        Optional<String> normal;
        try {
            normal = normalise(spec, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(unable(cls, name, value) + e.getMessage(), e);
        }
        if (cls == null) {
            base.put(name, normal);
        } else {
            classValues(cls).put(name, normal);
        }
    }

    /** Removes a class's default, so the value for every class applies again. */
    void delete(String cls, String name) {
        Map<String, Optional<String>> values = classes.get(cls);
        if (spec(name) == null || values == null || !values.containsKey(name)) {
            throw new IllegalArgumentException("Unable to delete default name " + cls + ":" + name
                    + ": Value or file not found");
        }
        values.remove(name);
    }

    /** The value a ser2net option takes when a connection does not set it, typed; null when none. */
    Object ser2net(String name) {
        OptionSpec spec = OptionTable.get(name);
        Map<String, Optional<String>> own = classes.get(SER2NET);
        Optional<String> v = own != null && own.containsKey(name) ? own.get(name) : base.get(name);
        if (v == null) {
            return spec.builtin();
        }
        return v.map(spec::parse).orElse(null);
    }

    /** The gensio-class defaults now in force, for the layers. */
    GensioDefaults snapshot() {
        Map<String, String> global = new HashMap<>();
        base.forEach((k, v) -> {
            if (GensioDefaultNames.known(k)) {
                global.put(k, v.orElse(null));
            }
        });
        Map<String, Map<String, String>> byClass = new TreeMap<>();
        classes.forEach((cls, values) -> {
            if (!SER2NET.equals(cls)) {
                Map<String, String> m = new HashMap<>();
                values.forEach((k, v) -> m.put(k, v.orElse(null)));
                byClass.put(cls, m);
            }
        });
        return new GensioDefaults(global, byClass);
    }

    private Map<String, Optional<String>> classValues(String cls) {
        return classes.computeIfAbsent(cls, c -> new HashMap<>());
    }

    private static OptionSpec spec(String name) {
        OptionSpec s = OptionTable.get(name);
        return s != null && s.defaultable() ? s : GensioDefaultNames.spec(name);
    }

    private static Optional<String> normalise(OptionSpec spec, String value) {
        switch (spec.kind()) {
            case BOOL:
                if (value == null) {
                    return Optional.of("false");
                }
                try {
                    return Optional.of(Boolean.toString(OptionSpec.parseCNumber(spec.name(), value) != 0));
                } catch (IllegalArgumentException notANumber) {
                    return Optional.of(Boolean.toString(OptionSpec.parseBool(spec.name(), value)));
                }
            case INT:
                long n = value == null ? 0 : OptionSpec.parseCNumber(spec.name(), value);
                return Optional.of(spec.checkRange(n).toString());
            case ENUM:
                if (value == null) {
                    throw new IllegalArgumentException("a value is required");
                }
                return Optional.of((String) spec.parse(value));
            default:
                return Optional.ofNullable(value);
        }
    }

    private static String unable(String cls, String name, String value) {
        return "Unable to set default name " + (cls == null ? "" : cls) + ":" + name + ":"
                + (value == null ? "" : value) + ": ";
    }
}
