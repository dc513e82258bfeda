package org.jser2net.gensio.api;

import java.util.Arrays;
import java.util.List;

/** Builders that keep the expected structures in the stack-string tests short. */
final class Stacks {

    private Stacks() {
    }

    static StackSpec stack(LayerSpec... layers) {
        return new StackSpec(Arrays.asList(layers));
    }

    /** A layer with options and no arguments (a filter, or a bare terminal). */
    static LayerSpec layer(String type, Option... options) {
        return new LayerSpec(type, Arrays.asList(options), List.of());
    }

    /** A terminal with arguments and no options. */
    static LayerSpec terminal(String type, String... args) {
        return new LayerSpec(type, List.of(), Arrays.asList(args));
    }

    /** A terminal with options and arguments. */
    static LayerSpec terminal(String type, List<Option> options, String... args) {
        return new LayerSpec(type, options, Arrays.asList(args));
    }

    static Option opt(String key, String value) {
        return new Option(key, value);
    }

    static Option flag(String key) {
        return Option.flag(key);
    }
}
