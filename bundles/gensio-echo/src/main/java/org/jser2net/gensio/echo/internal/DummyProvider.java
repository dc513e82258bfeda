package org.jser2net.gensio.echo.internal;

import org.jser2net.gensio.api.Accepter;
import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.LayerSpec;
import org.jser2net.gensio.api.spi.GensioContext;
import org.jser2net.gensio.api.spi.TerminalProvider;
import org.osgi.service.component.annotations.Component;

/** The {@code dummy} terminal: an accepter that never produces a connection, a placeholder. */
@Component(service = TerminalProvider.class, property = {"gensio.type=dummy", "gensio.kind=terminal"})
public final class DummyProvider implements TerminalProvider {

    @Override
    public Gensio connector(LayerSpec layer, GensioContext context) throws GensioException {
        throw new GensioException("dummy is an accepter only and cannot connect (\"" + layer
                + "\"); use it as an accepter placeholder, e.g. accepter: dummy");
    }

    @Override
    public Accepter accepter(LayerSpec layer, GensioContext context) throws GensioException {
        if (!layer.args().isEmpty() || !layer.options().isEmpty()) {
            throw new GensioException("dummy takes no arguments or options (got \"" + layer + "\")");
        }
        return new DummyAccepter(context.loop());
    }
}
