package org.jser2net.gensio.tcp.internal;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;

import org.jser2net.gensio.api.Accepter;
import org.jser2net.gensio.api.LayerSpec;
import org.jser2net.gensio.api.Option;
import org.jser2net.gensio.core.testkit.TerminalDriver;
import org.jser2net.gensio.core.testkit.TestContext;
import org.junit.jupiter.api.AfterEach;

/** Shared set-up for the tcp tests: the provider driven over two real loops, and tcp layer specs. */
abstract class TcpTestBase {

    final TcpTerminalProvider provider = new TcpTerminalProvider();
    final TerminalDriver net = new TerminalDriver(provider, new TestContext(2, "tcp-test"));
    final TestContext ctx = net.context();

    @AfterEach
    void stopDriver() {
        net.close();
    }

    /** {@code "a,b,c"} as a tcp layer with the given options. */
    static LayerSpec tcp(String args, Option... options) {
        return new LayerSpec("tcp", List.of(options), Arrays.asList(args.split(",")));
    }

    static int port(Accepter a) {
        return ((InetSocketAddress) a.localAddresses().get(0)).getPort();
    }
}
