package org.jser2net.gensio.api;

/** A stack names a gensio type that no installed bundle provides. */
public class MissingTypeException extends GensioException {

    private static final long serialVersionUID = 1L;

    private final String missingType;

    public MissingTypeException(String missingType, String stack) {
        super("gensio type '" + missingType + "' is not installed (needed by \"" + stack + "\")");
        this.missingType = missingType;
    }

    public String missingType() {
        return missingType;
    }
}
