package org.jser2net.gensio.api;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Reads a gensio(5) stack string. (Interim: splits on top-level commas; no quoting yet.) */
final class StackParser {

    private final String text;
    private final Predicate<String> isFilter;

    StackParser(String text, Predicate<String> isFilter) {
        this.text = text;
        this.isFilter = isFilter;
    }

    StackSpec parse() {
        List<String> tokens = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                tokens.add(text.substring(start, i));
                start = i + 1;
            }
        }
        tokens.add(text.substring(start));
        List<LayerSpec> layers = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String tok = tokens.get(i).trim();
            String type = tok;
            List<Option> opts = new ArrayList<>();
            int p = tok.indexOf('(');
            if (p >= 0) {
                type = tok.substring(0, p);
                for (String o : tok.substring(p + 1, tok.length() - 1).split(",")) {
                    if (!o.isEmpty()) {
                        int eq = o.indexOf('=');
                        opts.add(eq < 0 ? Option.flag(o) : new Option(o.substring(0, eq), o.substring(eq + 1)));
                    }
                }
            }
            if (isFilter.test(type) && i + 1 < tokens.size()) {
                layers.add(new LayerSpec(type, opts, List.of()));
            } else {
                layers.add(new LayerSpec(type, opts, tokens.subList(i + 1, tokens.size())));
                break;
            }
        }
        return new StackSpec(layers);
    }
}
