package org.jser2net.gensio.serialdev.internal;

import org.jser2net.gensio.api.Accepter;
import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.LayerSpec;
import org.jser2net.gensio.api.spi.GensioContext;
import org.jser2net.gensio.api.spi.TerminalProvider;
import org.jser2net.gensio.serialdev.sim.SimPort;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code serialsim} terminal, a test device: {@code serialsim,<name>[,<serial option>...]} opens the
 * simulated port {@link SimPort#get(String) SimPort.get(name)} with the options {@code serialdev} takes,
 * so tests can check line settings, modem lines and breaks that a pty cannot hold.
 */
@Component(service = TerminalProvider.class, property = {"gensio.type=serialsim", "gensio.kind=terminal"})
public final class SerialSimProvider implements TerminalProvider {

    @Override
    public Gensio connector(LayerSpec layer, GensioContext context) throws GensioException {
        SerialConfig config = SerialOptions.parse(layer, context.defaults());
        String what = "serialsim " + config.device();
        return new SerialGensio("serialsim", context.loop(), config,
                () -> new SimDevice(SimPort.get(config.device()), config), what);
    }

    @Override
    public Accepter accepter(LayerSpec layer, GensioContext context) throws GensioException {
        throw new GensioException("serialsim cannot accept connections, it is a connector only (\"" + layer + "\")");
    }
}
