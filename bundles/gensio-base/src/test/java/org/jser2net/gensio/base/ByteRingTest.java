package org.jser2net.gensio.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The bounded byte ring: what it takes, the views it hands out, and when it frees room. */
class ByteRingTest {

    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.US_ASCII));
    }

    private static String text(ByteBuffer view) {
        byte[] b = new byte[view.remaining()];
        view.get(b);
        return new String(b, StandardCharsets.US_ASCII);
    }

    @Test
    void putTakesOnlyWhatFitsAndAdvancesTheSource() {
        ByteRing ring = new ByteRing(4);
        ByteBuffer src = bytes("abcdef");
        assertEquals(4, ring.put(src));
        assertEquals(4, src.position(), "the bytes not taken stay in the source");
        assertEquals(0, ring.room());
        assertEquals(0, ring.put(src), "a full ring takes nothing");
        assertEquals(4, ring.size());
        assertEquals("abcd", text(ring.peek()));
    }

    @Test
    void bytesInAViewKeepTheirRoomUntilReleased() {
        ByteRing ring = new ByteRing(8);
        ring.put(bytes("hello"));
        ByteBuffer view = ring.peek();
        assertEquals("hello", text(view));
        assertEquals(3, ring.room(), "handed out is not yet free");
        assertEquals("hello", text(ring.peek()), "peeking again offers the same bytes");
        ring.release(2);
        assertEquals(5, ring.room());
        assertEquals("llo", text(ring.peek()));
        ring.release(3);
        assertNull(ring.peek(), "an empty ring has no view");
        assertEquals(8, ring.room());
    }

    @Test
    void wrappingDataComesOutInTwoContiguousViewsInOrder() {
        ByteRing ring = new ByteRing(5);
        ring.put(bytes("abc"));
        ring.release(3);
        assertEquals(5, ring.put(bytes("defgh")), "room wraps around the end of the array");
        assertEquals("de", text(ring.peek()), "a view stops at the end of the array");
        ring.release(2);
        assertEquals("fgh", text(ring.peek()));
        ring.release(3);
        assertEquals(0, ring.size());
    }

    @Test
    void viewsAreReadOnly() {
        ByteRing ring = new ByteRing(2);
        ring.put(bytes("x"));
        ByteBuffer view = ring.peek();
        assertTrue(view.isReadOnly());
        assertThrows(ReadOnlyBufferException.class, () -> view.put(0, (byte) 'y'));
    }

    @Test
    void releasingMoreThanHeldOrANegativeCountIsRefused() {
        ByteRing ring = new ByteRing(4);
        ring.put(bytes("ab"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ring.release(3));
        assertEquals("cannot release 3 of 2 bytes", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ring.release(-1));
        assertEquals(2, ring.size(), "a refused release changes nothing");
    }

    @Test
    void clearDropsEverything() {
        ByteRing ring = new ByteRing(3);
        ring.put(bytes("abc"));
        ring.peek();
        ring.clear();
        assertEquals(0, ring.size());
        assertEquals(3, ring.room());
        assertNull(ring.peek());
        ring.put(bytes("z"));
        assertEquals("z", text(ring.peek()));
    }

    @Test
    void capacityMustBePositive() {
        assertEquals("capacity must be positive, got 0",
                assertThrows(IllegalArgumentException.class, () -> new ByteRing(0)).getMessage());
        assertEquals(1, new ByteRing(1).capacity());
    }
}
