package org.jser2net.ser2net.config.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.Set;
import java.util.stream.Collectors;

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
 * Reads the ser2net configuration named by the launcher into ConfigAdmin at start and on reload
 * (registered as the {@code reload} command), and says Ready once every configured connection has
 * tried its accepter.
 */
@Component(immediate = true, service = Runnable.class, property = "jser2net.command=reload")
public final class ConfigComponent implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigComponent.class);

    private final BundleContext context;
    private final ConfigSource source;
    private final ConfigAdminMapper mapper;
    private final ServiceTracker<Object, Object> ports;
    private final Set<String> expected = new HashSet<>();
    private final Set<String> started = new HashSet<>();
    private String failure;
    private ServiceRegistration<?> outcome;

    @Activate
    public ConfigComponent(@Reference ConfigurationAdmin admin, BundleContext context) {
        this.context = context;
        this.source = new ConfigSource(context::getProperty);
        this.mapper = new ConfigAdminMapper(admin);
        this.ports = new ServiceTracker<>(context, filter("(ser2net.started=true)"), null) {
            @Override
            public Object addingService(ServiceReference<Object> ref) {
                portStarted(ref);
                return super.addingService(ref);
            }
        };
        Ser2netModel model = source.read();
        model.warnings().forEach(w -> LOG.warn("{}", w));
        model.errors().forEach(e -> LOG.error("{}", e.getMessage()));
        if (source.strict() && !model.errors().isEmpty()) {
            finish(false, model.errors().get(0).getMessage());
            return;
        }
        try {
            synchronized (this) {
                expected.addAll(mapper.apply(model.connections(), "ser2net.yaml"));
            }
        } catch (IOException e) {
            LOG.error("cannot store the configuration: {}", e.getMessage(), e);
        }
        ports.open();
        checkStarted();
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
    public void run() {
        Ser2netModel model = source.read();
        if (!model.errors().isEmpty()) {
            LOG.error("reload failed, configuration unchanged: {}",
                    model.errors().stream().map(Throwable::getMessage).collect(Collectors.joining("; ")));
            return;
        }
        try {
            mapper.apply(model.connections(), "ser2net.yaml");
            LOG.info("configuration reloaded");
        } catch (IOException e) {
            LOG.error("reload failed: {}", e.getMessage(), e);
        }
    }

    @Deactivate
    void deactivate() {
        ports.close();
    }

    /** Registered once start-up is over: ready, or failed with a message (strict mode). */
    public record Outcome(boolean ready, String message) {
    }
}
