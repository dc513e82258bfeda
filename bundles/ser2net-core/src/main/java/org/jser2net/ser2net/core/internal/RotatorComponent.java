package org.jser2net.ser2net.core.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jser2net.gensio.api.Accepter;
import org.jser2net.gensio.api.AccepterHandler;
import org.jser2net.gensio.api.Callback;
import org.jser2net.gensio.api.Cancellable;
import org.jser2net.gensio.api.EventLoop;
import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.GensioRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ser2net rotator: clients of its accepter go to the first of its connections that has a free slot,
 * starting after the one that got the previous client (round robin); when none has, the client is
 * told {@code No free port found}. Runs on the loop its connections share (see the loop group that
 * ser2net-config gives them).
 */
@Component(configurationPid = RotatorConfiguration.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true, service = {})
@Designate(ocd = RotatorConfiguration.class, factory = true)
public final class RotatorComponent implements AccepterHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RotatorComponent.class);

    private final GensioRegistry registry;
    private final PortDirectory ports;
    private final String name;
    private final String stack;
    private final List<String> members;
    private final int retrySeconds;
    private final EventLoop loop;
    private final Cancellable typeWatch;
    private Accepter accepter;
    private Cancellable retry;
    private int next;
    private boolean stopped;

    @Activate
    public RotatorComponent(@Reference GensioRegistry registry, @Reference PortDirectory ports,
            RotatorConfiguration config) {
        this.registry = registry;
        this.ports = ports;
        this.name = config.name();
        this.stack = config.accepter();
        this.members = List.of(config.connections() == null ? new String[0] : config.connections());
        this.retrySeconds = Math.max(1, config.accepter$_$retry$_$time());
        this.loop = registry.loopFor(name);
        this.typeWatch = registry.watchTypes(new GensioRegistry.TypeListener() {
            @Override
            public void typeAdded(String type) {
                loop.execute(RotatorComponent.this::start);
            }

            @Override
            public void typeRemoved(String type) {
                loop.execute(() -> {
                    if (accepter != null && registry.missingTypes(registry.parse(stack)).contains(type)) {
                        closeAccepter(Callback.NONE);
                    }
                });
            }
        });
        loop.execute(this::start);
    }

    private void start() {
        if (stopped || accepter != null) {
            return;
        }
        Accepter a;
        try {
            a = registry.accepter(registry.parse(stack), loop);
        } catch (GensioException | RuntimeException e) {
            LOG.error("rotator {}: cannot create accepter {}: {}", name, stack, Messages.describe(e));
            return;
        }
        accepter = a;
        a.setHandler(this);
        a.startup(error -> loop.execute(() -> {
            if (error != null && accepter == a) {
                accepter = null;
                LOG.error("rotator {}: cannot start accepter {}: {}", name, stack, Messages.describe(error));
                retry = loop.schedule(this::start, retrySeconds, TimeUnit.SECONDS);
            }
        }));
    }

    @Override
    public void onConnection(Accepter from, Gensio client) {
        if (loop.inLoop()) {
            hand(client);
        } else {
            loop.execute(() -> hand(client));
        }
    }

    private void hand(Gensio client) {
        for (int i = 0; i < members.size(); i++) {
            int index = (next + i) % members.size();
            Port port = ports.get(members.get(index));
            if (port == null) {
                continue;
            }
            if (port.loop() != loop) {
                LOG.warn("rotator {}: connection {} runs on another event loop; give it the property {}={}",
                        name, port.name(), "jser2net.loop-group", name);
                continue;
            }
            if (port.offer(client)) {
                next = index + 1;
                return;
            }
        }
        Refusal.send(client, Messages.NO_FREE_PORT, Callback.NONE);
    }

    private void closeAccepter(Callback done) {
        Accepter a = accepter;
        accepter = null;
        if (a == null) {
            done.done(null);
        } else {
            a.shutdown(done);
        }
    }

    @Deactivate
    void deactivate() {
        typeWatch.cancel();
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.execute(() -> {
            stopped = true;
            if (retry != null) {
                retry.cancel();
            }
            closeAccepter(e -> done.complete(null));
        });
        try {
            done.get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("rotator {} did not stop within 2 s", name);
        }
    }
}
