package org.jser2net.gensio.udp.internal;

import java.util.List;

import org.jser2net.gensio.api.Accepter;
import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.LayerSpec;
import org.jser2net.gensio.api.spi.GensioContext;
import org.jser2net.gensio.api.spi.TerminalProvider;
import org.osgi.service.component.annotations.Component;

/**
 * Provides the {@code udp} terminal: {@code udp[(options)][,host],port} as a connector, and as an
 * accepter that makes one gensio per remote address. Addresses are resolved and options checked here.
 */
@Component(service = TerminalProvider.class, property = {"gensio.type=udp", "gensio.kind=terminal"})
public final class UdpTerminalProvider implements TerminalProvider {

    @Override
    public Gensio connector(LayerSpec layer, GensioContext context) throws GensioException {
        UdpOptions options = UdpOptions.forConnector(layer, context.defaults());
        UdpTarget remote = UdpTarget.of(address(layer), false).get(0);
        return new UdpConnector(context.loop(), remote.address(), options);
    }

    @Override
    public Accepter accepter(LayerSpec layer, GensioContext context) throws GensioException {
        UdpOptions options = UdpOptions.forAccepter(layer, context.defaults());
        List<UdpTarget> binds = UdpTarget.of(address(layer), true);
        return new UdpAccepter(layer.toString(), binds, options, context.loop());
    }

    private static String address(LayerSpec layer) throws GensioException {
        if (layer.args().isEmpty()) {
            throw new GensioException("udp needs an address: udp,<port> or udp,<host>,<port>");
        }
        return String.join(",", layer.args());
    }
}
