package org.jser2net.gensio.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One layer of a stack string: its type, its {@code (options)} and, for a terminal, the
 * comma-separated arguments after it ({@code tcp,localhost,3000} has args {@code [localhost, 3000]}).
 * Option keys and values are decoded; arguments are raw text (quotes and escapes kept), see
 * {@code StackParser}.
 */
public record LayerSpec(String type, List<Option> options, List<String> args) {

    public LayerSpec {
        Objects.requireNonNull(type, "type");
        options = List.copyOf(options);
        args = List.copyOf(args);
        if (!StackParser.isTypeName(type)) {
            throw new IllegalArgumentException("bad gensio type \"" + type
                    + "\": use letters, digits, '-', '_' and '.' only");
        }
        for (Option o : options) {
            if (o.key().indexOf('=') >= 0) {
                throw new IllegalArgumentException("option key \"" + o.key() + "\" of " + type
                        + " contains '=' (gensio splits at the first '=')");
            }
        }
        for (int i = 0; i < args.size(); i++) {
            String problem = StackParser.argProblem(args.get(i), i);
            if (problem != null) {
                throw new IllegalArgumentException("argument " + i + " of " + type + " is not raw gensio text: "
                        + problem);
            }
        }
    }

    public LayerSpec(String type) {
        this(type, List.of(), List.of());
    }

    /** The last value given for {@code key} (a bare flag gives an empty value), if any. */
    public Optional<String> option(String key) {
        for (int i = options.size() - 1; i >= 0; i--) {
            Option o = options.get(i);
            if (o.key().equals(key)) {
                return Optional.of(o.value() == null ? "" : o.value());
            }
        }
        return Optional.empty();
    }

    /** The raw text after the type's comma, exactly as gensio hands it to the terminal. */
    public String argText() {
        return String.join(",", args);
    }

    public boolean hasOption(String key) {
        return option(key).isPresent();
    }

    /** This layer printed in gensio syntax, without the layers below it. */
    @Override
    public String toString() {
        return StackSpec.print(this);
    }
}
