package org.jser2net.gensio.echo.internal;

import org.jser2net.gensio.api.Accepter;
import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.LayerSpec;
import org.jser2net.gensio.api.spi.GensioContext;
import org.jser2net.gensio.api.spi.TerminalProvider;
import org.osgi.service.component.annotations.Component;

/** The {@code echo} terminal: a connector that reads back what is written to it. */
@Component(service = TerminalProvider.class, property = {"gensio.type=echo", "gensio.kind=terminal"})
public final class EchoProvider implements TerminalProvider {

    @Override
    public Gensio connector(LayerSpec layer, GensioContext context) throws GensioException {
        return new EchoGensio(context.loop(), EchoOptions.parse(layer, context.defaults()));
    }

    @Override
    public Accepter accepter(LayerSpec layer, GensioContext context) throws GensioException {
        throw new GensioException("echo cannot accept connections, it is a connector only (\"" + layer
                + "\"); use it as a connection's connector, e.g. connector: echo");
    }
}
