package org.jser2net.gensio.telnet.internal;

import java.util.Optional;
import java.util.Set;

import org.jser2net.gensio.api.Defaults;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.LayerSpec;
import org.jser2net.gensio.api.spi.FilterProvider.Side;
import org.jser2net.gensio.base.LayerOptions;

/**
 * The options of a telnet layer, as gensio(5) documents them: {@code rfc2217[=bool]},
 * {@code winsize[=bool]}, {@code mode=client|server} (default: client in a connector, server in an
 * accepter) and the buffer sizes {@code writebuf} and {@code readbuf} (4096 each). The first three
 * also come from defaults of class {@code telnet}, as in gensio; the sizes only from the layer.
 *
 * @param server whether this end answers (ser2net's accepter) rather than opens the conversation
 * @param rfc2217 whether COM-PORT-OPTION is offered or accepted
 * @param winsize whether NAWS is offered or accepted
 * @param writebuf how much user data may wait in the layer after IAC doubling
 * @param readbuf the most data handed up in one delivery
 */
record TelnetSettings(boolean server, boolean rfc2217, boolean winsize, int writebuf, int readbuf) {

    static final int DEFAULT_BUFFER = 4096;

    private static final String RFC2217 = "rfc2217";
    private static final String WINSIZE = "winsize";
    private static final String MODE = "mode";
    private static final String WRITEBUF = "writebuf";
    private static final String READBUF = "readbuf";

    static TelnetSettings parse(LayerSpec layer, Side side, Defaults defaults) throws GensioException {
        LayerOptions options = new LayerOptions(layer, defaults, Set.of(RFC2217, WINSIZE, MODE, WRITEBUF, READBUF));
        LayerOptions own = new LayerOptions(layer, Defaults.NONE);
        boolean server = side == Side.SERVER;
        Optional<String> mode = options.value(MODE);
        if (mode.isPresent()) {
            String m = mode.get().trim().toLowerCase();
            if (m.equals("server")) {
                server = true;
            } else if (m.equals("client")) {
                server = false;
            } else {
                throw new GensioException("telnet: mode must be client or server, not '" + mode.get() + "'");
            }
        }
        return new TelnetSettings(server, options.bool(RFC2217, false), options.bool(WINSIZE, false),
                own.size(WRITEBUF, DEFAULT_BUFFER), own.size(READBUF, DEFAULT_BUFFER));
    }
}
