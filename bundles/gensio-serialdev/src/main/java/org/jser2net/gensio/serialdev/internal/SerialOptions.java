package org.jser2net.gensio.serialdev.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.jser2net.gensio.api.Defaults;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.LayerSpec;
import org.jser2net.gensio.api.StackSpec;
import org.jser2net.gensio.api.StackSyntaxException;
import org.jser2net.gensio.api.serial.Parity;
import org.jser2net.gensio.api.serial.SerialControl.Line;
import org.jser2net.gensio.base.LayerOptions;
import org.jser2net.gensio.serialdev.internal.SerialConfig.InitialLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code serialdev[(options)],<device>[,<serial option>...]} as gensio(5) defines it: layer
 * options in parentheses, serial options after the device (comma or space separated, keys in any
 * case), and defaults of class {@code serialdev} (line settings) and {@code sergensio} (locking, drain).
 */
final class SerialOptions {

    private static final Logger LOG = LoggerFactory.getLogger(SerialOptions.class);

    /** What gensio takes in parentheses. */
    static final Set<String> LAYER_OPTIONS = Set.of("readbuf", "wronly", "rdonly", "drain_time", "char_drain_wait",
            "nouucplock", "uucplock", "flock", "custspeed");
    /** gensio's GENSIO_DEFAULT_BUF_SIZE. */
    static final int DEFAULT_READBUF = 1024;
    private static final int DEFAULT_CHAR_DRAIN_WAIT = 50;

    private final LayerSpec layer;
    private final Defaults defaults;
    private final LayerOptions options;
    private final String what;
    private final SpeedSpec speed = new SpeedSpec();
    private boolean xonxoff;
    private boolean rtscts;
    private boolean local;
    private Boolean hupcl;
    private boolean nobreak;
    private Rs485 rs485;
    private boolean termios = true;
    private final List<InitialLine> lines = new ArrayList<>();

    private SerialOptions(LayerSpec layer, Defaults defaults) throws GensioException {
        this.layer = layer;
        this.defaults = defaults == null ? Defaults.NONE : defaults;
        this.options = new LayerOptions(layer, this.defaults, LAYER_OPTIONS);
        this.what = layer.type() + "," + layer.argText();
    }

    /** The configuration {@code layer} describes, or an exception naming what is wrong. */
    static SerialConfig parse(LayerSpec layer, Defaults defaults) throws GensioException {
        return new SerialOptions(layer, defaults).build();
    }

    private SerialConfig build() throws GensioException {
        // gensio takes the device text as it is and splits only the serial options into words.
        String device = layer.args().isEmpty() ? "" : layer.args().get(0);
        if (device.isEmpty()) {
            throw new GensioException(layer.type() + ": missing device, as in " + layer.type()
                    + ",/dev/ttyS0,9600N81");
        }
        applyDefaults();
        for (String token : serialWords()) {
            serialOption(token);
        }
        boolean wronly = options.own("wronly").isPresent() && options.parseBool("wronly", options.own("wronly").get());
        boolean rdonly = options.own("rdonly").isPresent() && options.parseBool("rdonly", options.own("rdonly").get());
        if (wronly && rdonly) {
            throw new GensioException(what + ": wronly and rdonly cannot both be set");
        }
        if (options.own("custspeed").isPresent()) {
            options.parseBool("custspeed", options.own("custspeed").get());
        }
        return new SerialConfig(device, speed.baud, speed.parity, speed.dataBits, speed.stopBits, xonxoff, rtscts,
                local, hupcl, nobreak, lines, rs485, termios, wronly || !termios, rdonly, uucpLock(),
                bool("flock", true), hundredths("drain_time", -1), hundredths("char_drain_wait",
                        DEFAULT_CHAR_DRAIN_WAIT), options.size("readbuf", DEFAULT_READBUF));
    }

    private List<String> serialWords() throws GensioException {
        String text = String.join(",", layer.args().subList(1, layer.args().size()));
        try {
            return StackSpec.words(text, " \f\t\n\r\u000b,");
        } catch (StackSyntaxException e) {
            throw new GensioException(what + ": bad serial options: " + e.getMessage(), e);
        }
    }

    private void applyDefaults() throws GensioException {
        Optional<String> s = defaults.value("serialdev", "speed");
        if (s.isPresent()) {
            boolean ok;
            try {
                ok = speed.apply(Tokens.unquote(s.get().trim()), "default speed");
            } catch (GensioException e) {
                ok = false;
            }
            if (!ok) {
                LOG.error("the default serialdev speed '{}' is not a speed such as 9600N81; using 9600N81", s.get());
            }
        }
        xonxoff = defaultBool("xonxoff");
        rtscts = defaultBool("rtscts");
        local = defaultBool("local");
        Optional<String> h = defaults.value("serialdev", "hangup-when-done");
        if (h.isPresent() && !h.get().trim().equals("-1")) {
            hupcl = options.parseBool("hangup-when-done", h.get());
        }
        Optional<String> r = defaults.value("serialdev", "rs485");
        if (r.isPresent() && !r.get().isBlank()) {
            rs485 = Rs485.parse(Tokens.unquote(r.get().trim()), what);
        }
    }

