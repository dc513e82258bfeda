package org.jser2net.gensio.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jser2net.gensio.api.Cancellable;
import org.jser2net.gensio.api.EventLoop;
import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.GensioRegistry.TypeInfo;
import org.jser2net.gensio.api.GensioRegistry.TypeListener;
import org.jser2net.gensio.api.GensioState;
import org.jser2net.gensio.api.LayerSpec;
import org.jser2net.gensio.api.MissingTypeException;
import org.jser2net.gensio.api.StackSpec;
import org.jser2net.gensio.core.testkit.MemoryTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GensioRegistryImplTest {

    private final MemoryTerminal mem = new MemoryTerminal();
    private final TestFilterProvider filters = new TestFilterProvider();
    private final GensioRegistryImpl registry = new GensioRegistryImpl(2, Map.of("mem", mem),
            Map.of("tf", filters));

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void threadsComeFromThePropertyWithOneAsDefault() {
        assertEquals(1, GensioRegistryImpl.threads(null));
        assertEquals(1, GensioRegistryImpl.threads(""));
        assertEquals(4, GensioRegistryImpl.threads(" 4 "));
        assertEquals(1, GensioRegistryImpl.threads("0"));
        assertEquals(1, GensioRegistryImpl.threads("many"));
        assertEquals(2, registry.loopCount());
    }

    @Test
    void parseTreatsInstalledTypesAsFilters() {
        assertEquals(2, registry.parse("tf(upper),mem,x").layers().size());
        assertEquals("tf", registry.parse("tf(upper),mem,x").top().type());
        registry.removeFilter("tf", filters);
        StackSpec now = registry.parse("tf(upper),mem,x");
        assertEquals(1, now.layers().size(), "an unknown type followed by words is a terminal");
        assertEquals(List.of("mem", "x"), now.terminal().args());
        assertEquals(2, registry.parse("telnet,mem,x").layers().size(), "known filters parse");
    }

    @Test
    void connectorWrapsFiltersBottomUpOnTheGivenLoop() throws Exception {
        EventLoop loop = registry.nextLoop();
        Gensio g = registry.connector(registry.parse("tf(upper),tf(greet=a),mem,x"), loop);
        assertEquals("tf", g.type());
        assertEquals("tf", g.child().type());
        assertEquals("mem", g.child().child().type());
        assertEquals(null, g.child().child().child());
        assertSame(loop, g.loop());
        assertSame(loop, g.child().child().loop());
        assertEquals(GensioState.CLOSED, g.state());
        assertEquals(2, filters.configures.get());
        assertEquals(2, filters.wraps.get());
    }

    @Test
    void connectorWithoutLoopGetsOneOfTheRegistrysLoops() throws Exception {
        Gensio a = registry.connector(registry.parse("mem,x"), null);
        Gensio b = registry.connector(registry.parse("mem,x"), null);
        assertNotSame(a.loop(), b.loop(), "two loops are used round robin");
    }

    @Test
    void missingTypesAreNamedInStackOrder() {
        StackSpec spec = registry.parse("telnet,tf,serialdev,/dev/ttyS0");
        assertEquals(List.of("telnet", "serialdev"), List.copyOf(registry.missingTypes(spec)));
        MissingTypeException e = assertThrows(MissingTypeException.class,
                () -> registry.connector(spec, null));
        assertEquals("telnet", e.missingType());
        assertTrue(e.getMessage().contains("telnet"), e.getMessage());
        MissingTypeException a = assertThrows(MissingTypeException.class, () -> registry.accepter(spec));
        assertEquals("telnet", a.missingType());
        assertTrue(registry.missingTypes(registry.parse("tf,mem,x")).isEmpty());
    }

    @Test
    void aTerminalTypeIsNotAFilterAndViceVersa() {
        StackSpec upsideDown = new StackSpec(List.of(new LayerSpec("mem"), new LayerSpec("tf")));
        assertEquals(List.of("mem", "tf"), List.copyOf(registry.missingTypes(upsideDown)));
        assertThrows(MissingTypeException.class, () -> registry.connector(upsideDown, null));
    }

    @Test
    void providerFailuresAreGensioExceptions() {
        GensioException e = assertThrows(GensioException.class,
                () -> registry.connector(registry.parse("tf(bad),mem,x"), null));
        assertEquals("bad option", e.getMessage());
        GensioException m = assertThrows(GensioException.class,
                () -> registry.connector(registry.parse("mem"), null));
        assertTrue(m.getMessage().contains("mem needs exactly one argument"), m.getMessage());
    }

    @Test
    void listenersHearArrivalsDeparturesAndProviderChanges() {
        List<String> events = new CopyOnWriteArrayList<>();
        Cancellable watch = registry.watchTypes(new TypeListener() {
            @Override
            public void typeAdded(String type) {
                events.add("+" + type);
            }

            @Override
            public void typeRemoved(String type) {
                events.add("-" + type);
            }
        });
        MemoryTerminal first = new MemoryTerminal();
        MemoryTerminal second = new MemoryTerminal();
        StackSpec spec = registry.parse("t1,x");
        assertEquals(List.of("t1"), List.copyOf(registry.missingTypes(spec)));

        registry.addTerminal("t1", first, "org.example.one", "1.2.3");
        assertEquals(List.of("+t1"), events);
        assertTrue(registry.missingTypes(spec).isEmpty());
        assertTrue(registry.types().contains(new TypeInfo("t1", false, "org.example.one", "1.2.3")));
        assertTrue(registry.types().contains(new TypeInfo("tf", true, "test", "0.0.0")));

        registry.addTerminal("t1", second, "org.example.two", "2.0.0");
        assertEquals(List.of("+t1"), events, "a second provider of a present type changes nothing");
        registry.removeTerminal("t1", first);
        assertEquals(List.of("+t1", "-t1", "+t1"), events, "the provider in use left: rebuild");
        assertFalse(registry.types().contains(new TypeInfo("t1", false, "org.example.one", "1.2.3")));
        registry.removeTerminal("t1", second);
        assertEquals(List.of("+t1", "-t1", "+t1", "-t1"), events);
        assertEquals(List.of("t1"), List.copyOf(registry.missingTypes(spec)));

        registry.removeFilter("tf", filters);
        assertEquals("-tf", events.get(events.size() - 1));
        watch.cancel();
        registry.addFilter("tf", filters, "test", "0.0.0");
        assertEquals(5, events.size(), "a cancelled listener hears nothing");
    }

    @Test
    void aFailingListenerDoesNotStopTheOthers() {
        List<String> events = new CopyOnWriteArrayList<>();
        registry.watchTypes(new TypeListener() {
            @Override
            public void typeAdded(String type) {
                throw new IllegalStateException("boom");
            }

            @Override
            public void typeRemoved(String type) {
            }
        });
        registry.watchTypes(new TypeListener() {
            @Override
            public void typeAdded(String type) {
                events.add(type);
            }

            @Override
            public void typeRemoved(String type) {
            }
        });
        registry.addTerminal("t2", new MemoryTerminal(), "b", "1");
        assertEquals(List.of("t2"), events);
    }
}
