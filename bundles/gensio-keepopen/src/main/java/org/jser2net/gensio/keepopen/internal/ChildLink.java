package org.jser2net.gensio.keepopen.internal;

import java.util.EnumSet;
import java.util.Set;

/**
 * A keepopen layer's view of its child while the layer itself is open (or opening).
 *
 * <pre>
 *          open() / retry timer            child open ok
 *   DOWN ------------------------> OPENING -------------> UP
 *    ^  ^     child open failed       |                    |
 *    |  +-------(retry timer)---------+                    | child ended, write failed,
 *    |                                | close()            | or close()
 *    |       child closed             v                    v
 *    +-------------------------- CLOSING <-----------------+
 * </pre>
 */
enum ChildLink {
    /** Not open; a retry is scheduled unless the layer is closed or closing. */
    DOWN,
    /** {@code child.open} is under way. */
    OPENING,
    /** Open: data, enables and capabilities pass through. */
    UP,
    /** {@code child.close} is under way, after a failure or for the layer's own close. */
    CLOSING;

    /** The states this one may legally move to. */
    Set<ChildLink> next() {
        switch (this) {
            case DOWN: return EnumSet.of(OPENING, UP);
            case OPENING: return EnumSet.of(UP, DOWN, CLOSING);
            case UP: return EnumSet.of(CLOSING);
            case CLOSING: return EnumSet.of(DOWN);
            default: throw new AssertionError(this);
        }
    }
}
