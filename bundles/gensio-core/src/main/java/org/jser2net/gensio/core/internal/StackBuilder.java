package org.jser2net.gensio.core.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jser2net.gensio.api.Accepter;
import org.jser2net.gensio.api.EventLoop;
import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.LayerSpec;
import org.jser2net.gensio.api.MissingTypeException;
import org.jser2net.gensio.api.StackSpec;
import org.jser2net.gensio.api.spi.FilterFactory;
import org.jser2net.gensio.api.spi.FilterProvider;
import org.jser2net.gensio.api.spi.FilterProvider.Side;
import org.jser2net.gensio.api.spi.TerminalProvider;

/**
 * Turns a parsed stack into a connector or an accepter with the providers installed now: the
 * terminal first, then each filter wrapped around it from the bottom up.
 */
final class StackBuilder {

    private final Providers providers;
    private final GensioRegistryImpl registry;

    StackBuilder(Providers providers, GensioRegistryImpl registry) {
        this.providers = providers;
        this.registry = registry;
    }

    StackSpec parse(String stack) {
        return StackSpec.parse(stack, t -> providers.isFilter(t) || StackSpec.KNOWN_FILTERS.contains(t));
    }

    Gensio connector(StackSpec stack, EventLoop loop) throws GensioException {
        requireAll(stack);
        Context context = new Context(loop != null ? loop : registry.nextLoop(), false, registry);
        List<LayerSpec> layers = stack.layers();
        LayerSpec bottom = stack.terminal();
        try {
            Gensio gensio = terminal(bottom, stack).connector(bottom, context);
            for (int i = layers.size() - 2; i >= 0; i--) {
                LayerSpec layer = layers.get(i);
                gensio = filter(layer, stack).configure(layer, Side.CLIENT, context).wrap(gensio);
            }
            return gensio;
        } catch (RuntimeException e) {
            throw new GensioException("cannot build \"" + stack + "\": " + e, e);
        }
    }

    /**
     * The terminal's accepter; with filters, wrapped so every connection gets them (configured
     * once). With a {@code loop}, every connection runs on it; without, they are spread.
     */
    Accepter accepter(StackSpec stack, EventLoop loop) throws GensioException {
        requireAll(stack);
        Context context = new Context(loop != null ? loop : registry.nextLoop(), loop != null, registry);
        List<LayerSpec> layers = stack.layers();
        LayerSpec bottom = stack.terminal();
        try {
            Accepter terminal = terminal(bottom, stack).accepter(bottom, context);
            if (layers.size() == 1) {
                return terminal;
            }
            List<FilterFactory> factories = new ArrayList<>();
            for (LayerSpec layer : layers.subList(0, layers.size() - 1)) {
                factories.add(filter(layer, stack).configure(layer, Side.SERVER, context));
            }
            return new StackAccepter(stack.toString(), stack.top().type(), terminal, factories);
        } catch (RuntimeException e) {
            throw new GensioException("cannot build accepter \"" + stack + "\": " + e, e);
        }
    }

    /** The types of {@code stack} nobody provides now, top first. */
    Set<String> missingTypes(StackSpec stack) {
        Set<String> missing = new LinkedHashSet<>();
        List<LayerSpec> layers = stack.layers();
        for (int i = 0; i < layers.size(); i++) {
            String type = layers.get(i).type();
            boolean terminal = i == layers.size() - 1;
            if (terminal ? providers.terminal(type) == null : providers.filter(type) == null) {
                missing.add(type);
            }
        }
        return missing;
    }

    private void requireAll(StackSpec stack) throws MissingTypeException {
        Set<String> missing = missingTypes(stack);
        if (!missing.isEmpty()) {
            throw new MissingTypeException(missing.iterator().next(), stack.toString());
        }
    }

    private TerminalProvider terminal(LayerSpec layer, StackSpec stack) throws MissingTypeException {
        TerminalProvider p = providers.terminal(layer.type());
        if (p == null) {
            // the provider left since requireAll looked
            throw new MissingTypeException(layer.type(), stack.toString());
        }
        return p;
    }

    private FilterProvider filter(LayerSpec layer, StackSpec stack) throws MissingTypeException {
        FilterProvider p = providers.filter(layer.type());
        if (p == null) {
            throw new MissingTypeException(layer.type(), stack.toString());
        }
        return p;
    }
}
