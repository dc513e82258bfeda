package org.jser2net.ser2net.core.internal;

/**
 * Finds a byte string in a stream, across chunk boundaries, the simple way ser2net does it
 * ({@code closeon}, {@code sendon}): on a mismatch it starts over, so {@code ababc} is not found in
 * {@code abababc}.
 */
final class Matcher {

    private final byte[] pattern;
    private int matched;

    Matcher(byte[] pattern) {
        this.pattern = pattern;
    }

    /**
     * Feeds one byte; true when it completes the pattern.
     */
    boolean feed(byte b) {
        if (b == pattern[matched]) {
            matched++;
        } else {
            matched = b == pattern[0] ? 1 : 0;
        }
        if (matched == pattern.length) {
            matched = 0;
            return true;
        }
        return false;
    }

    void reset() {
        matched = 0;
    }
}
