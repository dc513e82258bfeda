package org.jser2net.ser2net.config.internal;

/** A problem in a configuration, located by source, line and column (1-based) when known. */
public class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    public ConfigException(String source, int line, int column, String problem) {
        super(source + ":" + line + ":" + column + ": " + problem);
    }

    /** A problem at {@code where}, a {@code file:line:column} or {@code file:line} text. */
    public ConfigException(String where, String problem) {
        super(where + ": " + problem);
    }

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
