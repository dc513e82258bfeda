package org.jser2net.gensio.base;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jser2net.gensio.api.Defaults;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.LayerSpec;
import org.jser2net.gensio.api.Option;

/** A layer's options, looked up as gensio does: the layer's own value, else its class or global default. */
public final class LayerOptions {

    private final LayerSpec layer;
    private final Defaults defaults;

    /** The options of {@code layer}, without checking their keys (see {@link #unknownKey}). */
    public LayerOptions(LayerSpec layer, Defaults defaults) {
        this.layer = layer;
        this.defaults = defaults == null ? Defaults.NONE : defaults;
    }

    /** The options of {@code layer}, refusing any key that is not one of {@code known}. */
    public LayerOptions(LayerSpec layer, Defaults defaults, Set<String> known) throws GensioException {
        this(layer, defaults);
        Optional<String> bad = unknownKey(known);
        if (bad.isPresent()) {
            throw new GensioException(layer.type() + ": unknown option '" + bad.get()
                    + "' (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
        }
    }

    /** The first key given in the layer that is not one of {@code known}, if any. */
    public Optional<String> unknownKey(Set<String> known) {
        return layer.options().stream().map(Option::key).filter(k -> !known.contains(k)).findFirst();
    }

    /** The value given in the layer itself (a bare flag gives ""), if any; defaults are not consulted. */
    public Optional<String> own(String key) {
        return layer.option(key);
    }

    /** The layer's value, else the default for this type (or the global one). */
    public Optional<String> value(String key) {
        Optional<String> v = layer.option(key);
        return v.isPresent() ? v : defaults.value(layer.type(), key);
    }

    /** Every value the layer gives for a repeatable key, in order; else the default, if any. */
    public List<String> values(String key) {
        List<String> out = new ArrayList<>();
        for (Option o : layer.options()) {
            if (o.key().equals(key)) {
                out.add(o.value() == null ? "" : o.value());
            }
        }
        if (out.isEmpty()) {
            defaults.value(layer.type(), key).ifPresent(out::add);
        }
        return out;
    }

    /** A value that must not be empty (an address, a name), without one pair of enclosing quotes. */
    public Optional<String> text(String key) throws GensioException {
        Optional<String> v = value(key);
        return v.isPresent() ? Optional.of(requireText(key, v.get())) : v;
    }

    /** {@code text} checked as {@link #text} checks a value of {@code key}. */
    public String requireText(String key, String text) throws GensioException {
        String t = unquote(text.trim());
        if (t.isEmpty()) {
            throw new GensioException(layer.type() + ": " + key + " needs a value");
        }
        return t;
    }

    public boolean bool(String key, boolean fallback) throws GensioException {
        Optional<String> v = value(key);
        return v.isPresent() ? parseBool(key, v.get()) : fallback;
    }

    /** A positive count such as {@code readbuf=65536}. */
    public int size(String key, int fallback) throws GensioException {
        Optional<String> v = value(key);
        if (v.isEmpty()) {
            return fallback;
        }
        long n = parseNumber(v.get());
        if (n > 0 && n <= Integer.MAX_VALUE) {
            return (int) n;
        }
        throw new GensioException(layer.type() + ": " + key + " must be a positive number, not '" + v.get() + "'");
    }

    /** A number from {@code min} to {@code max}, such as {@code mttl=16}. */
    public int number(String key, int fallback, int min, int max) throws GensioException {
        Optional<String> v = value(key);
        if (v.isEmpty()) {
            return fallback;
        }
        long n = parseNumber(v.get());
        if (n >= min && n <= max) {
            return (int) n;
        }
        throw new GensioException(layer.type() + ": " + key + "=" + v.get() + " must be a number from " + min
                + " to " + max);
    }

    /** gensio's booleans: a bare flag is true; true/false, yes/no, on/off, 1/0. */
    public boolean parseBool(String key, String text) throws GensioException {
        switch (text.trim().toLowerCase()) {
            case "":
            case "true":
            case "yes":
            case "on":
            case "1":
                return true;
            case "false":
            case "no":
            case "off":
            case "0":
                return false;
            default:
                throw new GensioException(layer.type() + ": " + key + " must be true or false, not '"
                        + text + "'");
        }
    }

    /** A number as strtoul(3) with base 0 reads it (decimal, 0x hex, leading-0 octal); MIN_VALUE if none. */
    private static long parseNumber(String text) {
        String t = text.trim();
        if (t.isEmpty() || t.charAt(0) == '-' || t.charAt(0) == '+' || t.charAt(0) == '#') {
            return Long.MIN_VALUE;
        }
        try {
            return Long.decode(t);
        } catch (NumberFormatException e) {
            return Long.MIN_VALUE;
        }
    }

    /** Values from ser2net.yaml defaults may still carry the quotes that protect their commas. */
    private static String unquote(String v) {
        if (v.length() >= 2 && (v.charAt(0) == '\'' || v.charAt(0) == '"') && v.charAt(v.length() - 1) == v.charAt(0)) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }
}
