package org.jser2net.ser2net.config.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.Set;

import org.jser2net.gensio.api.Defaults;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the ser2net configuration named by the launcher into ConfigAdmin and the {@link Defaults}
 * service at start, and again on reload (registered as the {@code reload} command; SIGHUP) and when
 * its files change; says Ready once every configured connection has tried its accepter.
 */
@Component(immediate = true, service = Runnable.class, property = "jser2net.command=reload")
public final class ConfigComponent implements Runnable {

    /** How long the files must be quiet after a change before they are read again. */
    static final long QUIET_MILLIS = 500;
    /** Bumped on the Defaults service whenever the defaults change. */
    static final String GENERATION = "jser2net.defaults.generation";

    private static final Logger LOG = LoggerFactory.getLogger(ConfigComponent.class);

    private final BundleContext context;
    private final ConfigSource source;
    private final ConfigApplier applier;
    private final ServiceTracker<Object, Object> ports;
    private final ServiceRegistration<Defaults> defaultsRegistration;
    private final Set<String> expected = new HashSet<>();
    private final Set<String> started = new HashSet<>();
    private ConfigWatcher watcher;
    private long generation;
    private String failure;
    private ServiceRegistration<?> outcome;

    @Activate
    public ConfigComponent(@Reference ConfigurationAdmin admin, BundleContext context) {
        this.context = context;
        this.source = new ConfigSource(context::getProperty);
        DefaultsService defaults = new DefaultsService();
        this.defaultsRegistration = context.registerService(Defaults.class, defaults, generation());
        this.applier = new ConfigApplier(source, new ConfigAdminMapper(new OsgiConfigStore(admin)), defaults,
                () -> defaultsRegistration.setProperties(generation()));
        this.ports = new ServiceTracker<>(context, filter("(ser2net.started=true)"), null) {
            @Override
            public Object addingService(ServiceReference<Object> ref) {
                portStarted(ref);
                return super.addingService(ref);
            }
        };
        Ser2netModel model = applier.read();
        if (source.strict() && !model.errors().isEmpty()) {
            finish(false, model.errors().get(0).getMessage());
            return;
        }
        try {
            applier.apply(model);
            synchronized (this) {
                model.connections().forEach(c -> expected.add(c.name()));
            }
        } catch (IOException e) {
            LOG.error("cannot store the configuration: {}", e.getMessage(), e);
        }
        startWatching();
        ports.open();
        checkStarted();
    }

    private synchronized Dictionary<String, Object> generation() {
        Dictionary<String, Object> p = new Hashtable<>();
        p.put(GENERATION, generation++);
        return p;
    }

    private void startWatching() {
        if (source.file() == null || !source.watch()) {
            return;
        }
        try {
            watcher = new ConfigWatcher(this::fileChanged, QUIET_MILLIS);
            watcher.watch(applier.files());
        } catch (IOException e) {
            LOG.warn("cannot watch the configuration for changes: {}", e.toString());
        }
    }

    private void fileChanged() {
        LOG.info("configuration file changed, re-reading configuration");
        run();
    }

    private Filter filter(String text) {
        try {
            return FrameworkUtil.createFilter(text);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private synchronized void portStarted(ServiceReference<Object> ref) {
        started.add(String.valueOf(ref.getProperty("ser2net.port")));
        Object err = ref.getProperty("ser2net.error");
        if (err != null && failure == null) {
            failure = String.valueOf(err);
        }
        checkStarted();
    }

    private synchronized void checkStarted() {
        if (outcome != null || !started.containsAll(expected)) {
            return;
        }
        if (source.strict() && failure != null) {
            finish(false, failure);
        } else {
            finish(true, null);
        }
    }

    private void finish(boolean ready, String message) {
        Dictionary<String, Object> p = new Hashtable<>();
        if (ready) {
            p.put("jser2net.ready", "true");
        } else {
            p.put("jser2net.failed", "true");
            p.put("jser2net.failed.message", message);
        }
        outcome = context.registerService(Outcome.class, new Outcome(ready, message), p);
    }

    /** Reload: re-reads the configuration; one that has errors changes nothing. */
    @Override
    public synchronized void run() {
        applier.reload();
        if (watcher != null) {
            watcher.watch(applier.files());
        }
    }

    @Deactivate
    void deactivate() {
        if (watcher != null) {
            watcher.close();
        }
        ports.close();
        defaultsRegistration.unregister();
    }

    /** Registered once start-up is over: ready, or failed with a message (strict mode). */
    public record Outcome(boolean ready, String message) {
    }
}
