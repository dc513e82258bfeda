package org.jser2net.gensio.api;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A parsed gensio(5) stack string such as {@code telnet(rfc2217),tcp,localhost,3000}: its layers
 * from the top down; the last one is the terminal and carries the arguments.
 *
 * <p>{@code parse(s).toString()} prints a canonical form that parses back to an equal value. The
 * syntax, including gensio's whitespace and quoting rules, is described on {@code StackParser}.
 */
public final class StackSpec {

    /**
     * Filter types of gensio 2.x, known even when no bundle provides them, so that a stack naming a
     * missing filter still parses (and then reports the missing type).
     */
    public static final Set<String> KNOWN_FILTERS = Set.of(
            "telnet", "ssl", "certauth", "mux", "msgdelim", "relpkt", "ratelimit", "trace",
            "keepopen", "xlt", "perf", "kiss", "ax25", "script", "afskmdm",
            "conacc", "chardelay", "hdlc", "axfec", "fsk", "convcode");

    private final List<LayerSpec> layers;

    public StackSpec(List<LayerSpec> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a stack needs at least one layer");
        }
        for (int i = 0; i < layers.size() - 1; i++) {
            if (!layers.get(i).args().isEmpty()) {
                throw new IllegalArgumentException("only the bottom layer takes arguments, not \""
                        + layers.get(i).type() + "\" at depth " + i);
            }
        }
        this.layers = List.copyOf(layers);
    }

    /** Parses with {@link #KNOWN_FILTERS} deciding which types are filters. */
    public static StackSpec parse(String text) {
        return parse(text, KNOWN_FILTERS::contains);
    }

    /**
     * Parses {@code text}; {@code isFilter} says which type names are filters (a filter is followed
     * by its child, a terminal by its arguments).
     *
     * @throws StackSyntaxException naming the position and what was expected
     */
    public static StackSpec parse(String text, Predicate<String> isFilter) {
        return new StackParser(text, isFilter).parse();
    }

    /**
     * Splits {@code text} into words the way gensio's argv scanner does: at runs of
     * {@code separators}, with quotes and C escapes decoded. Terminals use it on their raw
     * arguments (serialdev parameters, stdio and pty command lines, ipmisol's OpenIPMI arguments).
     *
     * @throws StackSyntaxException for an unclosed quote or a trailing backslash
     */
    public static List<String> words(String text, String separators) {
        return StackParser.words(text, separators);
    }

    /** The layers, top first. */
    public List<LayerSpec> layers() {
        return layers;
    }

    public LayerSpec top() {
        return layers.get(0);
    }

    public LayerSpec terminal() {
        return layers.get(layers.size() - 1);
    }

    /** The stack without its top layer (the child's stack); the terminal alone has none. */
    public StackSpec child() {
        if (layers.size() < 2) {
            throw new IllegalStateException("a terminal has no child: " + this);
        }
        return new StackSpec(layers.subList(1, layers.size()));
    }

    /** Prints one layer with its options and arguments. */
    static String print(LayerSpec layer) {
        return StackPrinter.layer(layer);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StackSpec && ((StackSpec) o).layers.equals(layers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(layers);
    }

    @Override
    public String toString() {
        return StackPrinter.stack(this);
    }
}
