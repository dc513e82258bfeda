package org.jser2net.gensio.base;

import java.nio.ByteBuffer;

/**
 * A bounded byte ring that one side fills and the other drains through views of its backing array.
 * Bytes are freed only once they are released (consumed), so the ring never holds more than its
 * capacity, counting bytes handed out in a view but not yet released. It may be filled and drained
 * from different threads.
 */
public final class ByteRing {

    private final byte[] buf;
    /** Total bytes ever released and ever put; their difference is the fill. */
    private long head;
    private long tail;

    public ByteRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        buf = new byte[capacity];
    }

    public int capacity() {
        return buf.length;
    }

    /** Copies as much of {@code src} as fits, advancing its position; returns the count. */
    public synchronized int put(ByteBuffer src) {
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

    /** How many bytes {@link #put} would take now. */
    public synchronized int room() {
        return buf.length - size();
    }

    /** Bytes put and not yet released, including those in a view handed out. */
    public synchronized int size() {
        return (int) (tail - head);
    }

    /**
     * A read-only view of the next contiguous bytes (up to the end of the backing array), or null
     * when empty. The view stays valid until those bytes are released.
     */
    public synchronized ByteBuffer peek() {
        int size = size();
        if (size == 0) {
            return null;
        }
        int at = (int) (head % buf.length);
        return ByteBuffer.wrap(buf, at, Math.min(size, buf.length - at)).slice().asReadOnlyBuffer();
    }

    /** Frees the first {@code n} bytes, which were consumed from a view. */
    public synchronized void release(int n) {
        if (n < 0 || n > size()) {
            throw new IllegalArgumentException("cannot release " + n + " of " + size() + " bytes");
        }
        head += n;
    }

    /** Drops everything, for a new session. */
    public synchronized void clear() {
        head = 0;
        tail = 0;
    }

    @Override
    public synchronized String toString() {
        return "ByteRing[" + size() + "/" + buf.length + "]";
    }
}
