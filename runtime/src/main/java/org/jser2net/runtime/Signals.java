package org.jser2net.runtime;

import java.util.Collection;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGHUP re-reads the configuration: it runs every {@code java.lang.Runnable} service registered
 * with {@code jser2net.command=reload}. SIGTERM and SIGINT keep the JVM's handling, which runs the
 * launcher's shutdown hook.
 */
final class Signals {

    private static final Logger LOG = LoggerFactory.getLogger(Signals.class);
    static final String RELOAD_FILTER = "(jser2net.command=reload)";

    private Signals() {
    }

    /** Installs the SIGHUP handler for {@code context}; logs a warning if the JVM does not allow it. */
    static void install(BundleContext context) {
        try {
            SignalHandler old = Signal.handle(new Signal("HUP"), signal -> reload(context, "SIGHUP"));
            if (old == SignalHandler.SIG_IGN) {
                LOG.warn("SIGHUP was ignored when jser2net started (nohup?), so it will not reload");
            }
        } catch (IllegalArgumentException e) {
            LOG.warn("SIGHUP cannot be handled ({}); reload only through the admin port or shell",
                    e.getMessage());
        }
    }

    /** Runs every reload service; {@code why} names the trigger in the log. */
    static void reload(BundleContext context, String why) {
        LOG.info("Got {}, re-reading configuration", why);
        Collection<ServiceReference<Runnable>> refs;
        try {
            refs = context.getServiceReferences(Runnable.class, RELOAD_FILTER);
        } catch (InvalidSyntaxException | IllegalStateException e) {
            LOG.debug("no reload: {}", e.getMessage());
            return;
        }
        if (refs.isEmpty()) {
            LOG.debug("no reload service is registered");
        }
        for (ServiceReference<Runnable> ref : refs) {
            Runnable reload = context.getService(ref);
            if (reload == null) {
                continue;
            }
            try {
                reload.run();
            } catch (RuntimeException e) {
                LOG.error("reload failed in bundle {}", ref.getBundle().getSymbolicName(), e);
            } finally {
                context.ungetService(ref);
            }
        }
    }
}
