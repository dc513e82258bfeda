package org.jser2net.ser2net.config.internal;

import java.util.Iterator;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;

/** Walks a YAML event stream one event at a time, and says where an event is (file:line:column). */
final class EventCursor {

    private final String source;
    private final Iterator<Event> events;
    private Event current;

    EventCursor(String source, Iterator<Event> events) {
        this.source = source;
        this.events = events;
    }

    /** Moves to the next event and returns it; null at the end. */
    Event next() {
        current = events.hasNext() ? events.next() : null;
        return current;
    }

    Event current() {
        return current;
    }

    /** Skips the node that starts at the current event, leaving the cursor on its last event. */
    void skipNode() {
        if (!(current instanceof CollectionStartEvent)) {
            return;
        }
        int depth = 1;
        while (depth > 0 && next() != null) {
            if (current instanceof CollectionStartEvent) {
                depth++;
            } else if (current instanceof CollectionEndEvent) {
                depth--;
            }
        }
    }

    /** {@code file:line:column} of {@code e} (1-based). */
    String where(Event e) {
        Mark m = e == null ? null : e.getStartMark();
        return m == null ? source : where(m);
    }

    String where(Mark m) {
        return source + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1);
    }
}
