package org.jser2net.gensio.core.testkit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jser2net.gensio.api.Accepter;
import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.LayerSpec;
import org.jser2net.gensio.api.Option;
import org.jser2net.gensio.api.spi.GensioContext;
import org.jser2net.gensio.api.spi.TerminalProvider;

/**
 * An in-memory terminal, type {@code mem}: {@code mem,NAME} accepts on a name, and connecting to
 * {@code mem,NAME} gives a {@link PipeGensio} linked to a new connection of that accepter. Option
 * {@code readbuf=N} sets each end's buffer (default given to the constructor). Names live in this
 * provider instance, so tests do not see each other's accepters.
 */
public final class MemoryTerminal implements TerminalProvider {

    /** The gensio type this provider is usually registered under. */
    public static final String TYPE = "mem";

    private final Map<String, MemoryAccepter> accepters = new ConcurrentHashMap<>();
    private final int capacity;

    public MemoryTerminal() {
        this(4096);
    }

    /** A provider whose pipe ends buffer {@code capacity} bytes each. */
    public MemoryTerminal(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public Gensio connector(LayerSpec layer, GensioContext context) throws GensioException {
        String name = name(layer);
        return PipeGensio.connector(TYPE, context.loop(), capacity(layer), "mem," + name, client -> {
            MemoryAccepter acc = accepters.get(name);
            if (acc == null) {
                throw new GensioException("mem," + name + ": connection refused (nobody accepts there)");
            }
            acc.connect(client);
        });
    }

    @Override
    public Accepter accepter(LayerSpec layer, GensioContext context) throws GensioException {
        return new MemoryAccepter(this, name(layer), context, capacity(layer));
    }

    /** True while an accepter is started on {@code name}. */
    public boolean isListening(String name) {
        return accepters.containsKey(name);
    }

    boolean bind(String name, MemoryAccepter acc) {
        return accepters.putIfAbsent(name, acc) == null;
    }

    void unbind(String name, MemoryAccepter acc) {
        accepters.remove(name, acc);
    }

    private static String name(LayerSpec layer) throws GensioException {
        if (layer.args().size() != 1 || layer.args().get(0).isEmpty()) {
            throw new GensioException("mem needs exactly one argument, a name: mem,<name> (got \""
                    + layer + "\")");
        }
        return layer.args().get(0);
    }

    private int capacity(LayerSpec layer) throws GensioException {
        for (Option o : layer.options()) {
            if (!o.key().equals("readbuf")) {
                throw new GensioException("mem: unknown option '" + o.key() + "' in \"" + layer + "\"");
            }
        }
        String v = layer.option("readbuf").orElse(null);
        if (v == null) {
            return capacity;
        }
        try {
            int n = Integer.parseInt(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new GensioException("mem: readbuf must be a positive number, got '" + v + "'");
    }
}
