package org.jser2net.gensio.core.testkit;

import java.nio.ByteBuffer;

/**
 * A bounded byte ring that one thread fills and another drains. The drainer reads through views of
 * the backing array and releases bytes only once they are consumed, so the ring never holds more
 * than its capacity, counting bytes handed out but not yet consumed.
 */
final class ByteRing {

    private final byte[] buf;
    private long head;
    private long tail;

    ByteRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        buf = new byte[capacity];
    }

    int capacity() {
        return buf.length;
    }

    /** Copies as much of {@code src} as fits; returns the count. */
    synchronized int put(ByteBuffer src) {
        int n = Math.min(src.remaining(), room());
        int done = 0;
        while (done < n) {
            int at = (int) (tail % buf.length);
            int chunk = Math.min(n - done, buf.length - at);
            src.get(buf, at, chunk);
            tail += chunk;
            done += chunk;
        }
        return n;
    }

    synchronized int room() {
        return buf.length - size();
    }

    synchronized int size() {
        return (int) (tail - head);
    }

    /** A read-only view of the next contiguous readable bytes, or null when empty. */
    synchronized ByteBuffer peek() {
        int size = size();
        if (size == 0) {
            return null;
        }
        int at = (int) (head % buf.length);
        return ByteBuffer.wrap(buf, at, Math.min(size, buf.length - at)).slice().asReadOnlyBuffer();
    }

    /** Frees {@code n} bytes that were consumed from a view. */
    synchronized void release(int n) {
        if (n < 0 || n > size()) {
            throw new IllegalArgumentException("cannot release " + n + " of " + size() + " bytes");
        }
        head += n;
    }

    synchronized void clear() {
        head = 0;
        tail = 0;
    }
}
