package org.jser2net.ser2net.config.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;

import org.jser2net.ser2net.config.internal.ModelBuilder.RawOption;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingEndEvent;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceEndEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;

/**
 * Reads the scalars and the bodies (the maps of a connection, rotator, LED, admin port or default)
 * of a ser2net YAML file, expanding aliases and substitutions, and reporting what is wrong with
 * its location. A body with an error is read to its end, so the next item is read normally.
 */
final class YamlItemReader {

    /** A body's keys with their values, its options, and its list (a rotator's connections). */
    record Body(Map<String, String> fields, List<RawOption> options, List<String> list, boolean ok) {
    }

    private final EventCursor cursor;
    private final ModelBuilder model;
    private final ScalarExpander expander;
    private final Path base;
    private final IntSupplier version;

    YamlItemReader(EventCursor cursor, ModelBuilder model, Path base, IntSupplier version) {
        this.cursor = cursor;
        this.model = model;
        this.expander = new ScalarExpander(model.aliases, model.fileContents);
        this.base = base;
        this.version = version;
    }

    /**
     * The text of the scalar or alias at the current event, expanded; null (with the error
     * reported, and a collection skipped) when it is something else or cannot be expanded.
     */
    String scalar(String what) {
        Event e = cursor.current();
        if (e instanceof ScalarEvent && ((ScalarEvent) e).getAnchor() != null) {
            model.warning(cursor.where(e), "Anchor on non-scalar ignored: &" + ((ScalarEvent) e).getAnchor()
                    + " names nothing here (anchors name connections, rotators, LEDs and defines)");
        }
        return value(what);
    }

    /** Like {@link #scalar}, for a define, whose anchor is its name. */
    String defineValue(String what) {
        return value(what);
    }

    private String value(String what) {
        Event e = cursor.current();
        if (e instanceof AliasEvent) {
            String anchor = ((AliasEvent) e).getAnchor();
            String value = model.aliases.get(anchor);
            if (value == null) {
                model.error(cursor.where(e), "Unable to find alias '" + anchor + "'");
            }
            return value;
        }
        if (!(e instanceof ScalarEvent)) {
            model.error(cursor.where(e), what + " must be a single value, not a "
                    + (e instanceof SequenceStartEvent ? "list" : "map"));
            cursor.skipNode();
            return null;
        }
        try {
            return expander.expand(((ScalarEvent) e).getValue(), version.getAsInt() == 1 ? '*' : '=', base);
        } catch (IllegalArgumentException ex) {
            model.error(cursor.where(e), ex.getMessage());
            return null;
        }
    }

    /** A key at the current event, expanded and lower-cased; null when it is not a scalar. */
    String key(String where) {
        String k = scalar(where);
        return k == null ? null : k.toLowerCase(Locale.ROOT);
    }

    /**
     * Reads the body that starts at the current event; {@code map} and {@code name} name it in
     * messages ({@code connection con1}), {@code keys} are the keys it may have.
     */
    Body body(String map, String name, Set<String> keys) {
        String what = name == null ? map : map + " " + name;
        Map<String, String> fields = new HashMap<>();
        List<RawOption> options = new ArrayList<>();
        List<String> list = new ArrayList<>();
        if (!(cursor.current() instanceof MappingStartEvent)) {
            model.error(cursor.where(cursor.current()), "The " + what + " must be a map of keys such as accepter:");
            cursor.skipNode();
            return new Body(fields, options, list, false);
        }
        boolean ok = true;
        while (!(cursor.next() instanceof MappingEndEvent)) {
            Event k = cursor.current();
            String key = key("A key in the " + what);
            cursor.next();
            if (key == null || !keys.contains(key)) {
                if (key != null) {
                    model.error(cursor.where(k), "Invalid token in the " + what + ": " + key);
                }
                cursor.skipNode();
                ok = false;
            } else if (key.equals("options")) {
                ok &= options(what, options);
            } else if (key.equals("connections")) {
                ok &= list(what, list);
            } else {
                String value = scalar(what + " " + key);
                if (value == null) {
                    ok = false;
                } else if (value.isEmpty()) {
                    model.error(cursor.where(k), "Empty " + map + " " + key + " not permitted");
                    ok = false;
                } else if (fields.putIfAbsent(key, value) != null) {
                    model.error(cursor.where(k), map + " " + key + " already set in " + what);
                    ok = false;
                }
            }
        }
        return new Body(fields, options, list, ok);
    }

    private boolean options(String what, List<RawOption> out) {
        Event start = cursor.current();
        if (start instanceof ScalarEvent && ((ScalarEvent) start).getValue().isEmpty()) {
            return true;
        }
        if (!(start instanceof MappingStartEvent)) {
            model.error(cursor.where(start), "The options of the " + what + " must be a map of name: value");
            cursor.skipNode();
            return false;
        }
        boolean ok = true;
        while (!(cursor.next() instanceof MappingEndEvent)) {
            Event k = cursor.current();
            String name = scalar("An option name");
            cursor.next();
            String value = scalar("Option " + name + " of the " + what);
            if (name == null || value == null) {
                ok = false;
            } else {
                out.add(new RawOption(name, value.isEmpty() ? null : value, cursor.where(k)));
            }
        }
        return ok;
    }

    private boolean list(String what, List<String> out) {
        if (!(cursor.current() instanceof SequenceStartEvent)) {
            model.error(cursor.where(cursor.current()), "The connections of the " + what
                    + " must be a list, like [ *con1, *con2 ]");
            cursor.skipNode();
            return false;
        }
        boolean ok = true;
        while (!(cursor.next() instanceof SequenceEndEvent)) {
            String item = scalar("A connection of the " + what);
            if (item == null) {
                ok = false;
            } else {
                out.add(item);
            }
        }
        return ok;
    }
}
