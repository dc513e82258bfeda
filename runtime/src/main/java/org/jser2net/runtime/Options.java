package org.jser2net.runtime;

import java.util.List;

/**
 * The parsed command line: ser2net(8)'s flags plus jser2net's own {@code --strict} and {@code -G}.
 *
 * @param configFile    the {@code -c} argument as given ({@code "-"} for stdin), or null
 * @param configFileSet true when -c, -C or -Y was given, so the default config file is not used
 * @param configLines   the {@code -C} old-format lines, in order
 * @param yamlFragments the {@code -Y} fragments, raw, in order
 * @param adminPort     the {@code -p} accepter, or null
 * @param pidFile       the {@code -P} file, or null
 * @param noDetach      {@code -n} or {@code -d}: stay in the foreground
 * @param debug         {@code -d}: log at debug level to stderr
 * @param logLevel      how many times {@code -l} was given
 * @param uucpLocks     false after {@code -u}
 * @param signature     the {@code -s} RFC 2217 signature, or null
 * @param threads       the {@code -t} event loop count, at least 1
 * @param ready         {@code -r}: print {@code Ready} once every accepter listens
 * @param strict        {@code --strict}: configuration errors are fatal
 * @param shell         {@code -G}: run the Gogo console on the terminal
 * @param version       {@code -v}: print the version and exit
 */
public record Options(String configFile, boolean configFileSet, List<String> configLines,
        List<String> yamlFragments, String adminPort, String pidFile, boolean noDetach, boolean debug,
        int logLevel, boolean uucpLocks, String signature, int threads, boolean ready, boolean strict,
        boolean shell, boolean version) {

    /** Copies the lists so the record stays immutable. */
    public Options {
        configLines = List.copyOf(configLines);
        yamlFragments = List.copyOf(yamlFragments);
    }

    /** True when the process should stay attached to the terminal (ser2net detaches otherwise). */
    public boolean foreground() {
        return noDetach || shell;
    }

    /** How far the log level is raised: 0 = info, 1 = debug ({@code -d} or one {@code -l}), 2+ = trace. */
    public int verbosity() {
        return (debug ? 1 : 0) + logLevel;
    }
}
