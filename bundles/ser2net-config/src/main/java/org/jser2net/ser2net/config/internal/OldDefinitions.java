package org.jser2net.ser2net.config.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * The named strings of an old-style ser2net.conf ({@code BANNER:}, {@code SIGNATURE:},
 * {@code OPENSTR:}, {@code CLOSESTR:}, {@code CLOSEON:}, {@code DEVICE:}, {@code TRACEFILE:},
 * {@code RS485CONF:}), which port lines refer to by name.
 */
final class OldDefinitions {

    /** The kind of a named string; DEVICE names are substituted for a port's device, not options. */
    enum Kind { BANNER, SIGNATURE, OPENSTR, CLOSESTR, CLOSEON, DEVICE }

    /** A named string and its kind. */
    record Named(Kind kind, String text) {
    }

    private final Map<String, Named> strings = new HashMap<>();
    private final Map<String, String> traceFiles = new HashMap<>();
    private final Map<String, String> rs485 = new HashMap<>();

    void string(Kind kind, String name, String text) {
        strings.put(name, new Named(kind, text == null ? "" : text));
    }

    void traceFile(String name, String file) {
        traceFiles.put(name, file);
    }

    void rs485(String name, String conf) {
        rs485.put(name, conf);
    }

    /** The string called {@code name}, or null. */
    Named string(String name) {
        return strings.get(name);
    }

    /** The file of TRACEFILE {@code name}, or null. */
    String traceFile(String name) {
        return traceFiles.get(name);
    }

    /** The configuration of RS485CONF {@code name}, or null. */
    String rs485(String name) {
        return rs485.get(name);
    }
}
