package org.jser2net.ser2net.config.internal;

import java.util.ArrayList;
import java.util.List;

import org.jser2net.ser2net.config.internal.YamlItemReader.Body;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingEndEvent;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceEndEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;

/**
 * The sections of a version 2 (standard YAML) ser2net.yaml: {@code defines}, {@code defaults},
 * {@code delete_defaults}, {@code connections}, {@code rotators}, {@code leds}, {@code admins},
 * each a map from a name to what version 1 writes under {@code define:}, {@code connection: &name}...
 */
final class V2Sections {

    private final EventCursor cursor;
    private final ModelBuilder model;
    private final YamlItemReader items;

    V2Sections(EventCursor cursor, ModelBuilder model, YamlItemReader items) {
        this.cursor = cursor;
        this.model = model;
        this.items = items;
    }

    /** Reads section {@code key}, whose value starts at the current event. */
    void section(String key) {
        if (!(cursor.current() instanceof MappingStartEvent)) {
            model.error(cursor.where(cursor.current()), "The " + key + " section must be a map of name: entries");
            cursor.skipNode();
            return;
        }
        while (!(cursor.next() instanceof MappingEndEvent)) {
            Event k = cursor.current();
            String name = items.scalar("A name in " + key);
            cursor.next();
            if (name == null) {
                cursor.skipNode();
                continue;
            }
            String where = cursor.where(k);
            switch (key) {
                case "defines":
                    define(name);
                    break;
                case "delete_defaults":
                    Items.deleteDefaults(model, name, classes(name), where);
                    break;
                case "defaults":
                    Body d = items.body("defaults", name, Items.keys("defaults"));
                    if (d.ok() && !d.fields().containsKey("value")) {
                        model.error(where, "No value given in default " + name);
                    } else if (d.ok()) {
                        model.setDefault(d.fields().get("class"), name, d.fields().get("value"), where);
                    }
                    break;
                default:
                    String map = key.substring(0, key.length() - 1);
                    Body body = items.body(map, name, Items.keys(map));
                    if (body.ok()) {
                        Items.build(model, map, name, body, where);
                    }
            }
        }
    }

    private void define(String name) {
        Event e = cursor.current();
        String anchor = e instanceof ScalarEvent ? ((ScalarEvent) e).getAnchor() : null;
        String value = items.defineValue("define " + name);
        if (value != null) {
            model.aliases.put(name, value);
            if (anchor != null) {
                model.aliases.put(anchor, value);
            }
        }
    }

    private List<String> classes(String name) {
        List<String> out = new ArrayList<>();
        if (!(cursor.current() instanceof SequenceStartEvent)) {
            String one = items.scalar("The classes of delete_defaults " + name);
            if (one != null) {
                out.add(one);
            }
            return out;
        }
        while (!(cursor.next() instanceof SequenceEndEvent)) {
            String cls = items.scalar("A class of delete_defaults " + name);
            if (cls != null) {
                out.add(cls);
            }
        }
        return out;
    }
}
