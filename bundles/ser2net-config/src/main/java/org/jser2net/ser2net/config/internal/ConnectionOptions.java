package org.jser2net.ser2net.config.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A connection's {@code options:} as ser2net 4.3.11 reads them, one {@code name[=value]} at a
 * time: typed and checked options, the deprecated spellings, old-style named strings, and device
 * options that go onto the connector. {@link #effective} adds the defaults for what is not set.
 */
final class ConnectionOptions {

    private final Map<String, Object> explicit = new LinkedHashMap<>();
    private final Map<String, List<String>> lists = new HashMap<>();
    private final StringBuilder connector;
    private final Set<String> leds;
    private final OldDefinitions old;
    private final Consumer<String> warnings;
    private boolean allow2217;
    private String rs485;

    ConnectionOptions(String connector, Set<String> leds, OldDefinitions old, Consumer<String> warnings) {
        this.connector = new StringBuilder(connector);
        this.leds = leds;
        this.old = old;
        this.warnings = warnings;
    }

    /** Applies option {@code name} with {@code value} (null: none given); throws with ser2net's message. */
    void apply(String name, String value) {
        boolean bare = value == null;
        String text = bare ? name : name + "=" + value;
        String device = LegacyStacks.deviceOption(text);
        if (device != null) {
            connector.append(',').append(device);
            return;
        }
        String key = name.toLowerCase(Locale.ROOT);
        OptionSpec spec = OptionTable.get(key);
        if (spec != null && !key.endsWith("-admin")) {
            set(spec, bare ? null : value, text);
        } else if (key.equals("trace-hexdump") || key.equals("trace-timestamp")) {
            boolean on = bare || OptionSpec.parseBool(key, value);
            for (String file : OptionTable.TRACE_FILES) {
                explicit.put(file + key.substring("trace".length()), on);
            }
        } else if (!deprecated(text, key, bare ? null : value) && !named(text)) {
            throw new IllegalArgumentException("Unknown config item: " + text);
        }
    }

    private void set(OptionSpec spec, String value, String text) {
        String key = spec.name();
        if (value == null) {
            if (spec.kind() == OptionSpec.Kind.BOOL) {
                explicit.put(key, true);
            } else if (OptionTable.EMPTY_ALLOWED.contains(key)) {
                explicit.put(key, "");
            } else {
                throw new IllegalArgumentException("Unknown config item: " + text + " (" + key + " needs a value)");
            }
            return;
        }
        if (spec.kind() == OptionSpec.Kind.LIST) {
            List<String> entries = split(key, value);
            if (!entries.isEmpty() || key.equals("allowed-users")) {
                lists.computeIfAbsent(key, k -> new ArrayList<>()).addAll(entries);
            }
        } else if (spec.kind() == OptionSpec.Kind.INT) {
            long n = OptionSpec.parseCNumber(key, value);
            explicit.put(key, unsigned(spec, n >= 0 && n < floor(key) ? floor(key) : n));
        } else if (OptionTable.LEDS.contains(key) && !leds.contains(value)) {
            throw new IllegalArgumentException("Could not find " + key + " LED: " + value);
        } else {
            explicit.put(key, spec.parse(value));
        }
    }

    /**
     * ser2net takes any unsigned number for a connection option (its ranges apply to {@code default:}
     * entries only), so this does too, within what an int holds.
     */
    private static Integer unsigned(OptionSpec spec, long n) {
        long min = Math.min(spec.min(), 0);
        if (n < min || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(spec.name() + "=" + n + " is out of range, use " + min + " to "
                    + Integer.MAX_VALUE);
        }
        return (int) n;
    }

    /** ser2net raises a few numbers below their minimum instead of refusing them. */
    private static long floor(String key) {
        switch (key) {
            case "dev-to-net-bufsize":
            case "net-to-dev-bufsize":
                return 2;
            case "max-connections":
            case "accepter-retry-time":
            case "connector-retry-time":
                return 1;
            default:
                return Long.MIN_VALUE;
        }
    }

    /** The spellings ser2net 4.3.11 still reads for compatibility with older versions. */
    private boolean deprecated(String text, String key, String value) {
        switch (text) {
            case "remctl": allow2217 = true; return true;
            case "-remctl": allow2217 = false; return true;
            case "-kickolduser": explicit.put("kickolduser", false); return true;
            case "telnet_brk_on_sync": explicit.put("telnet-brk-on-sync", true); return true;
            case "-telnet_brk_on_sync": explicit.put("telnet-brk-on-sync", false); return true;
            case "-chardelay": explicit.put("chardelay", false); return true;
            case "-hexdump": case "-timestamp":
                OptionTable.TRACE_FILES.forEach(f -> explicit.put(f + "-" + text.substring(1), false));
                return true;
            default:
                break;
        }
        if (text.matches("-t[rwb]-(hexdump|timestamp)")) {
            explicit.put(traceFile(text.charAt(2)) + text.substring(3), false);
            return true;
        }
        if (value != null && key.matches("t[rwb]")) {
            String file = old == null ? null : old.traceFile(value);
            if (file == null) {
                warnings.accept("Tracefile " + value + " not found, it will be ignored");
            }
            explicit.put(traceFile(key.charAt(1)), file);
            return true;
        }
        if (value != null && key.equals("rs485")) {
            rs485 = old == null ? null : old.rs485(value);
            if (rs485 == null) {
                warnings.accept("RS485 configuration " + value + " not found, it will be ignored");
            }
            return true;
        }
        return false;
    }

    private static String traceFile(char which) {
        return which == 'r' ? "trace-read" : which == 'w' ? "trace-write" : "trace-both";
    }

    /** An old-style BANNER, SIGNATURE, OPENSTR, CLOSESTR or CLOSEON name given alone. */
    private boolean named(String text) {
        OldDefinitions.Named s = old == null ? null : old.string(text);
        if (s == null || s.kind() == OldDefinitions.Kind.DEVICE) {
            return false;
        }
        explicit.put(s.kind().name().toLowerCase(Locale.ROOT), s.text());
        return true;
    }

    private static List<String> split(String key, String value) {
        String separators = OptionTable.separator(key);
        List<String> out = new ArrayList<>();
        if (separators == null) {
            out.add(value);
            return out;
        }
        for (String entry : value.split("[" + separators + "]")) {
            if (entry.isEmpty()) {
                continue;
            }
            if (key.equals("remaddr")) {
                checkAddress(entry);
            }
            out.add(entry);
        }
        return out;
    }

    /** ser2net wants {@code [!][ipv4|ipv6,]host,port}; a bare host cannot be resolved as an address. */
    private static void checkAddress(String entry) {
        String last = entry.substring(entry.lastIndexOf(',') + 1).strip();
        if (entry.indexOf(',') < 0 || !last.matches("[0-9]{1,5}") || Integer.parseInt(last) > 65535) {
            throw new IllegalArgumentException("Error adding remote address '" + entry
                    + "': write host,port (port 0 accepts any port)");
        }
    }

    /** The connector with the device options appended. */
    String connector() {
        return rs485 == null ? connector.toString() : connector + ",rs485=" + rs485;
    }

    /** True when {@code remctl} asked for RFC 2217 (old-style telnet ports only). */
    boolean allow2217() {
        return allow2217;
    }

    /**
     * Every connection option with its value: what the connection set, else the ser2net default in
     * force; options that are unset and have no default are left out (ser2net's NULL).
     */
    Map<String, Object> effective(DefaultsTable defaults) {
        Map<String, Object> out = new TreeMap<>();
        for (OptionSpec spec : OptionTable.connectionOptions()) {
            String key = spec.name();
            Object v;
            if (spec.kind() == OptionSpec.Kind.LIST) {
                List<String> given = lists.get(key);
                Object def = given == null ? defaults.ser2net(key) : null;
                List<String> all = given != null ? given : def == null ? null : split(key, (String) def);
                v = all == null ? null : all.toArray(String[]::new);
            } else {
                v = explicit.containsKey(key) ? explicit.get(key) : defaults.ser2net(key);
            }
            if (v != null) {
                out.put(key, v);
            }
        }
        return out;
    }
}
