package org.jser2net.ser2net.config.internal;

/** A problem in a configuration, located by source, line and column (1-based) when known. */
public class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    public ConfigException(String source, int line, int column, String problem) {
        super(source + ":" + line + ":" + column + ": " + problem);
    }

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
