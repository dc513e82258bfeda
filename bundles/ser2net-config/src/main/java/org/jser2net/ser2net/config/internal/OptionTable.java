package org.jser2net.ser2net.config.internal;

import static org.jser2net.ser2net.config.internal.OptionSpec.bool;
import static org.jser2net.ser2net.config.internal.OptionSpec.choice;
import static org.jser2net.ser2net.config.internal.OptionSpec.integer;
import static org.jser2net.ser2net.config.internal.OptionSpec.list;
import static org.jser2net.ser2net.config.internal.OptionSpec.string;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ser2net's connection, rotator and admin options with their types, ranges and defaults (ser2net
 * 4.3.11's defaults table and option parser, plus the options 4.6 added).
 */
final class OptionTable {

    /** The admin port's options. */
    static final Set<String> ADMIN = Set.of("authdir-admin", "pamauth-admin", "mdns", "mdns-sysattrs",
            "mdns-port", "mdns-interface", "mdns-nettype", "mdns-name", "mdns-type", "mdns-domain",
            "mdns-host", "mdns-txt");

    /** A rotator's options. */
    static final Set<String> ROTATOR = Set.of("authdir", "pamauth", "allowed-users", "accepter-retry-time");

    /** The per-file trace flags, which {@code trace-hexdump} and {@code trace-timestamp} set together. */
    static final List<String> TRACE_FILES = List.of("trace-read", "trace-write", "trace-both");

    /** String options that take an empty value when given with none ({@code banner:} alone). */
    static final Set<String> EMPTY_ALLOWED = Set.of("banner", "signature", "openstr", "closestr");

    /** Options naming an LED. */
    static final Set<String> LEDS = Set.of("led-rx", "led-tx", "led-conn");

    private static final Map<String, OptionSpec> ALL;

    static {
        Map<String, OptionSpec> m = new LinkedHashMap<>();
        for (OptionSpec s : List.of(
                bool("kickolduser", false, true),
                bool("telnet-brk-on-sync", false, true),
                bool("timeout-on-os-queue", false, true),
                bool("chardelay", true, true),
                integer("chardelay-scale", 1, 1000, 20, true),
                integer("chardelay-min", 1, 100000, 1000, true),
                integer("chardelay-max", 1, 1000000, 20000, true),
                integer("dev-to-net-bufsize", 1, 65536, 64, true),
                integer("net-to-dev-bufsize", 1, 65536, 64, true),
                integer("max-connections", 1, 65536, 1, true),
                integer("connector-retry-time", 1, 10000000, 10, true),
                integer("accepter-retry-time", 1, 10000000, 10, true),
                integer("connback-timeout", 0, Integer.MAX_VALUE, null, false),
                list("remaddr", true),
                list("connback", true),
                string("authdir", null, true),
                string("authdir-admin", null, true),
                string("pamauth", null, true),
                string("pamauth-admin", null, true),
                list("allowed-users", true),
                string("signature", "ser2net", true),
                string("banner", null, true),
                string("openstr", null, true),
                string("closestr", null, true),
                string("closeon", null, true),
                string("sendon", null, true),
                bool("no-con-to-acc", false, false),
                bool("no-acc-to-con", false, false),
                string("trace-read", null, false),
                string("trace-write", null, false),
                string("trace-both", null, false),
                string("led-rx", null, false),
                string("led-tx", null, false),
                string("led-conn", null, false),
                bool("mdns", false, true),
                bool("mdns-sysattrs", false, true),
                integer("mdns-port", 0, 65535, null, false),
                integer("mdns-interface", -1, 100000, -1, true),
                choice("mdns-nettype", "unspec", "unspec", "ipv4", "ipv6"),
                string("mdns-name", null, false),
                string("mdns-type", null, true),
                string("mdns-domain", null, true),
                string("mdns-host", null, true),
                list("mdns-txt", false))) {
            m.put(s.name(), s);
        }
        for (String file : TRACE_FILES) {
            m.put(file + "-hexdump", bool(file + "-hexdump", false, false));
            m.put(file + "-timestamp", bool(file + "-timestamp", false, false));
        }
        ALL = Collections.unmodifiableMap(m);
    }

    private OptionTable() {
    }

    /** The option called {@code name} (lower case), or null. */
    static OptionSpec get(String name) {
        return ALL.get(name);
    }

    /** Every option a connection carries, in table order. */
    static Iterable<OptionSpec> connectionOptions() {
        return ALL.values().stream().filter(s -> !s.name().endsWith("-admin"))::iterator;
    }

    /** How a repeatable option's value splits into entries; null when each use is one entry. */
    static String separator(String name) {
        switch (name) {
            case "remaddr":
            case "connback":
                return ";";
            case "allowed-users":
                return " \t\n";
            default:
                return null;
        }
    }
}
