package org.jser2net.gensio.telnet.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/** Hex strings for byte-exact assertions: {@code "ff fb 03"} in, {@code "fffb03"} out. */
final class Hex {

    private Hex() {
    }

    /** Parses hex digits, ignoring spaces and {@code |} separators. */
    static byte[] parse(String hex) {
        String h = hex.replace(" ", "").replace("|", "");
        if (h.length() % 2 != 0) {
            throw new IllegalArgumentException("odd hex length: " + hex);
        }
        byte[] out = new byte[h.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    static String of(byte[] bytes) {
        return of(bytes, 0, bytes.length);
    }

    static String of(byte[] bytes, int off, int len) {
        StringBuilder sb = new StringBuilder();
        for (int i = off; i < off + len; i++) {
            sb.append(String.format("%02x", bytes[i] & 0xff));
        }
        return sb.toString();
    }

    /** The pending bytes of an output queue, drained. */
    static String drain(TelnetOutput out) throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        out.drainTo(src -> {
            int n = src.remaining();
            byte[] b = new byte[n];
            src.get(b);
            sink.write(b, 0, n);
            return n;
        });
        return of(sink.toByteArray());
    }

    static ByteBuffer buffer(String hex) {
        return ByteBuffer.wrap(parse(hex));
    }
}
