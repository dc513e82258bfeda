package org.jser2net.gensio.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jser2net.gensio.api.Defaults;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.LayerSpec;
import org.jser2net.gensio.api.Option;
import org.junit.jupiter.api.Test;

/** Option lookup: the layer's value, then the class default, then the caller's fallback. */
class LayerOptionsTest {

    private static final Defaults DEFAULTS = (cls, key) ->
            Optional.ofNullable(Map.of("x.readbuf", "100", "x.laddr", "'ipv4,127.0.0.1,0'").get(cls + "." + key));

    private static LayerOptions x(Option... options) {
        return new LayerOptions(new LayerSpec("x", List.of(options), List.of()), DEFAULTS);
    }

    @Test
    void theLayerWinsOverTheDefaultWhichWinsOverTheFallback() throws Exception {
        assertEquals(7, x(new Option("readbuf", "7")).size("readbuf", 1));
        assertEquals(100, x().size("readbuf", 1));
        assertEquals(1, x().size("other", 1));
        assertEquals(Optional.empty(), x().own("readbuf"));
        assertEquals("ipv4,127.0.0.1,0", x().text("laddr").orElseThrow(), "quotes of a default are removed");
    }

    @Test
    void numbersAreReadAsStrtoulReadsThem() throws Exception {
        assertEquals(16, x(new Option("n", "0x10")).number("n", 0, 1, 255));
        assertEquals(8, x(new Option("n", "010")).number("n", 0, 1, 255));
        assertEquals("x: n=-1 must be a number from 0 to 9",
                assertThrows(GensioException.class, () -> x(new Option("n", "-1")).number("n", 0, 0, 9)).getMessage());
        assertEquals("x: readbuf must be a positive number, not '0'", assertThrows(GensioException.class,
                () -> x(new Option("readbuf", "0")).size("readbuf", 1)).getMessage());
    }

    @Test
    void booleansAndRepeatedKeys() throws Exception {
        assertTrue(x(Option.flag("on")).bool("on", false));
        assertFalse(x(new Option("on", "Off")).bool("on", true));
        assertEquals(List.of("a", "b"), x(new Option("m", "a"), new Option("m", "b")).values("m"));
        assertEquals("x: m needs a value",
                assertThrows(GensioException.class, () -> x(new Option("m", "")).text("m")).getMessage());
    }

    @Test
    void unknownKeysAreNamed() throws Exception {
        assertEquals(Optional.of("b"), x(new Option("a", "1"), new Option("b", "1")).unknownKey(Set.of("a")));
        GensioException e = assertThrows(GensioException.class, () -> new LayerOptions(
                new LayerSpec("x", List.of(Option.flag("bogus")), List.of()), DEFAULTS, Set.of("b", "a")));
        assertEquals("x: unknown option 'bogus' (known: a, b)", e.getMessage());
    }
}
