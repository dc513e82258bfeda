package org.jser2net.gensio.api;

import java.util.EnumSet;
import java.util.Set;

/**
 * Lifecycle of a {@link Gensio}.
 *
 * <pre>
 * CLOSED --open()--> OPENING --ok--> OPEN --close()/error--> CLOSING --> CLOSED
 *                       |                                                ^
 *                       +--------------------- failure ------------------+
 * </pre>
 */
public enum GensioState {
    CLOSED, OPENING, OPEN, CLOSING;

    /** The states this one may legally move to. */
    public Set<GensioState> next() {
        switch (this) {
            case CLOSED: return EnumSet.of(OPENING);
            case OPENING: return EnumSet.of(OPEN, CLOSING, CLOSED);
            case OPEN: return EnumSet.of(CLOSING);
            case CLOSING: return EnumSet.of(CLOSED);
            default: throw new AssertionError(this);
        }
    }

    public boolean canMoveTo(GensioState target) {
        return next().contains(target);
    }
}
