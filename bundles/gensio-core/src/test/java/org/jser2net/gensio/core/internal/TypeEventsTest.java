package org.jser2net.gensio.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jser2net.gensio.api.GensioRegistry.TypeListener;
import org.jser2net.gensio.api.spi.TerminalProvider;
import org.jser2net.gensio.core.internal.ProviderSet.Entry;
import org.jser2net.gensio.core.testkit.MemoryTerminal;
import org.junit.jupiter.api.Test;

/** What type listeners hear, and in which order, as providers come, go and replace each other. */
class TypeEventsTest {

    private final Providers providers = new Providers();
    private final TerminalProvider first = new MemoryTerminal();
    private final TerminalProvider second = new MemoryTerminal();

    /** Records "+type" and "-type"; runs {@code onRemoved} inside each typeRemoved. */
    private static TypeListener recorder(List<String> events, Consumer<String> onRemoved) {
        return new TypeListener() {
            @Override
            public void typeAdded(String type) {
                events.add("+" + type);
            }

            @Override
            public void typeRemoved(String type) {
                events.add("-" + type);
                onRemoved.accept(type);
            }
        };
    }

    private void add(String type, TerminalProvider p, int ranking) {
        providers.addTerminal(new Entry<>(type, p, "b", "1", ranking, providers.nextOrder()));
    }

    @Test
    void everyReplacementIsARemovalThenAnAddition() {
        List<String> events = new CopyOnWriteArrayList<>();
        providers.watch(recorder(events, t -> { }));
        add("x", first, 0);
        add("x", second, 0);
        assertEquals(List.of("+x"), events, "a shadowed provider changes nothing");
        providers.removeTerminal("x", first);
        assertEquals(List.of("+x", "-x", "+x"), events, "the one in use left while another remains");
        add("x", first, 10);
        assertEquals(List.of("+x", "-x", "+x", "-x", "+x"), events, "a preferred one arrived");
        assertSame(first, providers.terminal("x"));
        providers.removeTerminal("x", first);
        providers.removeTerminal("x", second);
        add("x", second, 0);
        assertEquals(List.of("+x", "-x", "+x", "-x", "+x", "-x", "+x", "-x", "+x"), events,
                "left and came back");
    }

    @Test
    void racingChangesAreToldInTheOrderTheyHappened() throws Exception {
        add("x", first, 0);
        add("x", second, 0);
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        providers.watch(recorder(events, t -> {
            if (inside.getCount() > 0) {
                inside.countDown();
                await(release);
            }
        }));
        // The replacement is being told (stuck between its removal and its addition) when the
        // last provider leaves on another thread.
        Thread replacing = new Thread(() -> providers.removeTerminal("x", first), "replacing");
        replacing.start();
        await(inside);
        providers.removeTerminal("x", second);
        release.countDown();
        replacing.join(10_000);
        assertFalse(replacing.isAlive());
        assertEquals(List.of("-x", "+x", "-x"), events, "the last word matches the registry");
        assertNull(providers.terminal("x"));
    }

    @Test
    void aChangeMadeByAListenerIsToldAfterTheOneItReactsTo() {
        List<String> events = new CopyOnWriteArrayList<>();
        providers.watch(new TypeListener() {
            @Override
            public void typeAdded(String type) {
                if (type.equals("x")) {
                    add("y", second, 0);
                }
            }

            @Override
            public void typeRemoved(String type) {
            }
        });
        providers.watch(recorder(events, t -> { }));
        add("x", first, 0);
        assertEquals(List.of("+x", "+y"), events, "every listener hears x before y");
        assertTrue(providers.terminal("y") != null);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
