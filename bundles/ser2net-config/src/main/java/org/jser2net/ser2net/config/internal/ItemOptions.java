package org.jser2net.ser2net.config.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.jser2net.ser2net.config.internal.ModelBuilder.RawOption;

/** The options of rotators, the admin port and LEDs, read as ser2net reads them. */
final class ItemOptions {

    /** A bad option, with where it was written. */
    static final class OptionError extends Exception {

        private static final long serialVersionUID = 1L;
        private final String where;

        OptionError(String where, String message) {
            super(message);
            this.where = where;
        }

        String where() {
            return where;
        }
    }

    private ItemOptions() {
    }

    /** A rotator's options: authdir, pamauth, allowed-users, accepter-retry-time; anything else is an error. */
    static Map<String, Object> rotator(List<RawOption> options, DefaultsTable defaults) throws OptionError {
        Map<String, Object> out = new TreeMap<>();
        List<String> users = null;
        for (RawOption o : options) {
            String key = o.name().toLowerCase(Locale.ROOT);
            boolean bare = o.value() == null || o.value().isEmpty();
            if (!OptionTable.ROTATOR.contains(key) || bare) {
                throw new OptionError(o.where(), "Invalid option " + text(o) + " for rotator");
            }
            try {
                if (key.equals("allowed-users")) {
                    users = users == null ? new ArrayList<>() : users;
                    users.addAll(words(o.value()));
                } else if (key.equals("accepter-retry-time")) {
                    long n = OptionSpec.parseCNumber(key, o.value());
                    out.put(key, OptionTable.get(key).checkRange(n >= 0 && n < 1 ? 1 : n));
                } else {
                    out.put(key, o.value());
                }
            } catch (IllegalArgumentException e) {
                throw new OptionError(o.where(), e.getMessage());
            }
        }
        for (String key : List.of("authdir", "pamauth", "accepter-retry-time")) {
            Object def = defaults.ser2net(key);
            if (!out.containsKey(key) && def != null) {
                out.put(key, def);
            }
        }
        Object defUsers = defaults.ser2net("allowed-users");
        if (users == null && defUsers != null) {
            users = words((String) defUsers);
        }
        if (users != null) {
            out.put("allowed-users", users.toArray(String[]::new));
        }
        return out;
    }

    /**
     * The admin port's options: authdir-admin and pamauth-admin (defaulted), the mdns options;
     * anything else is reported through {@code warnings} and ignored, as in ser2net.
     */
    static Map<String, Object> admin(String name, List<RawOption> options, DefaultsTable defaults,
            Consumer<String> warnings) {
        Map<String, Object> out = new TreeMap<>();
        List<String> txt = new ArrayList<>();
        for (RawOption o : options) {
            String key = o.name().toLowerCase(Locale.ROOT);
            OptionSpec spec = OptionTable.get(key);
            boolean bare = o.value() == null || o.value().isEmpty();
            if (!OptionTable.ADMIN.contains(key) || bare && spec.kind() != OptionSpec.Kind.BOOL) {
                warnings.accept("Invalid option to admin port: " + text(o));
                continue;
            }
            try {
                if (key.equals("mdns-txt")) {
                    txt.add(o.value());
                } else {
                    out.put(key, bare ? Boolean.TRUE : spec.parse(o.value()));
                }
            } catch (IllegalArgumentException e) {
                warnings.accept("Invalid option to admin port: " + e.getMessage());
            }
        }
        for (String key : List.of("authdir-admin", "pamauth-admin", "mdns-interface", "mdns-type", "mdns-domain",
                "mdns-host")) {
            Object def = defaults.ser2net(key);
            if (!out.containsKey(key) && def != null) {
                out.put(key, def);
            }
        }
        if (!txt.isEmpty()) {
            out.put("mdns-txt", txt.toArray(String[]::new));
        }
        if (name != null && !out.containsKey("mdns-name")) {
            out.put("mdns-name", name);
        }
        return out;
    }

    /** An LED's sysfs options: device (required), duration (ms, default 10), state (default 1), mode. */
    static Map<String, Object> led(String name, List<RawOption> options, Consumer<String> warnings)
            throws OptionError {
        Map<String, Object> out = new TreeMap<>(Map.of("duration", 10, "state", 1, "mode", "transient"));
        for (RawOption o : options) {
            String key = o.name().toLowerCase(Locale.ROOT);
            if (o.value() == null || o.value().isEmpty()) {
                throw new OptionError(o.where(), "Missing '=' in option " + o.name());
            }
            try {
                switch (key) {
                    case "device":
                        out.put(key, o.value());
                        break;
                    case "duration":
                        int d = (int) OptionSpec.parseCNumber(key, o.value());
                        if (d < 0) {
                            warnings.accept("LED '" + name + "': invalid duration, using default");
                        }
                        out.put(key, d <= 0 ? 10 : d);
                        break;
                    case "state":
                        out.put(key, (int) OptionSpec.parseCNumber(key, o.value()));
                        break;
                    case "mode":
                        out.put(key, OptionSpec.choice("mode", null, "transient", "solid").parse(o.value()));
                        break;
                    default:
                        warnings.accept("LED '" + name + "': unknown option " + o.name() + " ignored");
                }
            } catch (IllegalArgumentException e) {
                throw new OptionError(o.where(), "LED '" + name + "': " + e.getMessage());
            }
        }
        if (!out.containsKey("device")) {
            throw new OptionError(null, "LED '" + name + "': parameter 'device' required, but missing");
        }
        return out;
    }

    private static List<String> words(String value) {
        return new ArrayList<>(Arrays.stream(value.split("[ \t\n]+")).filter(s -> !s.isEmpty()).toList());
    }

    private static String text(RawOption o) {
        return o.value() == null || o.value().isEmpty() ? o.name() : o.name() + "=" + o.value();
    }
}
