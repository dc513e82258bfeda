package org.jser2net.ser2net.core.internal;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jser2net.gensio.api.Cancellable;
import org.jser2net.gensio.api.EventLoop;
import org.jser2net.gensio.api.GensioRegistry;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.ComponentConstants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ser2net connection, made by ConfigAdmin from a factory configuration. It runs a {@link Port} on a
 * loop of its own, follows gensio types as they come and go, and publishes the port's state as
 * {@code ser2net.*} properties of a marker service (registered once the accepter has been tried, so
 * start-up can say Ready; a configuration that cannot be used registers it at once with the error).
 */
@Component(configurationPid = ConnectionConfiguration.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true, service = {})
@Designate(ocd = ConnectionConfiguration.class, factory = true)
public final class ConnectionComponent {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionComponent.class);

    /** The configuration properties this component carries out (ser2net option names). */
    static final Set<String> IMPLEMENTED = Set.of("name", "accepter", "connector", "enable", "max-connections",
            "kickolduser", "timeout", "banner", "openstr", "closestr", "closeon", "sendon", "chardelay",
            "chardelay-scale", "chardelay-min", "chardelay-max", "dev-to-net-bufsize", "net-to-dev-bufsize",
            "no-con-to-acc", "no-acc-to-con", "accepter-retry-time", "trace-read", "trace-write", "trace-both",
            "trace-read-hexdump", "trace-read-timestamp", "trace-write-hexdump", "trace-write-timestamp",
            "trace-both-hexdump", "trace-both-timestamp", "remaddr", "connback", "connector-retry-time", "signature", "telnet-brk-on-sync");

    /** Property that puts connections on one loop with a rotator (set by ser2net-config). */
    static final String LOOP_GROUP = "jser2net.loop-group";

    private final BundleContext context;
    private final PortDirectory directory;
    private final String name;
    private final Port port;
    private final EventLoop loop;
    private final Cancellable typeWatch;
    private ServiceRegistration<?> marker;
    private boolean stopped;

    @Activate
    public ConnectionComponent(@Reference GensioRegistry registry, @Reference PortDirectory directory,
            ConnectionConfiguration config, BundleContext context, Map<String, Object> properties) {
        this.context = context;
        this.directory = directory;
        this.name = config.name();
        warnUnimplemented(properties);
        Object group = properties.get(LOOP_GROUP);
        this.loop = group == null ? registry.nextLoop() : registry.loopFor(String.valueOf(group));
        PortSettings settings;
        try {
            settings = PortSettings.from(config);
        } catch (IllegalArgumentException e) {
            LOG.error("connection {}: {}", name, e.getMessage());
            port = null;
            typeWatch = () -> { };
            publish("failed", e.getMessage(), e.getMessage());
            return;
        }
        this.port = new Port(settings, registry, loop);
        port.directory(directory);
        directory.add(port);
        this.typeWatch = registry.watchTypes(new GensioRegistry.TypeListener() {
            @Override
            public void typeAdded(String type) {
                loop.execute(() -> port.typeAdded(type));
            }

            @Override
            public void typeRemoved(String type) {
                loop.execute(() -> port.typeRemoved(type));
            }
        });
        port.onStateChange(this::republish);
        loop.execute(() -> port.start(error -> publish(null, null, error == null ? null : error.getMessage())));
    }

    /** ser2net's defaults of options not carried out yet: set to these, nothing is missed. */
    private static final Map<String, Object> HARMLESS = Map.of("mdns", false, "mdns-sysattrs", false,
            "mdns-interface", -1, "mdns-nettype", "unspec", "timeout-on-os-queue", false,
            "authdir", "", "connector-retry-time", 10);

    /** Options this version does not carry out yet are named (unless left at ser2net's default). */
    private void warnUnimplemented(Map<String, Object> properties) {
        for (Map.Entry<String, Object> e : properties.entrySet()) {
            String key = e.getKey();
            Object harmless = HARMLESS.get(key);
            if (harmless != null && (harmless.equals(e.getValue()) || "authdir".equals(key))) {
                continue;
            }
            if (!IMPLEMENTED.contains(key) && !key.startsWith("service.") && !key.startsWith("component.")
                    && !key.startsWith("jser2net.") && !key.startsWith("felix.") && !key.startsWith("osgi.")) {
                LOG.warn("connection {}: option {} is not implemented in this version of jser2net and is ignored",
                        name, key);
            }
        }
    }

    @Modified
    void modified(ConnectionConfiguration config, Map<String, Object> properties) {
        if (port == null) {
            return;
        }
        warnUnimplemented(properties);
        try {
            PortSettings next = PortSettings.from(config);
            loop.execute(() -> port.reconfigure(next));
        } catch (IllegalArgumentException e) {
            LOG.error("connection {}: {} (settings unchanged)", name, e.getMessage());
        }
    }

    private synchronized void publish(String state, String problem, String error) {
        if (stopped) {
            return;
        }
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("ser2net.port", name);
        props.put("ser2net.started", Boolean.TRUE);
        props.put("ser2net.state", state != null ? state : port.state().name().toLowerCase(Locale.ROOT));
        props.put("ser2net.problem", problem != null ? problem : port.problem());
        if (error != null) {
            props.put("ser2net.error", error);
        }
        try {
            if (marker == null) {
                marker = context.registerService(PortMarker.class, new PortMarker(name), props);
            } else {
                marker.setProperties(props);
            }
        } catch (IllegalStateException e) {
            LOG.debug("connection {}: bundle stopping, marker not published", name);
        }
    }

    /** Keeps the marker's state properties current, once it exists. */
    private synchronized void republish() {
        if (marker != null) {
            publish(null, null, null);
        }
    }

    @Deactivate
    void deactivate(int reason) {
        typeWatch.cancel();
        synchronized (this) {
            stopped = true;
            if (marker != null) {
                try {
                    marker.unregister();
                } catch (IllegalStateException e) {
                    LOG.debug("marker already gone", e);
                }
                marker = null;
            }
        }
        if (port == null) {
            return;
        }
        directory.remove(port);
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (reason == ComponentConstants.DEACTIVATION_REASON_CONFIGURATION_DELETED) {
            loop.execute(() -> port.retire(e -> done.complete(null)));
            return;
        }
        loop.execute(() -> port.stop(e -> done.complete(null)));
        try {
            done.get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("connection {} did not stop within 2 s", name);
        }
    }
}
