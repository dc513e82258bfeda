package org.jser2net.gensio.serialdev.internal;

import java.nio.file.Path;

import org.jser2net.gensio.api.Accepter;
import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.LayerSpec;
import org.jser2net.gensio.api.spi.GensioContext;
import org.jser2net.gensio.api.spi.TerminalProvider;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code serialdev} terminal (also {@code sdev}, as later gensio names it): a local serial port,
 * {@code serialdev[(options)],<device>[,<serial option>...]} such as
 * {@code serialdev,/dev/ttyUSB0,115200n81,local,rtscts}. See {@link SerialOptions} for the options.
 */
@Component(service = TerminalProvider.class,
        property = {"gensio.type=serialdev", "gensio.type=sdev", "gensio.kind=terminal"})
public final class SerialdevProvider implements TerminalProvider {

    @Override
    public Gensio connector(LayerSpec layer, GensioContext context) throws GensioException {
        SerialConfig config = SerialOptions.parse(layer, context.defaults());
        Path lockDir = UucpLock.directory();
        boolean locking = UucpLock.enabledGlobally();
        String what = "serialdev " + config.device();
        return new SerialGensio("serialdev", context.loop(), config,
                () -> new JSerialCommDevice(config, what, lockDir, locking), what);
    }

    @Override
    public Accepter accepter(LayerSpec layer, GensioContext context) throws GensioException {
        throw new GensioException(layer.type() + " cannot accept connections, it is a connector only (\"" + layer
                + "\"); to make a serial port dial out, use conacc," + layer);
    }
}
