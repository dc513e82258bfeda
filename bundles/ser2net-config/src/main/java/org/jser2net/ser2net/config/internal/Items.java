package org.jser2net.ser2net.config.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jser2net.ser2net.config.internal.YamlItemReader.Body;

/** The keys each kind of YAML item may have, and how a body read from YAML becomes part of the model. */
final class Items {

    private static final Map<String, Set<String>> KEYS = Map.of(
            "connection", Set.of("accepter", "connector", "timeout", "enable", "options"),
            "rotator", Set.of("accepter", "connections", "options"),
            "led", Set.of("driver", "options"),
            "admin", Set.of("accepter", "options"),
            "default", Set.of("name", "value", "class"),
            "deldefault", Set.of("name", "class"),
            "defaults", Set.of("value", "class"));

    private Items() {
    }

    /** The keys of item kind {@code map} (a version 2 section uses its singular kind). */
    static Set<String> keys(String map) {
        return KEYS.get(map);
    }

    /** Adds the item that {@code body} describes; {@code where} is the location of its key. */
    static void build(ModelBuilder model, String map, String name, Body body, String where) {
        Map<String, String> f = body.fields();
        String what = name == null ? map : map + " " + name;
        switch (map) {
            case "connection":
                connection(model, name, body, where, what);
                break;
            case "rotator":
                if (require(model, f, "accepter", what, where)) {
                    if (body.list().isEmpty()) {
                        model.error(where, "No connections given in " + what);
                    } else {
                        model.rotator(name, f.get("accepter"), body.list(), body.options(), where);
                    }
                }
                break;
            case "led":
                if (require(model, f, "driver", what, where)) {
                    model.led(name, f.get("driver"), body.options(), where);
                }
                break;
            case "admin":
                if (require(model, f, "accepter", what, where)) {
                    model.admin(name, f.get("accepter"), body.options(), where);
                }
                break;
            case "default":
                if (require(model, f, "name", what, where)) {
                    model.setDefault(f.get("class"), f.get("name"), f.get("value"), where);
                }
                break;
            case "deldefault":
                if (require(model, f, "name", what, where) && require(model, f, "class", what, where)) {
                    model.deleteDefault(f.get("class"), f.get("name"), where);
                }
                break;
            default:
                throw new IllegalArgumentException(map);
        }
    }

    private static void connection(ModelBuilder model, String name, Body body, String where, String what) {
        Map<String, String> f = body.fields();
        if (!require(model, f, "accepter", what, where) || !require(model, f, "connector", what, where)) {
            return;
        }
        int timeout = 0;
        if (f.containsKey("timeout")) {
            try {
                timeout = OptionSpec.integer("timeout", 0, Integer.MAX_VALUE, 0, false)
                        .checkRange(OptionSpec.parseCNumber("timeout", f.get("timeout")));
            } catch (IllegalArgumentException e) {
                model.error(where, "Invalid number in connection timeout of " + name + ": " + f.get("timeout"));
                return;
            }
        }
        boolean enable = true;
        if (f.containsKey("enable")) {
            switch (f.get("enable").toLowerCase(Locale.ROOT)) {
                case "on": case "true": case "yes": case "1":
                    break;
                case "off": case "false": case "no": case "0":
                    enable = false;
                    break;
                default:
                    model.error(where, "enable must be 'on' or 'off' in connection " + name + ", not "
                            + f.get("enable"));
                    return;
            }
        }
        model.connection(new ModelBuilder.ConnectionInput(name, f.get("accepter"), f.get("connector"), enable,
                timeout, body.options(), where, false, false, false));
    }

    private static boolean require(ModelBuilder model, Map<String, String> fields, String key, String what,
            String where) {
        if (fields.containsKey(key)) {
            return true;
        }
        model.error(where, "No " + key + " given in " + what);
        return false;
    }

    /** The classes listed for a version 2 delete_defaults entry. */
    static void deleteDefaults(ModelBuilder model, String name, List<String> classes, String where) {
        if (classes.isEmpty()) {
            model.error(where, "No class(es) given in delete_defaults " + name);
        }
        for (String cls : classes) {
            model.deleteDefault(cls, name, where);
        }
    }
}
