package org.jser2net.gensio.core.internal;

import java.util.concurrent.atomic.AtomicInteger;

import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.LayerSpec;
import org.jser2net.gensio.api.spi.FilterFactory;
import org.jser2net.gensio.api.spi.FilterProvider;
import org.jser2net.gensio.api.spi.GensioContext;

/**
 * Provides {@link TestFilter} layers: option {@code upper} upper-cases, {@code greet=NAME} makes
 * open write {@code NAME:side\n} to the child, {@code fail} makes open fail, {@code hold} makes it
 * wait for the peer's first byte. Counts its calls.
 */
final class TestFilterProvider implements FilterProvider {

    final AtomicInteger configures = new AtomicInteger();
    final AtomicInteger wraps = new AtomicInteger();

    @Override
    public FilterFactory configure(LayerSpec layer, Side side, GensioContext context) throws GensioException {
        if (layer.hasOption("bad")) {
            throw new GensioException("bad option");
        }
        configures.incrementAndGet();
        String greeting = layer.option("greet").map(n -> n + ":" + side.name().toLowerCase() + "\n")
                .orElse(null);
        return child -> {
            wraps.incrementAndGet();
            return new TestFilter(layer.type(), child, layer.hasOption("upper"), greeting,
                    layer.hasOption("fail"), layer.hasOption("hold"));
        };
    }
}
