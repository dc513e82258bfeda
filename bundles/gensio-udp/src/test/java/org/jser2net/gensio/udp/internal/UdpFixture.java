package org.jser2net.gensio.udp.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.jser2net.gensio.api.Accepter;
import org.jser2net.gensio.api.Callback;
import org.jser2net.gensio.api.EventLoop;
import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.LayerSpec;
import org.jser2net.gensio.api.Option;
import org.jser2net.gensio.api.spi.GensioContext;
import org.jser2net.gensio.core.testkit.Connections;
import org.jser2net.gensio.core.testkit.OnLoop;
import org.jser2net.gensio.core.testkit.TerminalDriver;
import org.jser2net.gensio.core.testkit.TestContext;
import org.junit.jupiter.api.AfterEach;

/**
 * Shared set-up for the udp tests: the provider driven over one real loop (so every gensio is on
 * {@link #loop}), and shorthands for acting on that loop.
 */
abstract class UdpFixture {

    final UdpTerminalProvider provider = new UdpTerminalProvider();
    final TerminalDriver net = new TerminalDriver(provider, new TestContext(1, "udp-test"));
    final EventLoop loop = net.context().loop();
    final Connections accepted = new Connections();
    final Map<Gensio, DatagramRecorder> recorders = new ConcurrentHashMap<>();

    @AfterEach
    void stopDriver() {
        net.close();
    }

    GensioContext context() {
        return net.context();
    }

    static LayerSpec udp(List<Option> options, String... args) {
        return new LayerSpec("udp", options, Arrays.asList(args));
    }

    /** Runs {@code task} on the loop and returns its result. */
    <T> T onLoop(Callable<T> task) throws Exception {
        return OnLoop.call(loop, task);
    }

    /** Waits until {@code condition}, evaluated on the loop, holds; fails after the timeout. */
    void await(String what, BooleanSupplier condition) throws Exception {
        OnLoop.waitFor(loop, what, condition);
    }

    /** Runs an asynchronous operation on the loop and waits for its callback; fails on error. */
    void call(Consumer<Callback> op) {
        OnLoop.awaitSuccess(loop, op);
    }

    Throwable callForError(Consumer<Callback> op) {
        return OnLoop.await(loop, op);
    }

    /** A started accepter; with {@code enableReads} each connection gets an echoing {@link DatagramRecorder}, reads on. */
    UdpAccepter startAccepter(LayerSpec layer, boolean enableReads) throws Exception {
        return (UdpAccepter) net.listen(layer, (acc, g) -> {
            if (enableReads) {
                DatagramRecorder r = new DatagramRecorder(true);
                recorders.put(g, r);
                g.setHandler(r);
                g.setReadEnabled(true);
            }
            accepted.onConnection(acc, g);
        });
    }

    static int port(Accepter acc) {
        return ((InetSocketAddress) acc.localAddresses().get(0)).getPort();
    }

    Gensio nextAccepted() throws InterruptedException {
        return accepted.next();
    }

    UdpConnector openConnector(LayerSpec layer, DatagramRecorder recorder) throws Exception {
        UdpConnector c = (UdpConnector) net.connect(layer, recorder);
        assertTrue(onLoop(() -> c.localAddress() != null));
        return c;
    }
}
