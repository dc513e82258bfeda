package org.jser2net.gensio.api;

import java.util.StringJoiner;

/** Prints stacks in gensio(5) syntax. (Interim: no quoting yet.) */
final class StackPrinter {

    private StackPrinter() {
    }

    static String stack(StackSpec spec) {
        StringJoiner j = new StringJoiner(",");
        spec.layers().forEach(l -> j.add(layer(l)));
        return j.toString();
    }

    static String layer(LayerSpec layer) {
        StringBuilder sb = new StringBuilder(layer.type());
        if (!layer.options().isEmpty()) {
            StringJoiner j = new StringJoiner(",", "(", ")");
            for (Option o : layer.options()) {
                j.add(o.isFlag() ? o.key() : o.key() + "=" + o.value());
            }
            sb.append(j);
        }
        layer.args().forEach(a -> sb.append(',').append(a));
        return sb.toString();
    }
}
