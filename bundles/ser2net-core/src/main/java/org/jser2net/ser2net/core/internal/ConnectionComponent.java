package org.jser2net.ser2net.core.internal;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jser2net.gensio.api.Cancellable;
import org.jser2net.gensio.api.EventLoop;
import org.jser2net.gensio.api.GensioRegistry;
import org.jser2net.gensio.api.StackSpec;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ser2net connection, made by ConfigAdmin from a factory configuration. It runs a {@link Port}
 * on a loop of its own choosing, follows gensio types as they come and go, and announces with a
 * {@code ser2net.port} service property once its accepter has been tried, so start-up can say Ready.
 */
@Component(configurationPid = ConnectionConfiguration.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true, service = {})
@Designate(ocd = ConnectionConfiguration.class, factory = true)
public final class ConnectionComponent {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionComponent.class);

    private final Port port;
    private final EventLoop loop;
    private final Cancellable typeWatch;
    private volatile ServiceRegistration<?> marker;

    @Activate
    public ConnectionComponent(@Reference GensioRegistry registry, ConnectionConfiguration config,
            BundleContext context) {
        PortSettings settings = settings(registry, config);
        this.loop = registry.nextLoop();
        this.port = new Port(settings, registry, loop);
        this.typeWatch = registry.watchTypes(new GensioRegistry.TypeListener() {
            @Override
            public void typeAdded(String type) {
                loop.execute(port::typesChanged);
            }

            @Override
            public void typeRemoved(String type) {
                loop.execute(port::typesChanged);
            }
        });
        port.onStateChange(this::republish);
        loop.execute(() -> port.start(error -> announce(context, settings.name(), error)));
    }

    private static PortSettings settings(GensioRegistry registry, ConnectionConfiguration config) {
        String name = config.name();
        StackSpec accepter = parse(registry, name, "accepter", config.accepter());
        StackSpec connector = parse(registry, name, "connector", config.connector());
        return new PortSettings(name, accepter, connector, config.enable(), config.max$_$connections(),
                config.kickolduser());
    }

    private static StackSpec parse(GensioRegistry registry, String name, String what, String stack) {
        if (stack == null || stack.isBlank()) {
            throw new IllegalArgumentException("connection " + name + ": no " + what + " given");
        }
        try {
            return registry.parse(stack);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("connection " + name + ": bad " + what + ": " + e.getMessage(), e);
        }
    }

    private Dictionary<String, Object> properties(Throwable error) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("ser2net.port", port.name());
        props.put("ser2net.started", Boolean.TRUE);
        props.put("ser2net.state", port.state().name().toLowerCase(java.util.Locale.ROOT));
        props.put("ser2net.problem", port.problem());
        if (error != null) {
            props.put("ser2net.error", error.getMessage());
        }
        return props;
    }

    private void announce(BundleContext context, String name, Throwable error) {
        try {
            marker = context.registerService(PortMarker.class, new PortMarker(name), properties(error));
        } catch (IllegalStateException e) {
            LOG.debug("connection {} stopped before it was announced", name);
        }
    }

    /** Keeps the marker's state properties current, so status tools see a waiting type. */
    private void republish() {
        ServiceRegistration<?> m = marker;
        if (m != null) {
            try {
                m.setProperties(properties(null));
            } catch (IllegalStateException e) {
                LOG.debug("marker already gone", e);
            }
        }
    }

    @Deactivate
    void deactivate() {
        typeWatch.cancel();
        ServiceRegistration<?> m = marker;
        if (m != null) {
            try {
                m.unregister();
            } catch (IllegalStateException e) {
                LOG.debug("marker already gone", e);
            }
        }
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        loop.execute(() -> port.stop(e -> stopped.complete(null)));
        try {
            stopped.get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("connection {} did not stop within 2 s", port.name());
        }
    }
}
