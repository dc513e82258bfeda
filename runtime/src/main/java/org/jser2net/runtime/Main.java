package org.jser2net.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;

/**
 * Entry point of {@code bin/jser2net}: parses ser2net's command line, settles the configuration
 * source, detaches like ser2net unless told not to, and runs the OSGi framework ({@link Server}).
 * The script passes {@code jser2net.home} (the installation) and {@code jser2net.argv0}.
 */
public final class Main {

    private Main() {
    }

    /** Runs jser2net; never returns normally. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Does everything {@link #main} does and returns the exit status instead of exiting. */
    static int run(String[] args) {
        String argv0 = System.getProperty("jser2net.argv0", "jser2net");
        Options options;
        try {
            options = ArgumentParser.parse(Arrays.asList(args));
        } catch (UsageException e) {
            System.err.println(e.getMessage());
            if (e.showHelp()) {
                System.err.print(ArgumentParser.help(argv0));
            }
            return 1;
        }
        if (options.version()) {
            System.out.print(argv0 + " version " + version() + "\n");
            System.out.flush();
            return 0;
        }
        Path home = home();
        Map<String, String> config;
        try {
            config = ConfigSource.properties(options, ConfigSource.DEFAULTS,
                    home.resolve("conf/ser2net.yaml"), System.in);
        } catch (StartupException e) {
            System.err.println(e.getMessage());
            return 1;
        }
        if (Detacher.wanted(options)) {
            try {
                if (Detacher.respawn(config.get("jser2net.config.stdin"))) {
                    return 0;
                }
            } catch (IOException e) {
                System.err.println("Unable to detach: " + e.getMessage());
                return 1;
            }
        }
        LogSetup.configure(options);
        return new Server(options, home, config, version()).run();
    }

    /** The installation directory: {@code -Djser2net.home}, else the parent of this jar's folder. */
    static Path home() {
        String prop = System.getProperty("jser2net.home");
        if (prop != null) {
            return Path.of(prop).toAbsolutePath();
        }
        try {
            Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar.getParent().getParent().toAbsolutePath();
        } catch (Exception e) {
            return Path.of("").toAbsolutePath();
        }
    }

    /** This build's version, from the filtered {@code version.properties}. */
    static String version() {
        try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
            Properties props = new Properties();
            if (in != null) {
                props.load(in);
            }
            return props.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
