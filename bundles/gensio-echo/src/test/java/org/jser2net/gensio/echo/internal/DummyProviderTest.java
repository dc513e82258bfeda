package org.jser2net.gensio.echo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jser2net.gensio.api.Accepter;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.core.testkit.Completion;
import org.jser2net.gensio.core.testkit.TestRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DummyProviderTest {

    private final TestRegistry registry = new TestRegistry(1).terminal("dummy", new DummyProvider());

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void startsAndStopsButNeverAccepts() throws Exception {
        Accepter acc = registry.accepter("dummy");
        assertEquals("dummy", acc.type());
        assertEquals("dummy", acc.stack());
        acc.setHandler((a, g) -> {
            throw new AssertionError("dummy produced a connection");
        });
        Completion up = new Completion();
        acc.startup(up);
        up.awaitSuccess();
        assertTrue(((DummyAccepter) acc).isUp());
        assertTrue(acc.localAddresses().isEmpty());
        Completion twice = new Completion();
        acc.startup(twice);
        assertNotNull(twice.await(), "starting twice is an error, as in gensio");
        Completion down = new Completion();
        acc.shutdown(down);
        down.awaitSuccess();
        Completion again = new Completion();
        acc.startup(again);
        again.awaitSuccess();
    }

    @Test
    void cannotConnect() {
        GensioException e = assertThrows(GensioException.class, () -> registry.connector("dummy"));
        assertTrue(e.getMessage().contains("accepter only"), e.getMessage());
    }

    @Test
    void takesNoArguments() {
        assertThrows(GensioException.class, () -> registry.accepter("dummy,1234"));
    }
}
