package org.jser2net.runtime;

/** A problem found before the framework starts; the launcher prints the message and exits 1. */
public final class StartupException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with the message to print on stderr. */
    public StartupException(String message) {
        super(message);
    }
}
