package org.jser2net.ser2net.config.internal;

import java.util.function.UnaryOperator;

/**
 * The built-in paths ser2net compiles in (its auth directories and the default TLS key and
 * certificate), overridable with framework properties.
 */
public record SystemSettings(String authdir, String adminAuthdir, String keyfile, String certfile) {

    /** ser2net's values on Debian: {@code DATAROOT=/usr/share}, {@code SYSCONFDIR=/etc}. */
    public static final SystemSettings DEFAULT = new SystemSettings("/usr/share/ser2net/auth",
            "/etc/ser2net/auth", "/etc/ser2net/ser2net.key", "/etc/ser2net/ser2net.crt");

    /** Reads {@code jser2net.authdir}, {@code jser2net.authdir.admin}, {@code jser2net.keyfile}, {@code jser2net.certfile}. */
    public static SystemSettings from(UnaryOperator<String> properties) {
        return new SystemSettings(or(properties.apply("jser2net.authdir"), DEFAULT.authdir),
                or(properties.apply("jser2net.authdir.admin"), DEFAULT.adminAuthdir),
                or(properties.apply("jser2net.keyfile"), DEFAULT.keyfile),
                or(properties.apply("jser2net.certfile"), DEFAULT.certfile));
    }

    private static String or(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}
