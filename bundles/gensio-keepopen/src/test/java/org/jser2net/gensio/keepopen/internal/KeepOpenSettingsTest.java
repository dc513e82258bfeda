package org.jser2net.gensio.keepopen.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.jser2net.gensio.api.Defaults;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.StackSpec;
import org.jser2net.gensio.core.testkit.TestRegistry;
import org.jser2net.gensio.tcp.internal.TcpTerminalProvider;
import org.junit.jupiter.api.Test;

/** keepopen's options, gensio's time syntax, and where the layer may be used. */
class KeepOpenSettingsTest {

    private static KeepOpenSettings settings(String layer) throws GensioException {
        return KeepOpenSettings.parse(StackSpec.parse(layer + ",echo").top(), Defaults.NONE);
    }

    private static long ms(long n) {
        return TimeUnit.MILLISECONDS.toNanos(n);
    }

    @Test
    void defaultsAreOneSecondAndHolding() throws Exception {
        assertEquals(new KeepOpenSettings(ms(1000), false), settings("keepopen"));
    }

    @Test
    void theSer2netRecipeParses() throws Exception {
        assertEquals(new KeepOpenSettings(ms(2000), true), settings("keepopen(retry-time=2000,discard-badwrites)"));
        assertEquals(new KeepOpenSettings(ms(2000), false), settings("keepopen(retry-time=2s,discard-badwrites=no)"));
    }

    @Test
    void badOptionsAreRefusedSayingWhy() {
        GensioException unknown = assertThrows(GensioException.class, () -> settings("keepopen(retrytime=5)"));
        assertTrue(unknown.getMessage().contains("unknown option 'retrytime'"), unknown.getMessage());
        GensioException time = assertThrows(GensioException.class, () -> settings("keepopen(retry-time=soon)"));
        assertTrue(time.getMessage().contains("retry-time=soon"), time.getMessage());
        assertThrows(GensioException.class, () -> settings("keepopen(discard-badwrites=maybe)"));
    }

    @Test
    void gtimeReadsNumbersWithUnitsAsGensioDoes() {
        assertEquals(ms(1500), GTime.parseNanos("1500", 'm'));
        assertEquals(TimeUnit.SECONDS.toNanos(90), GTime.parseNanos("1M30s", 'm'));
        assertEquals(ms(1500), GTime.parseNanos("1s500m", 'm'));
        assertEquals(TimeUnit.HOURS.toNanos(26), GTime.parseNanos("1D2H", 'm'));
        assertEquals(100_000, GTime.parseNanos("100u", 'm'));
        assertEquals(7, GTime.parseNanos("7n", 'm'));
        assertEquals(ms(16), GTime.parseNanos("0x10", 'm'));
        assertEquals(ms(8), GTime.parseNanos("010", 'm'));
        assertEquals(TimeUnit.SECONDS.toNanos(3), GTime.parseNanos("3", 's'));
        for (String bad : new String[] {"", "abc", "5x", "1s500", "5m1s", "-5", "1.5s", "99999999999D"}) {
            assertThrows(IllegalArgumentException.class, () -> GTime.parseNanos(bad, 'm'), bad);
        }
    }

    @Test
    void keepopenIsRefusedInAnAccepter() {
        try (TestRegistry registry = new TestRegistry(1).terminal("tcp", new TcpTerminalProvider())
                .filter("keepopen", new KeepOpenProvider())) {
            GensioException e = assertThrows(GensioException.class, () -> registry.accepter("keepopen,tcp,0"));
            assertTrue(e.getMessage().contains("connectors only"), e.getMessage());
        }
    }
}
