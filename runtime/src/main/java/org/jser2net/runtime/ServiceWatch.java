package org.jser2net.runtime;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches for the marker services the connection manager registers: {@code (jser2net.ready=true)}
 * prints {@code Ready} once ({@code -r}); {@code (jser2net.failed=true)} ends the process with
 * status 1 under {@code --strict}, after printing its {@code jser2net.failed.message}.
 */
final class ServiceWatch {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceWatch.class);

    private final ServiceTracker<Object, Object> ready;
    private final ServiceTracker<Object, Object> failed;
    private final AtomicBoolean said = new AtomicBoolean();

    /** Creates the trackers; {@code onFailure} receives the message and must end the process. */
    ServiceWatch(BundleContext context, Options options, PrintStream out, Consumer<String> onFailure)
            throws InvalidSyntaxException {
        this.ready = !options.ready() ? null : new ServiceTracker<>(context,
                context.createFilter("(jser2net.ready=true)"), null) {
            @Override
            public Object addingService(ServiceReference<Object> reference) {
                if (said.compareAndSet(false, true)) {
                    out.print("Ready\n");
                    out.flush();
                    if (LOG.isDebugEnabled()) {
                        LOG.debug("Ready {} ms after JVM start", Server.uptimeMillis());
                    }
                }
                return reference;
            }
        };
        this.failed = !options.strict() ? null : new ServiceTracker<>(context,
                context.createFilter("(jser2net.failed=true)"), null) {
            @Override
            public Object addingService(ServiceReference<Object> reference) {
                Object message = reference.getProperty("jser2net.failed.message");
                onFailure.accept(message == null ? "configuration failed" : message.toString());
                return reference;
            }
        };
    }

    /** Starts watching; services already registered are seen at once. */
    void open() {
        if (ready != null) {
            ready.open(true);
        }
        if (failed != null) {
            failed.open(true);
        }
    }

    /** Stops watching. */
    void close() {
        if (ready != null) {
            ready.close();
        }
        if (failed != null) {
            failed.close();
        }
    }
}
