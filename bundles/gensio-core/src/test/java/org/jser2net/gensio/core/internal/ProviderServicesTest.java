package org.jser2net.gensio.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.felix.framework.Felix;
import org.jser2net.gensio.api.Accepter;
import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.LayerSpec;
import org.jser2net.gensio.api.spi.FilterFactory;
import org.jser2net.gensio.api.spi.FilterProvider;
import org.jser2net.gensio.api.spi.GensioContext;
import org.jser2net.gensio.api.spi.TerminalProvider;
import org.jser2net.gensio.core.testkit.MemoryTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

/** The registry following provider services registered in a real (embedded Felix) framework. */
class ProviderServicesTest {

    /** One object that is both a terminal and a filter provider. */
    private static final class TerminalAndFilter implements TerminalProvider, FilterProvider {
        private final MemoryTerminal terminal = new MemoryTerminal();
        private final TestFilterProvider filter = new TestFilterProvider();

        @Override
        public Gensio connector(LayerSpec layer, GensioContext context) throws GensioException {
            return terminal.connector(layer, context);
        }

        @Override
        public Accepter accepter(LayerSpec layer, GensioContext context) throws GensioException {
            return terminal.accepter(layer, context);
        }

        @Override
        public FilterFactory configure(LayerSpec layer, Side side, GensioContext context) throws GensioException {
            return filter.configure(layer, side, context);
        }
    }

    @TempDir
    Path storage;
    private Felix felix;
    private BundleContext context;
    private final GensioRegistryImpl registry = new GensioRegistryImpl(1);

    @BeforeEach
    void startFramework() throws Exception {
        felix = new Felix(Map.of(Constants.FRAMEWORK_STORAGE, storage.toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        felix.start();
        context = felix.getBundleContext();
    }

    @AfterEach
    void stopFramework() throws Exception {
        registry.close();
        felix.stop();
        felix.waitForStop(10_000);
    }

    private static Dictionary<String, Object> props(String type, String kind) {
        Dictionary<String, Object> d = new Hashtable<>();
        d.put(TerminalProvider.TYPE, type);
        d.put(TerminalProvider.KIND, kind);
        return d;
    }

    /** The installed types as {@code name/terminal} or {@code name/filter}. */
    private Set<String> installed() {
        return registry.types().stream().map(t -> t.type() + (t.filter() ? "/filter" : "/terminal"))
                .collect(Collectors.toSet());
    }

    @Test
    void oneObjectOfferedAsTerminalAndAsFilterLeavesAsBoth() {
        TerminalAndFilter both = new TerminalAndFilter();
        ServiceRegistration<TerminalProvider> t = context.registerService(TerminalProvider.class, both,
                props("duo-t", "terminal"));
        ServiceRegistration<FilterProvider> f = context.registerService(FilterProvider.class, both,
                props("duo-f", "filter"));
        registry.bindTerminal(both, t.getReference());
        registry.bindFilter(both, f.getReference());
        assertEquals(Set.of("duo-t/terminal", "duo-f/filter"), installed());
        assertEquals("org.apache.felix.framework", registry.types().iterator().next().bundle());

        registry.unbindTerminal(both);
        assertEquals(Set.of("duo-f/filter"), installed(), "only the terminal left");
        registry.unbindFilter(both);
        assertTrue(installed().isEmpty(), "the filter type is gone too: " + installed());
    }

    @Test
    void oneServiceUnderBothInterfacesLeavesAsBoth() {
        TerminalAndFilter both = new TerminalAndFilter();
        ServiceRegistration<?> reg = context.registerService(new String[] {TerminalProvider.class.getName(),
            FilterProvider.class.getName()}, both, props("duo", "terminal"));
        @SuppressWarnings("unchecked")
        ServiceReference<TerminalProvider> asTerminal =
                (ServiceReference<TerminalProvider>) reg.getReference();
        @SuppressWarnings("unchecked")
        ServiceReference<FilterProvider> asFilter =
                (ServiceReference<FilterProvider>) reg.getReference();
        registry.bindTerminal(both, asTerminal);
        registry.bindFilter(both, asFilter);
        assertEquals(Set.of("duo/terminal", "duo/filter"), installed());
        registry.unbindFilter(both);
        registry.unbindTerminal(both);
        assertFalse(installed().contains("duo/terminal"), installed().toString());
        assertTrue(installed().isEmpty(), installed().toString());
    }
}