    private boolean defaultBool(String key) throws GensioException {
        Optional<String> v = defaults.value("serialdev", key);
        return v.isPresent() && options.parseBool(key, v.get());
    }

    private void serialOption(String token) throws GensioException {
        String v;
        if ((v = Tokens.value(token, "wronly")) != null) {
            termios = !bool(token, v);
        } else if ((v = Tokens.value(token, "nobreak")) != null) {
            nobreak = bool(token, v);
        } else if ((v = Tokens.value(token, "rs485")) != null && !v.isEmpty()) {
            rs485 = Rs485.parse(v, what);
        } else if ((v = Tokens.value(token, "speed")) != null && !v.isEmpty()) {
            if (!speed.apply(v, what)) {
                throw new GensioException(what + ": speed=" + v + " is not a speed such as 9600N81");
            }
        } else if (speed.apply(token, what)) {
            return;
        } else if ((v = Tokens.value(token, "xonxoff")) != null) {
            xonxoff = bool(token, v);
        } else if ((v = Tokens.value(token, "rtscts")) != null) {
            rtscts = bool(token, v);
        } else if ((v = Tokens.value(token, "local")) != null) {
            local = bool(token, v);
        } else if ((v = Tokens.value(token, "hangup-when-done")) != null) {
            hupcl = bool(token, v);
        } else if ((v = Tokens.value(token, "dtr")) != null) {
            lines.add(new InitialLine(Line.DTR, bool(token, v)));
        } else if ((v = Tokens.value(token, "rts")) != null) {
            lines.add(new InitialLine(Line.RTS, bool(token, v)));
        } else if (!deprecated(token.toUpperCase(Locale.ROOT))) {
            throw new GensioException(what + ": unknown serial option '" + token + "' (known: <speed> such as"
                    + " 9600N81, speed=, xonxoff, rtscts, local, hangup-when-done, dtr=on|off, rts=on|off, nobreak,"
                    + " rs485=, wronly)");
        }
    }

    /** The old ser2net.conf spellings gensio still takes. */
    private boolean deprecated(String t) {
        switch (t) {
            case "1STOPBIT": speed.stopBits = 1; return true;
            case "2STOPBITS": speed.stopBits = 2; return true;
            case "5DATABITS": speed.dataBits = 5; return true;
            case "6DATABITS": speed.dataBits = 6; return true;
            case "7DATABITS": speed.dataBits = 7; return true;
            case "8DATABITS": speed.dataBits = 8; return true;
            case "NONE": speed.parity = Parity.NONE; return true;
            case "EVEN": speed.parity = Parity.EVEN; return true;
            case "ODD": speed.parity = Parity.ODD; return true;
            case "MARK": speed.parity = Parity.MARK; return true;
            case "SPACE": speed.parity = Parity.SPACE; return true;
            case "-XONXOFF": xonxoff = false; return true;
            case "-RTSCTS": rtscts = false; return true;
            case "-LOCAL": local = false; return true;
            case "HANGUP_WHEN_DONE": hupcl = true; return true;
            case "-HANGUP_WHEN_DONE": hupcl = false; return true;
            case "-NOBREAK": nobreak = false; return true;
            default: return false;
        }
    }

    private boolean bool(String token, String value) throws GensioException {
        if (value.isEmpty() && token.indexOf('=') >= 0) {
            throw new GensioException(what + ": no value given in '" + token + "'");
        }
        return options.parseBool(token, value);
    }

    /** A layer option, else a {@code sergensio} or {@code serialdev} default, else {@code fallback}. */
    private Optional<String> lookup(String key) {
        Optional<String> v = options.own(key);
        if (v.isEmpty()) {
            v = defaults.value("sergensio", key);
        }
        return v.isPresent() ? v : defaults.value("serialdev", key);
    }

    private boolean bool(String key, boolean fallback) throws GensioException {
        Optional<String> v = lookup(key);
        return v.isPresent() ? options.parseBool(key, v.get()) : fallback;
    }

    private Boolean uucpLock() throws GensioException {
        Optional<String> no = options.own("nouucplock");
        if (no.isPresent()) {
            return !options.parseBool("nouucplock", no.get());
        }
        Optional<String> v = lookup("uucplock");
        return v.isPresent() ? options.parseBool("uucplock", v.get()) : null;
    }

    private int hundredths(String key, int fallback) throws GensioException {
        Optional<String> v = lookup(key);
        if (v.isEmpty()) {
            return fallback;
        }
        String t = v.get().trim();
        if (t.equals("off")) {
            return -1;
        }
        try {
            int n = Integer.decode(t);
            if (n >= -1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new GensioException(what + ": " + key + "=" + t + " must be off or a time in hundredths of a second");
    }
}
