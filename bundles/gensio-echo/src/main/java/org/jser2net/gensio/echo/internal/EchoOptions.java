package org.jser2net.gensio.echo.internal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.jser2net.gensio.api.Defaults;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.LayerSpec;
import org.jser2net.gensio.api.Option;

/**
 * The options of an echo connector, as gensio(5) documents them: {@code readbuf=N} (default 1024),
 * {@code noecho[=bool]} (discard writes), {@code data=STR} (bytes to read first; the buffer is then
 * exactly that size, and with noecho the stream ends once they are read).
 *
 * @param data the bytes to supply, or null
 */
record EchoOptions(int readbuf, boolean noecho, byte[] data) {

    static final int DEFAULT_READBUF = 1024;

    /** The size of the echo buffer: the data's length when data is given (as gensio does). */
    int bufferSize() {
        return data != null && data.length > 0 ? data.length : readbuf;
    }

    /** True when the stream ends after the supplied data. */
    boolean justData() {
        return noecho && data != null;
    }

    static EchoOptions parse(LayerSpec layer, Defaults defaults) throws GensioException {
        if (!layer.args().isEmpty()) {
            throw new GensioException("echo takes no arguments, only options: echo[(noecho,data=...)]"
                    + " (got \"" + layer + "\")");
        }
        for (Option o : layer.options()) {
            if (!o.key().equals("readbuf") && !o.key().equals("noecho") && !o.key().equals("data")) {
                throw new GensioException("echo: unknown option '" + o.key() + "' in \"" + layer
                        + "\" (known: readbuf, noecho, data)");
            }
        }
        Optional<String> readbuf = layer.option("readbuf").or(() -> defaults.value("echo", "readbuf"));
        Optional<String> noecho = layer.option("noecho").map(v -> v.isEmpty() ? "true" : v)
                .or(() -> defaults.value("echo", "noecho"));
        byte[] data = layer.option("data").map(v -> v.getBytes(StandardCharsets.UTF_8)).orElse(null);
        return new EchoOptions(size(readbuf.orElse(null)), bool("noecho", noecho.orElse("false")), data);
    }

    private static int size(String value) throws GensioException {
        if (value == null) {
            return DEFAULT_READBUF;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new GensioException("echo: readbuf must be a positive number of bytes, got '" + value + "'");
    }

    private static boolean bool(String key, String value) throws GensioException {
        switch (value) {
            case "true": case "1": case "yes": case "on":
                return true;
            case "false": case "0": case "no": case "off":
                return false;
            default:
                throw new GensioException("echo: " + key + " must be true or false (or yes/no, on/off,"
                        + " 1/0), got '" + value + "'");
        }
    }
}
