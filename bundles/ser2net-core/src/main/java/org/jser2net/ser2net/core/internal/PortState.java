package org.jser2net.ser2net.core.internal;

import java.util.EnumSet;
import java.util.Set;

/**
 * Lifecycle of a {@link Port}.
 *
 * <pre>
 *  NEW --start--> WAITING (a gensio type is missing) --type arrives--> STARTING
 *  NEW --start--> STARTING --listening--> UP --type leaves--> WAITING
 *                    |  \--bind failed--> FAILED --retry--> STARTING
 *  WAITING, STARTING, UP, FAILED --new settings--> NEW
 *  any --stop--> STOPPED
 * </pre>
 */
enum PortState {
    NEW, WAITING, STARTING, UP, FAILED, STOPPED;

    Set<PortState> next() {
        switch (this) {
            case NEW: return EnumSet.of(WAITING, STARTING, FAILED, STOPPED);
            case WAITING: return EnumSet.of(NEW, STARTING, FAILED, STOPPED);
            case STARTING: return EnumSet.of(NEW, UP, FAILED, WAITING, STOPPED);
            case UP: return EnumSet.of(NEW, WAITING, STOPPED);
            case FAILED: return EnumSet.of(NEW, STARTING, WAITING, STOPPED);
            case STOPPED: return EnumSet.noneOf(PortState.class);
            default: throw new AssertionError(this);
        }
    }
}
