package org.jser2net.gensio.core.internal;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

import org.jser2net.gensio.api.Accepter;
import org.jser2net.gensio.api.Cancellable;
import org.jser2net.gensio.api.Defaults;
import org.jser2net.gensio.api.EventLoop;
import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.GensioRegistry;
import org.jser2net.gensio.api.StackSpec;
import org.jser2net.gensio.api.spi.FilterProvider;
import org.jser2net.gensio.api.spi.TerminalProvider;
import org.jser2net.gensio.core.internal.ProviderSet.Entry;
import org.jser2net.gensio.core.loop.EventLoopGroup;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link GensioRegistry} service: follows the terminal and filter provider services (keyed by
 * their {@code gensio.type} property), builds stacks from them, and owns the event loops
 * ({@code jser2net.threads}, default 1, like ser2net's {@code -t}).
 */
@Component(service = GensioRegistry.class, immediate = true)
public final class GensioRegistryImpl implements GensioRegistry, AutoCloseable {

    /** Framework (or system) property giving the number of event loops. */
    public static final String THREADS_PROPERTY = "jser2net.threads";

    private static final Logger LOG = LoggerFactory.getLogger(GensioRegistryImpl.class);

    private final Providers providers = new Providers();
    private final StackBuilder builder = new StackBuilder(providers, this);
    private final EventLoopGroup loops;
    /**
     * The types each bound service was registered under, so unbinding never relies on its
     * properties; one map per kind, since one object may be offered as a terminal and as a filter.
     */
    private final Map<TerminalProvider, String[]> boundTerminals = new IdentityHashMap<>();
    private final Map<FilterProvider, String[]> boundFilters = new IdentityHashMap<>();
    private volatile Defaults defaults;

    @Activate
    public GensioRegistryImpl(BundleContext context) {
        this(threads(context.getProperty(THREADS_PROPERTY)));
    }

    /** A registry with no providers yet, for tests and embedding; see the add methods. */
    public GensioRegistryImpl(int threads) {
        loops = new EventLoopGroup(threads, "gensio-loop");
    }

    /** A registry with the given providers (keyed by gensio type), for tests and embedding. */
    public GensioRegistryImpl(int threads, Map<String, ? extends TerminalProvider> terminals,
            Map<String, ? extends FilterProvider> filters) {
        this(threads);
        terminals.forEach((t, p) -> addTerminal(t, p, "test", "0.0.0"));
        filters.forEach((t, p) -> addFilter(t, p, "test", "0.0.0"));
    }

    static int threads(String value) {
        if (value == null || value.isBlank()) {
            return 1;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        LOG.warn("{}={} is not a positive number of threads; using 1", THREADS_PROPERTY, value);
        return 1;
    }

    @Deactivate
    @Override
    public void close() {
        loops.close();
    }

    public void addTerminal(String type, TerminalProvider provider, String bundle, String version) {
        providers.addTerminal(new Entry<>(type, provider, bundle, version, 0, providers.nextOrder()));
    }

    public void removeTerminal(String type, TerminalProvider provider) {
        providers.removeTerminal(type, provider);
    }

    public void addFilter(String type, FilterProvider provider, String bundle, String version) {
        providers.addFilter(new Entry<>(type, provider, bundle, version, 0, providers.nextOrder()));
    }

    public void removeFilter(String type, FilterProvider provider) {
        providers.removeFilter(type, provider);
    }

    @Reference(service = TerminalProvider.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            unbind = "unbindTerminal")
    void bindTerminal(TerminalProvider provider, ServiceReference<TerminalProvider> ref) {
        for (String type : bound(boundTerminals, provider, ref)) {
            providers.addTerminal(entry(type, provider, ref));
        }
    }

    void unbindTerminal(TerminalProvider provider) {
        for (String type : unbound(boundTerminals, provider)) {
            providers.removeTerminal(type, provider);
        }
    }

    @Reference(service = FilterProvider.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            unbind = "unbindFilter")
    void bindFilter(FilterProvider provider, ServiceReference<FilterProvider> ref) {
        for (String type : bound(boundFilters, provider, ref)) {
            providers.addFilter(entry(type, provider, ref));
        }
    }

    void unbindFilter(FilterProvider provider) {
        for (String type : unbound(boundFilters, provider)) {
            providers.removeFilter(type, provider);
        }
    }

    @Reference(service = Defaults.class, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            unbind = "unbindDefaults")
    void bindDefaults(Defaults d) {
        defaults = d;
    }

    void unbindDefaults(Defaults d) {
        if (defaults == d) {
            defaults = null;
        }
    }

    /** The option defaults in force: the {@link Defaults} service, or none. */
    Defaults defaults() {
        Defaults d = defaults;
        return d == null ? Defaults.NONE : d;
    }

    private static <P> String[] bound(Map<P, String[]> boundTypes, P provider, ServiceReference<?> ref) {
        Object value = ref.getProperty(TerminalProvider.TYPE);
        String[] types = value instanceof String ? new String[] {(String) value}
                : value instanceof String[] ? ((String[]) value).clone() : new String[0];
        if (types.length == 0) {
            LOG.warn("ignoring gensio provider {} of {}: it has no {} property", ref,
                    ref.getBundle() == null ? "?" : ref.getBundle().getSymbolicName(), TerminalProvider.TYPE);
        }
        synchronized (boundTypes) {
            boundTypes.put(provider, types);
        }
        return types;
    }

    private static <P> String[] unbound(Map<P, String[]> boundTypes, P provider) {
        synchronized (boundTypes) {
            String[] types = boundTypes.remove(provider);
            return types == null ? new String[0] : types;
        }
    }

    private static <P> Entry<P> entry(String type, P provider, ServiceReference<?> ref) {
        Object ranking = ref.getProperty(Constants.SERVICE_RANKING);
        Object id = ref.getProperty(Constants.SERVICE_ID);
        return new Entry<>(type, provider,
                ref.getBundle() == null ? "?" : ref.getBundle().getSymbolicName(),
                ref.getBundle() == null ? "?" : ref.getBundle().getVersion().toString(),
                ranking instanceof Integer ? (Integer) ranking : 0, id instanceof Long ? (Long) id : 0L);
    }

    @Override
    public StackSpec parse(String stack) {
        return builder.parse(stack);
    }

    @Override
    public Gensio connector(StackSpec stack, EventLoop loop) throws GensioException {
        return builder.connector(stack, loop);
    }

    @Override
    public Accepter accepter(StackSpec stack) throws GensioException {
        return builder.accepter(stack, null);
    }

    @Override
    public Accepter accepter(StackSpec stack, EventLoop loop) throws GensioException {
        return builder.accepter(stack, loop);
    }

    @Override
    public Set<String> missingTypes(StackSpec stack) {
        return builder.missingTypes(stack);
    }

    @Override
    public Set<TypeInfo> types() {
        return providers.infos();
    }

    @Override
    public EventLoop nextLoop() {
        return loops.next();
    }

    @Override
    public EventLoop loopFor(String key) {
        return loops.get(Math.floorMod(key.hashCode(), loops.size()));
    }

    /** How many event loops this registry runs. */
    public int loopCount() {
        return loops.size();
    }

    @Override
    public Cancellable watchTypes(TypeListener listener) {
        return providers.watch(listener);
    }

    @Override
    public String toString() {
        return "GensioRegistry[" + loops.size() + " loops]";
    }
}
