package org.jser2net.ser2net.config.internal;

import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingEndEvent;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceEndEvent;

/**
 * Reads ser2net.yaml from parser events, as ser2net does: top-level keys repeat, a connection's name
 * is its anchor, keys are case-insensitive. A bad connection is reported and skipped; the rest is kept.
 */
public final class YamlConfigReader {

    private final String source;
    private final List<ConnectionDef> connections = new ArrayList<>();
    private final List<ConfigException> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private Iterator<Event> events;
    private Event current;

    private YamlConfigReader(String source) {
        this.source = source;
    }

    /** Reads {@code text}; {@code source} names it in messages (a file name, or "-Y"). */
    public static Ser2netModel read(String source, String text) {
        return read(source, new StringReader(text));
    }

    public static Ser2netModel read(String source, Reader in) {
        YamlConfigReader r = new YamlConfigReader(source);
        r.parse(in);
        return new Ser2netModel(r.connections, r.errors, r.warnings);
    }

    /** Turns ser2net's {@code -Y} fragment into YAML: {@code #} outside quotes becomes a newline. */
    public static String fragment(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 1);
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < text.length()) {
                    sb.append(c);
                    c = text.charAt(++i);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#') {
                c = '\n';
            }
            sb.append(c);
        }
        return sb.append('\n').toString();
    }

    private void parse(Reader in) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        try {
            events = new Yaml(options).parse(in).iterator();
            while (next() != null) {
                if (current instanceof MappingStartEvent) {
                    topLevel();
                }
            }
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark();
            errors.add(new ConfigException(source, m.getLine() + 1, m.getColumn() + 1,
                    e.getProblem() == null ? e.getMessage() : e.getProblem()));
        } catch (RuntimeException e) {
            errors.add(new ConfigException(source + ": " + e.getMessage(), e));
        }
    }

    private Event next() {
        current = events.hasNext() ? events.next() : null;
        return current;
    }

    private void topLevel() {
        while (!(next() instanceof MappingEndEvent)) {
            if (current == null) {
                return;
            }
            Event keyEvent = current;
            String key = scalarKey();
            next();
            if ("connection".equals(key)) {
                connection(keyEvent);
            } else {
                error(keyEvent, key == null ? "Top-level keys must be plain words" : "Unknown top-level key: " + key
                        + " (not supported by this version of jser2net yet)");
                skipNode();
            }
        }
    }

    private void connection(Event keyEvent) {
        if (!(current instanceof MappingStartEvent)) {
            error(current, "A connection must be a map with accepter and connector");
            skipNode();
            return;
        }
        String name = ((MappingStartEvent) current).getAnchor();
        String where = location(keyEvent);
        if (name == null) {
            error(keyEvent, "A connection needs a name: write 'connection: &name'");
            skipNode();
            return;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, Object> opts = new LinkedHashMap<>();
        boolean ok = true;
        while (!(next() instanceof MappingEndEvent)) {
            Event k = current;
            String key = scalarKey();
            next();
            if ("options".equals(key)) {
                ok &= options(name, opts);
            } else if (key != null && List.of("accepter", "connector", "enable").contains(key)
                    && current instanceof ScalarEvent) {
                fields.put(key, ((ScalarEvent) current).getValue());
            } else {
                error(k, "Invalid token in the connection " + name + ": " + key);
                skipNode();
                ok = false;
            }
        }
        for (String required : List.of("accepter", "connector")) {
            if (ok && !fields.containsKey(required)) {
                error(keyEvent, "No " + required + " given in connection " + name);
                ok = false;
            }
        }
        if (!ok) {
            return;
        }
        boolean enable = true;
        if (fields.containsKey("enable")) {
            try {
                enable = ConnectionOptions.bool("enable", fields.get("enable"));
            } catch (IllegalArgumentException e) {
                error(keyEvent, "connection " + name + ": " + e.getMessage());
                return;
            }
        }
        connections.add(new ConnectionDef(name, fields.get("accepter"), fields.get("connector"), enable,
                opts, where));
    }

    private boolean options(String name, Map<String, Object> opts) {
        if (!(current instanceof MappingStartEvent)) {
            error(current, "options of connection " + name + " must be a map");
            skipNode();
            return false;
        }
        boolean ok = true;
        while (!(next() instanceof MappingEndEvent)) {
            Event k = current;
            String key = scalarKey();
            next();
            if (key == null || !(current instanceof ScalarEvent)) {
                error(k, "Invalid option in connection " + name);
                skipNode();
                ok = false;
                continue;
            }
            if (ConnectionOptions.notYetImplemented(key)) {
                warnings.add(location(k) + ": option " + key + " of connection " + name
                        + " is not implemented in this version of jser2net and is ignored");
                continue;
            }
            try {
                opts.put(key, ConnectionOptions.convert(key, ((ScalarEvent) current).getValue()));
            } catch (IllegalArgumentException e) {
                error(k, e.getMessage());
                ok = false;
            }
        }
        return ok;
    }

    /** The current event as a lower-cased key, or null if it is not a scalar. */
    private String scalarKey() {
        if (current instanceof ScalarEvent) {
            return ((ScalarEvent) current).getValue().toLowerCase(Locale.ROOT);
        }
        if (!(current instanceof AliasEvent)) {
            skipNode();
        }
        return null;
    }

    /** Skips the node that starts at the current event. */
    private void skipNode() {
        if (!(current instanceof CollectionStartEvent)) {
            return;
        }
        int depth = 1;
        while (depth > 0 && next() != null) {
            if (current instanceof CollectionStartEvent) {
                depth++;
            } else if (current instanceof MappingEndEvent || current instanceof SequenceEndEvent) {
                depth--;
            }
        }
    }

    private String location(Event e) {
        Mark m = e == null ? null : e.getStartMark();
        return m == null ? source : source + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1);
    }

    private void error(Event e, String problem) {
        Mark m = e == null ? null : e.getStartMark();
        errors.add(m == null ? new ConfigException(source + ": " + problem)
                : new ConfigException(source, m.getLine() + 1, m.getColumn() + 1, problem));
    }
}
