package org.jser2net.runtime;

/** A command line that cannot be used; the launcher prints the message (and maybe the help) and exits 1. */
public final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean showHelp;

    /** Creates the exception with the exact message ser2net prints and whether the help text follows it. */
    public UsageException(String message, boolean showHelp) {
        super(message);
        this.showHelp = showHelp;
    }

    /** True when ser2net prints the help text after this message. */
    public boolean showHelp() {
        return showHelp;
    }
}
