package org.jser2net.gensio.keepopen.internal;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.jser2net.gensio.api.Defaults;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.LayerSpec;
import org.jser2net.gensio.base.LayerOptions;

/**
 * The options of a keepopen layer, as gensio(5) documents them: {@code retry-time} (a gtime,
 * milliseconds when no unit is given, default 1 second) and {@code discard-badwrites[=bool]}.
 *
 * @param retryNanos how long to wait between attempts to reopen the child
 * @param discardBadWrites whether writes while the child is down are taken and dropped (else held)
 */
record KeepOpenSettings(long retryNanos, boolean discardBadWrites) {

    static final long DEFAULT_RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private static final String RETRY_TIME = "retry-time";
    private static final String DISCARD = "discard-badwrites";

    /** Reads the layer's own options; like gensio, keepopen takes no defaults. */
    static KeepOpenSettings parse(LayerSpec layer, Defaults defaults) throws GensioException {
        LayerOptions options = new LayerOptions(layer, defaults, Set.of(RETRY_TIME, DISCARD));
        long retry = DEFAULT_RETRY_NANOS;
        Optional<String> time = options.own(RETRY_TIME);
        if (time.isPresent()) {
            try {
                retry = GTime.parseNanos(time.get(), 'm');
            } catch (IllegalArgumentException e) {
                throw new GensioException("keepopen: retry-time=" + time.get() + " is not a time ("
                        + e.getMessage() + "); give milliseconds, or numbers with units D, H, M, s, m, u, n"
                        + " such as 2s or 1M30s");
            }
        }
        Optional<String> discard = options.own(DISCARD);
        boolean drop = discard.isPresent() && options.parseBool(DISCARD, discard.get());
        return new KeepOpenSettings(retry, drop);
    }

    /** The retry time for messages, e.g. {@code 2000 ms}. */
    String retryText() {
        long ms = TimeUnit.NANOSECONDS.toMillis(retryNanos);
        return ms * 1_000_000L == retryNanos ? ms + " ms" : retryNanos + " ns";
    }
}
