package org.jser2net.gensio.telnet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;

import org.jser2net.gensio.api.Defaults;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.StackSpec;
import org.jser2net.gensio.api.spi.FilterProvider.Side;
import org.junit.jupiter.api.Test;

/** The telnet options as gensio(5) has them, with defaults of class telnet. */
class TelnetSettingsTest {

    private static TelnetSettings parse(String stack, Side side, Map<String, String> defaults) throws GensioException {
        Defaults d = (cls, key) -> Optional.ofNullable(defaults.get(cls + "." + key));
        return TelnetSettings.parse(StackSpec.parse(stack).top(), side, d);
    }

    @Test
    void defaultsFollowTheSide() throws Exception {
        assertEquals(new TelnetSettings(true, false, false, 4096, 4096), parse("telnet,tcp,1", Side.SERVER, Map.of()));
        assertEquals(new TelnetSettings(false, false, false, 4096, 4096), parse("telnet,tcp,h,1", Side.CLIENT, Map.of()));
    }

    @Test
    void optionsAndModeOverride() throws Exception {
        assertEquals(new TelnetSettings(false, true, true, 100, 2000),
                parse("telnet(rfc2217,winsize=yes,mode=client,writebuf=100,readbuf=2000),tcp,1", Side.SERVER, Map.of()));
        assertEquals(new TelnetSettings(true, false, false, 4096, 4096),
                parse("telnet(mode=Server,rfc2217=false),tcp,h,1", Side.CLIENT, Map.of()));
    }

    @Test
    void classDefaultsApplyToRfc2217WinsizeAndModeOnly() throws Exception {
        Map<String, String> defaults = Map.of("telnet.rfc2217", "true", "telnet.winsize", "on",
                "telnet.mode", "client", "telnet.writebuf", "7");
        assertEquals(new TelnetSettings(false, true, true, 4096, 4096), parse("telnet,tcp,1", Side.SERVER, defaults));
        assertEquals(new TelnetSettings(false, false, true, 4096, 4096),
                parse("telnet(rfc2217=no),tcp,1", Side.SERVER, defaults));
    }

    @Test
    void mistakesAreExplained() {
        GensioException e = assertThrows(GensioException.class, () -> parse("telnet(rfc2218),tcp,1", Side.SERVER, Map.of()));
        assertTrue(e.getMessage().contains("unknown option 'rfc2218'"), e.getMessage());
        e = assertThrows(GensioException.class, () -> parse("telnet(mode=both),tcp,1", Side.SERVER, Map.of()));
        assertTrue(e.getMessage().contains("mode must be client or server"), e.getMessage());
        e = assertThrows(GensioException.class, () -> parse("telnet(writebuf=0),tcp,1", Side.SERVER, Map.of()));
        assertTrue(e.getMessage().contains("writebuf"), e.getMessage());
        e = assertThrows(GensioException.class, () -> parse("telnet(rfc2217=maybe),tcp,1", Side.SERVER, Map.of()));
        assertTrue(e.getMessage().contains("true or false"), e.getMessage());
    }
}
