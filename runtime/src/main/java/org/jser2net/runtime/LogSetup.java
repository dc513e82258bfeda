package org.jser2net.runtime;

/**
 * Configures slf4j-simple (stderr) before the first logger exists: info by default, debug with
 * {@code -d} or {@code -l}, trace with more {@code -l}; any {@code -Dorg.slf4j.simpleLogger.*} wins.
 */
public final class LogSetup {

    private static final String PREFIX = "org.slf4j.simpleLogger.";

    private LogSetup() {
    }

    /** Sets the slf4j-simple system properties for {@code options}; call before any LoggerFactory use. */
    public static void configure(Options options) {
        String level = switch (Math.min(options.verbosity(), 2)) {
            case 0 -> "info";
            case 1 -> "debug";
            default -> "trace";
        };
        setDefault("defaultLogLevel", level);
        setDefault("logFile", "System.err");
        setDefault("showThreadName", options.verbosity() > 0 ? "true" : "false");
        setDefault("showShortLogName", "true");
        setDefault("showDateTime", "false");
        setDefault("levelInBrackets", "false");
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(PREFIX + key) == null) {
            System.setProperty(PREFIX + key, value);
        }
    }
}
