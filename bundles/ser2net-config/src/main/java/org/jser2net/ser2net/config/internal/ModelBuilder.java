package org.jser2net.ser2net.config.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the readers of one configuration share while they read it, in order (the {@code -c} file,
 * its includes, then the {@code -Y} fragments or {@code -C} lines): aliases, defaults, old-style
 * named strings, and the connections, rotators, LEDs and admin port read so far.
 */
final class ModelBuilder {

    /** One {@code name: value} of an options map; {@code value} is null when none was given. */
    record RawOption(String name, String value, String where) {
    }

    /** A connection as a reader found it; the old format adds its port states. */
    record ConnectionInput(String name, String accepter, String connector, boolean enable, int timeout,
            List<RawOption> options, String where, boolean oldFormat, boolean telnet, boolean writeOnly) {
    }

    final Map<String, String> aliases = new HashMap<>();
    final Map<Path, String> fileContents = new HashMap<>();
    final DefaultsTable defaults;
    final OldDefinitions old = new OldDefinitions();
    private final Map<String, ConnectionDef> connections = new LinkedHashMap<>();
    private final Map<String, RotatorDef> rotators = new LinkedHashMap<>();
    private final Map<String, LedDef> leds = new LinkedHashMap<>();
    private final Set<Path> files = new LinkedHashSet<>();
    private final List<ConfigException> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private AdminDef admin;

    /** {@code adminPort} is the {@code -p} accepter, or null; it wins over any {@code admin:}. */
    ModelBuilder(SystemSettings system, String adminPort) {
        defaults = DefaultsTable.initial(system);
        if (adminPort != null && !adminPort.isBlank()) {
            admin = new AdminDef(null, LegacyStacks.accepter(adminPort, false),
                    ItemOptions.admin(null, List.of(), defaults, w -> { }), "-p");
        }
    }

    void error(String where, String problem) {
        errors.add(new ConfigException(where, problem));
    }

    void warning(String where, String problem) {
        warnings.add(where + ": " + problem);
    }

    /** Notes a file the configuration was read from (watched for changes). */
    void file(Path file) {
        files.add(file.toAbsolutePath().normalize());
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    void connection(ConnectionInput in) {
        if (connections.containsKey(in.name())) {
            error(in.where(), "Duplicate connection name: " + in.name());
            return;
        }
        ConnectionOptions opts = new ConnectionOptions(in.connector(), leds.keySet(), in.oldFormat() ? old : null,
                w -> warning(in.where(), w));
        boolean ok = true;
        for (RawOption o : in.options()) {
            try {
                opts.apply(o.name(), o.value());
            } catch (IllegalArgumentException e) {
                error(o.where(), e.getMessage());
                ok = false;
            }
        }
        if (!ok) {
            return;
        }
        Map<String, Object> options;
        try {
            options = opts.effective(defaults);
        } catch (IllegalArgumentException e) {
            error(in.where(), "connection " + in.name() + ": default " + e.getMessage());
            return;
        }
        String connector = LegacyStacks.connector(opts.connector()) + (in.writeOnly() ? ",WRONLY" : "");
        String accepter = LegacyStacks.accepter(in.accepter(), in.oldFormat());
        if (in.telnet()) {
            accepter = (opts.allow2217() ? "telnet(rfc2217=true)," : "telnet,") + accepter;
        }
        checkConnectBacks(in, options);
        connections.put(in.name(), new ConnectionDef(in.name(), accepter, connector, in.enable(), in.timeout(),
                options, in.where()));
    }

    private void checkConnectBacks(ConnectionInput in, Map<String, Object> options) {
        int backs = 0;
        for (String key : List.of("remaddr", "connback")) {
            for (String a : (String[]) options.getOrDefault(key, new String[0])) {
                backs += key.equals("connback") || a.startsWith("!") ? 1 : 0;
            }
        }
        if (backs > (Integer) options.get("max-connections")) {
            warning(in.where(), "Too many connect back remote addresses specified for the max-connections given");
        }
    }

    void rotator(String name, String accepter, List<String> members, List<RawOption> options, String where) {
        if (rotators.containsKey(name)) {
            error(where, "Duplicate rotator name: " + name);
            return;
        }
        try {
            Map<String, Object> opts = ItemOptions.rotator(options, defaults);
            rotators.put(name, new RotatorDef(name, LegacyStacks.accepter(accepter, false), members, opts, where));
        } catch (ItemOptions.OptionError e) {
            error(e.where(), e.getMessage());
        }
    }

    void led(String name, String driver, List<RawOption> options, String where) {
        if (leds.containsKey(name)) {
            error(where, "LED " + name + " already exists");
        } else if (!"sysfs".equals(driver)) {
            error(where, "Unknown LED driver '" + driver + "' for LED '" + name + "'");
        } else {
            try {
                leds.put(name, new LedDef(name, driver, ItemOptions.led(name, options, w -> warning(where, w)), where));
            } catch (ItemOptions.OptionError e) {
                error(e.where() == null ? where : e.where(), e.getMessage());
            }
        }
    }

    void admin(String name, String accepter, List<RawOption> options, String where) {
        if (admin != null) {
            warning(where, "Admin port already configured" + ("-p".equals(admin.location())
                    ? " with -p, which wins; this admin: is ignored" : " at " + admin.location()));
            return;
        }
        admin = new AdminDef(name, LegacyStacks.accepter(accepter, false),
                ItemOptions.admin(name, options, defaults, w -> warning(where, w)), where);
    }

    void setDefault(String cls, String name, String value, String where) {
        try {
            defaults.set(cls, name, value);
        } catch (IllegalArgumentException e) {
            error(where, e.getMessage());
        }
    }

    void deleteDefault(String cls, String name, String where) {
        try {
            defaults.delete(cls, name);
        } catch (IllegalArgumentException e) {
            error(where, e.getMessage());
        }
    }

    Ser2netModel build() {
        files.addAll(fileContents.keySet());
        for (RotatorDef r : rotators.values()) {
            for (String c : r.connections()) {
                if (!connections.containsKey(c)) {
                    warning(r.location(), "rotator " + r.name() + " names connection " + c + ", which does not exist");
                }
            }
        }
        return new Ser2netModel(new ArrayList<>(connections.values()), new ArrayList<>(rotators.values()), admin,
                new ArrayList<>(leds.values()), defaults.snapshot(), files, errors, warnings);
    }
}
