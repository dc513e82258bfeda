package org.jser2net.ser2net.core.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * The time stamp that starts ser2net's trace lines, {@code 2026/11/25 03:46:52 } (strftime
 * {@code %Y/%m/%d %H:%M:%S }), in the clock's zone, which is the local time for the system clock.
 */
final class TraceStamp {

    private final Clock clock;
    private final DateTimeFormatter format;
    private long second = Long.MIN_VALUE;
    private byte[] text;

    TraceStamp(Clock clock) {
        this.clock = clock;
        this.format = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm:ss ").withZone(clock.getZone());
    }

    /** The stamp for now; the same array until the second changes, so callers must not modify it. */
    byte[] now() {
        Instant t = clock.instant();
        if (t.getEpochSecond() != second) {
            second = t.getEpochSecond();
            text = format.format(t).getBytes(StandardCharsets.US_ASCII);
        }
        return text;
    }
}
