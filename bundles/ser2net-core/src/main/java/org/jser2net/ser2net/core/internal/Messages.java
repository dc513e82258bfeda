package org.jser2net.ser2net.core.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** The texts ser2net writes to a client it refuses, byte for byte. */
final class Messages {

    static final String IN_USE = "Port already in use\r\n";
    static final String DISABLED = "Port disabled\r\n";
    static final String CLOSING = "Port closing\r\n";
    static final String SHUTTING_DOWN = "port is shutting down\r\n";
    static final String ADDRESS_DENIED = "Accessed denied due to your net address\r\n";
    static final String DEVICE_IN_USE = "Port's device already in use\r\n";
    static final String DEVICE_FAILED_OPEN = "Port's device failed open\r\n";
    static final String NO_FREE_PORT = "No free port found\r\n";

    private Messages() {
    }

    static String deviceOpenFailure(Throwable error) {
        return "Device open failure: " + describe(error) + "\r\n";
    }

    static String describe(Throwable error) {
        String m = error.getMessage();
        return m == null || m.isEmpty() ? error.getClass().getSimpleName() : m;
    }

    static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
