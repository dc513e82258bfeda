package org.jser2net.gensio.api;

import java.util.Objects;

/**
 * One option of a layer: {@code key=value}, or a bare {@code key} (value null), as in
 * {@code telnet(rfc2217,winsize=on)}.
 */
public record Option(String key, String value) {

    public Option {
        Objects.requireNonNull(key, "key");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("empty option key");
        }
    }

    /** A bare flag such as {@code rfc2217}. */
    public static Option flag(String key) {
        return new Option(key, null);
    }

    public boolean isFlag() {
        return value == null;
    }
}
