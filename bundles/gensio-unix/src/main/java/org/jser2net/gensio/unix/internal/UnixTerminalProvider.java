package org.jser2net.gensio.unix.internal;

import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import java.util.Set;

import org.jser2net.gensio.api.Accepter;
import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.LayerSpec;
import org.jser2net.gensio.api.spi.GensioContext;
import org.jser2net.gensio.api.spi.TerminalProvider;
import org.jser2net.gensio.base.LayerOptions;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code unix} terminal: {@code unix[(options)],<socket path>} connects to or listens on a Unix
 * domain stream socket. Options: {@code readbuf}; for accepters {@code delsock}, {@code umode},
 * {@code gmode}, {@code omode}, {@code perm}, {@code owner}, {@code group}.
 */
@Component(service = TerminalProvider.class, property = {"gensio.type=unix", "gensio.kind=terminal"})
public class UnixTerminalProvider implements TerminalProvider {

    /** Large enough that a busy relay moves a lot per system call; allocated on the first read only. */
    static final int DEFAULT_READBUF = 64 * 1024;

    private static final Set<String> CONNECTOR_OPTIONS = Set.of("readbuf");
    private static final Set<String> ACCEPTER_OPTIONS = Set.of("readbuf", "delsock", "umode", "gmode", "omode",
            "perm", "owner", "group");

    @Override
    public Gensio connector(LayerSpec layer, GensioContext context) throws GensioException {
        LayerOptions options = new LayerOptions(layer, context.defaults(), CONNECTOR_OPTIONS);
        Path path = path(layer);
        return new UnixConnector(context.loop(), options.size("readbuf", DEFAULT_READBUF),
                UnixDomainSocketAddress.of(path));
    }

    @Override
    public Accepter accepter(LayerSpec layer, GensioContext context) throws GensioException {
        LayerOptions options = new LayerOptions(layer, context.defaults(), ACCEPTER_OPTIONS);
        return new UnixAccepter(context, layer.toString(), path(layer), options.size("readbuf", DEFAULT_READBUF),
                options.bool("delsock", false), SocketFileAccess.from(options));
    }

    /** The socket path: every argument, rejoined, since a path may contain commas. */
    private static Path path(LayerSpec layer) throws GensioException {
        String p = String.join(",", layer.args());
        if (p.isEmpty()) {
            throw new GensioException("unix: missing socket path, as in unix,/run/ser2net.sock");
        }
        try {
            Path path = Path.of(p);
            UnixDomainSocketAddress.of(path);
            return path;
        } catch (IllegalArgumentException e) {
            throw new GensioException("unix: bad socket path '" + p + "': " + e.getMessage(), e);
        }
    }
}
