package org.jser2net.gensio.api;

/** A stack string that does not parse; the message names the position and what was expected. */
public class StackSyntaxException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String input;
    private final int position;

    public StackSyntaxException(String input, int position, String problem) {
        super(problem + " at position " + position + " of \"" + input + "\"");
        this.input = input;
        this.position = position;
    }

    /** The whole string that failed. */
    public String input() {
        return input;
    }

    /** Zero-based index of the offending character (the string's length for a premature end). */
    public int position() {
        return position;
    }
}
