package org.jser2net.gensio.keepopen.internal;

import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.LayerSpec;
import org.jser2net.gensio.api.spi.FilterFactory;
import org.jser2net.gensio.api.spi.FilterProvider;
import org.jser2net.gensio.api.spi.GensioContext;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code keepopen} filter, for connectors only: {@code keepopen(retry-time=2000,discard-badwrites),
 * serialdev,/dev/ttyUSB0,115200n81} stays open for its user while the device comes and goes.
 */
@Component(service = FilterProvider.class, property = {"gensio.type=keepopen", "gensio.kind=filter"})
public final class KeepOpenProvider implements FilterProvider {

    @Override
    public FilterFactory configure(LayerSpec layer, Side side, GensioContext context) throws GensioException {
        if (side == Side.SERVER) {
            throw new GensioException("keepopen works on connectors only (\"" + layer + "\" is in an accepter);"
                    + " use it in a connection's connector, e.g. keepopen(retry-time=2000),serialdev,"
                    + "/dev/ttyUSB0,115200n81");
        }
        KeepOpenSettings settings = KeepOpenSettings.parse(layer, context.defaults());
        return child -> new KeepOpenGensio(child, settings);
    }
}
