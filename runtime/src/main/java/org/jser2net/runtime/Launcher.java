package org.jser2net.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the Felix framework and installs {@code bundle/<level>/*.jar} by reference (no copy),
 * each at the start level its folder names; jars directly in {@code bundle/} get level 2.
 */
final class Launcher {

    private static final Logger LOG = LoggerFactory.getLogger(Launcher.class);
    private static final int DEFAULT_LEVEL = 2;

    private Launcher() {
    }

    /** Creates and initializes the framework with {@code properties} (Felix log goes to SLF4J). */
    static Framework init(Map<String, String> properties) throws BundleException {
        Map<String, Object> config = new HashMap<>(properties);
        config.put("felix.log.logger", new FelixLogBridge());
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi framework on the classpath"));
        @SuppressWarnings({"unchecked", "rawtypes"})
        Framework framework = factory.newFramework((Map) config);
        framework.init();
        return framework;
    }

    /** Installs every bundle under {@code dir} and marks the non-fragments to start. */
    static List<Bundle> install(BundleContext context, Path dir) throws IOException, BundleException {
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : jars(dir)) {
            Bundle bundle = context.installBundle("reference:" + jar.toUri());
            bundle.adapt(BundleStartLevel.class).setStartLevel(level(dir, jar));
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                bundle.start();
            }
            installed.add(bundle);
        }
        return installed;
    }

    /** Logs every bundle's state at debug level, and warns about bundles that did not start. */
    static void report(BundleContext context) {
        for (Bundle bundle : context.getBundles()) {
            boolean fragment = bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            String line = String.format("%3d|%-11s|%2d| %s (%s)", bundle.getBundleId(), state(bundle),
                    bundle.adapt(BundleStartLevel.class).getStartLevel(), bundle.getSymbolicName(),
                    bundle.getVersion());
            if (!fragment && bundle.getState() != Bundle.ACTIVE) {
                LOG.warn("bundle not active: {}", line);
            } else {
                LOG.debug("{}", line);
            }
        }
    }

    private static List<Path> jars(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("no bundle directory " + dir);
        }
        try (Stream<Path> walk = Files.walk(dir, 2)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static int level(Path dir, Path jar) {
        Path parent = jar.getParent();
        if (parent.equals(dir)) {
            return DEFAULT_LEVEL;
        }
        try {
            return Math.max(1, Integer.parseInt(parent.getFileName().toString()));
        } catch (NumberFormatException e) {
            return DEFAULT_LEVEL;
        }
    }

    private static String state(Bundle bundle) {
        return switch (bundle.getState()) {
            case Bundle.INSTALLED -> "Installed";
            case Bundle.RESOLVED -> "Resolved";
            case Bundle.STARTING -> "Starting";
            case Bundle.STOPPING -> "Stopping";
            case Bundle.ACTIVE -> "Active";
            default -> "Uninstalled";
        };
    }
}
