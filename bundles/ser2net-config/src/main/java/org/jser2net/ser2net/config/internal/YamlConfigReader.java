package org.jser2net.ser2net.config.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.jser2net.ser2net.config.internal.YamlItemReader.Body;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingEndEvent;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Reads ser2net.yaml from parser events, as ser2net does: top-level keys repeat, names are
 * anchors, aliases expand as text, keys are case-insensitive, {@code include:} reads more files in
 * the same context. Both formats are read: version 1 ({@code connection: &name}) and the standard
 * YAML version 2 of ser2net 4.6 ({@code connections: {name: ...}}); the first key decides. A bad
 * item is reported and skipped; the rest is kept.
 */
public final class YamlConfigReader {

    private static final Set<String> V1 = Set.of("define", "default", "delete_default", "connection", "rotator",
            "led", "admin");
    private static final Set<String> V2 = Set.of("defines", "defaults", "delete_defaults", "admins", "leds",
            "connections", "rotators");
    private static final int MAX_INCLUDE_DEPTH = 100;

    /** What one file and the files it includes share: the format version and the include depth. */
    static final class Session {
        int version;
        int depth;
    }

    private final ModelBuilder model;
    private final String source;
    private final Path file;
    private final Session session;
    private EventCursor cursor;
    private YamlItemReader items;
    private V2Sections v2;

    private YamlConfigReader(ModelBuilder model, String source, Path file, Session session) {
        this.model = model;
        this.source = source;
        this.file = file;
        this.session = session;
    }

    /** Reads {@code text}; {@code source} names it in messages (a file name, {@code -Y}, {@code <stdin>}). */
    static void read(ModelBuilder model, String source, Path file, String text) {
        new YamlConfigReader(model, source, file, new Session()).parse(new StringReader(text));
    }

    /** Reads {@code text} alone into a model (for tests and tools). */
    public static Ser2netModel read(String source, String text) {
        ModelBuilder m = new ModelBuilder(SystemSettings.DEFAULT, null);
        read(m, source, null, text);
        return m.build();
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
        try {
            cursor = new EventCursor(source, new Yaml(new LoaderOptions()).parse(in).iterator());
            items = new YamlItemReader(cursor, model, file == null ? null : file.toAbsolutePath().getParent(),
                    () -> session.version);
            v2 = new V2Sections(cursor, model, items);
            boolean any = false;
            while (cursor.next() != null) {
                Event e = cursor.current();
                if (e instanceof MappingStartEvent) {
                    any = true;
                    topLevel();
                } else if (e instanceof ScalarEvent || e instanceof org.yaml.snakeyaml.events.CollectionStartEvent) {
                    any = true;
                    model.error(cursor.where(e), "The configuration must be a map of keys such as connection:");
                    cursor.skipNode();
                }
            }
            if (!any) {
                model.error(source, "yaml file ended in invalid state: there is no configuration in it"
                        + " (ser2net needs at least one key, e.g. define: &confver 1.0)");
            }
        } catch (MarkedYAMLException e) {
            model.error(cursor.where(e.getProblemMark()), e.getProblem() == null ? e.getMessage() : e.getProblem());
        } catch (YAMLException e) {
            model.error(source, e.getMessage());
        }
    }

    private void topLevel() {
        boolean included = false;
        while (!(cursor.next() instanceof MappingEndEvent)) {
            Event keyEvent = cursor.current();
            String key = items.key("A top-level key");
            cursor.next();
            if (key == null) {
                cursor.skipNode();
                continue;
            }
            if (included) {
                model.warning(cursor.where(keyEvent), "ser2net 4.x ignores everything after an include: in the"
                        + " same file; jser2net reads it");
                included = false;
            }
            if (!version(key, keyEvent)) {
                cursor.skipNode();
            } else if (key.equals("include")) {
                include(keyEvent);
                included = true;
            } else if (key.equals("define")) {
                define(keyEvent);
            } else if (V1.contains(key)) {
                v1Item(key, keyEvent);
            } else {
                v2.section(key);
            }
        }
    }

    /** Checks that {@code key} belongs to the format this file uses; the first such key decides. */
    private boolean version(String key, Event keyEvent) {
        int v = V1.contains(key) ? 1 : V2.contains(key) ? 2 : key.equals("include") ? 0 : -1;
        if (v < 0) {
            model.error(cursor.where(keyEvent), "Invalid token at the main level: " + key);
            return false;
        }
        if (v > 0 && session.version != 0 && session.version != v) {
            model.error(cursor.where(keyEvent), "Mixed version in yaml file: " + key + " is a version " + v
                    + " key, but the file began with version " + session.version + " keys");
            return false;
        }
        session.version = v > 0 ? v : session.version;
        return true;
    }

    private void define(Event keyEvent) {
        Event e = cursor.current();
        String anchor = e instanceof ScalarEvent ? ((ScalarEvent) e).getAnchor() : null;
        String value = items.defineValue("A define");
        if (value != null && anchor == null) {
            model.warning(cursor.where(keyEvent), "No anchor for define, define ignored");
        } else if (value != null) {
            model.aliases.put(anchor, value);
        }
    }

    private void v1Item(String key, Event keyEvent) {
        String where = cursor.where(keyEvent);
        String name = null;
        if (cursor.current() instanceof MappingStartEvent) {
            name = ((MappingStartEvent) cursor.current()).getAnchor();
            if (name == null && !key.equals("admin") && !key.startsWith("default") && !key.startsWith("delete")) {
                model.error(where, "A " + key + " needs a name: write '" + key + ": &name'");
                cursor.skipNode();
                return;
            }
            if (name != null) {
                model.aliases.put(name, name);
            }
        }
        String map = key.equals("delete_default") ? "deldefault" : key;
        Body body = items.body(map, name, Items.keys(map));
        if (body.ok()) {
            Items.build(model, map, name, body, where);
        }
    }

    private void include(Event keyEvent) {
        String value = items.scalar("An include");
        if (value == null) {
            return;
        }
        if (session.depth >= MAX_INCLUDE_DEPTH) {
            model.error(cursor.where(keyEvent), "Too many nested includes, you probably have a circular include");
            return;
        }
        List<Path> files;
        try {
            files = new IncludePattern(System::getenv).expand(value, file == null ? null
                    : file.toAbsolutePath().getParent());
        } catch (IllegalArgumentException e) {
            model.error(cursor.where(keyEvent), e.getMessage());
            return;
        }
        for (Path p : files) {
            String text;
            try {
                text = Files.readString(p, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                model.warning(cursor.where(keyEvent), "Unable to open file " + p + ", skipping: No such file");
                continue;
            } catch (IOException e) {
                model.warning(cursor.where(keyEvent), "Unable to open file " + p + ", skipping: " + e.getMessage());
                continue;
            }
            model.file(p);
            session.depth++;
            new YamlConfigReader(model, p.toString(), p, session).parse(new StringReader(text));
            session.depth--;
        }
    }
}
