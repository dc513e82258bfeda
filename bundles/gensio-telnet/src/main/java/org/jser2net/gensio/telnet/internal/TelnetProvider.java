package org.jser2net.gensio.telnet.internal;

import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.LayerSpec;
import org.jser2net.gensio.api.spi.FilterFactory;
import org.jser2net.gensio.api.spi.FilterProvider;
import org.jser2net.gensio.api.spi.GensioContext;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code telnet} filter: {@code telnet(rfc2217),tcp,2000} in an accepter is ser2net's RFC 2217
 * port; in a connector it is the client side. Options: {@code rfc2217}, {@code winsize},
 * {@code mode=client|server}, {@code writebuf}, {@code readbuf}.
 */
@Component(service = FilterProvider.class, property = {"gensio.type=telnet", "gensio.kind=filter"})
public final class TelnetProvider implements FilterProvider {

    @Override
    public FilterFactory configure(LayerSpec layer, Side side, GensioContext context) throws GensioException {
        TelnetSettings settings = TelnetSettings.parse(layer, side, context.defaults());
        return child -> new TelnetGensio(child, settings);
    }
}
