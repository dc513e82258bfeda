package org.jser2net.ser2net.config.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The option names gensio keeps defaults for (gensio 2.6 and later), with their types: a
 * {@code default:} entry may only name one of these or a ser2net option, as in ser2net.
 */
final class GensioDefaultNames {

    private static final Set<String> BOOLS = Set.of("nodelay", "reuseaddr", "xonxoff", "rtscts", "local",
            "custspeed", "uucplock", "nouucplock", "flock", "nobreak", "authenticated", "encrypted",
            "deassert-CTS-DCD-DSR-on-connect", "rfc2217", "winsize", "clientauth", "allow-authfail",
            "use-child-auth", "enable-password", "require-password", "delsock", "nostack",
            "ignore-v6-link-local");

    private static final Set<String> STRINGS = Set.of("laddr", "rs485", "speed", "mode", "CA", "cert", "key",
            "username", "password", "service", "name", "type", "domain", "host", "nettype", "min-delay",
            "max-delay");

    private static final Map<String, long[]> INTS = new HashMap<>();

    private static final Map<String, List<String>> ENUMS = Map.of(
            "tcpd", List.of("on", "print", "off"),
            "shared-serial-alert", List.of("fail", "deferred", "succeed"));

    static {
        long max = Integer.MAX_VALUE;
        INTS.put("mttl", new long[] {1, 255});
        INTS.put("instreams", new long[] {1, max});
        INTS.put("ostreams", new long[] {1, max});
        INTS.put("sack_freq", new long[] {0, max});
        INTS.put("sack_delay", new long[] {0, max});
        INTS.put("drain_timeout", new long[] {-1, max});
        INTS.put("drain_time", new long[] {-1, max});
        INTS.put("char_drain_wait", new long[] {-1, max});
        INTS.put("hangup-when-done", new long[] {Integer.MIN_VALUE, max});
        INTS.put("hangup_when_done", new long[] {Integer.MIN_VALUE, max});
        INTS.put("ack-timeout", new long[] {1, max});
        INTS.put("ack-retries", new long[] {1, max});
        INTS.put("max-channels", new long[] {1, max});
        INTS.put("con-timeout", new long[] {Integer.MIN_VALUE, max});
        INTS.put("interface", new long[] {-1, max});
        INTS.put("mdnstimeout", new long[] {Integer.MIN_VALUE, max});
    }

    private GensioDefaultNames() {
    }

    static boolean known(String name) {
        return BOOLS.contains(name) || STRINGS.contains(name) || INTS.containsKey(name) || ENUMS.containsKey(name);
    }

    /** The spec used to check a value for gensio default {@code name}; null when unknown. */
    static OptionSpec spec(String name) {
        if (BOOLS.contains(name)) {
            return OptionSpec.bool(name, false, true);
        }
        if (STRINGS.contains(name)) {
            return OptionSpec.string(name, null, true);
        }
        long[] range = INTS.get(name);
        if (range != null) {
            return OptionSpec.integer(name, range[0], range[1], null, true);
        }
        List<String> choices = ENUMS.get(name);
        return choices == null ? null : OptionSpec.choice(name, null, choices.toArray(String[]::new));
    }
}
