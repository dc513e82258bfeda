package org.jser2net.gensio.telnet.internal;

import org.jser2net.gensio.api.Accepter;
import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.core.testkit.Completion;
import org.jser2net.gensio.core.testkit.Connections;
import org.jser2net.gensio.core.testkit.MemoryTerminal;
import org.jser2net.gensio.core.testkit.OnLoop;
import org.jser2net.gensio.core.testkit.Recorder;
import org.jser2net.gensio.core.testkit.TestRegistry;

/**
 * In-memory stacks for telnet tests: a registry with {@code mem} and {@code telnet}, accepters
 * started on names, and raw {@code mem} clients that see the bytes on the wire.
 */
final class MemRig implements AutoCloseable {

    final TestRegistry registry;
    final Connections connections = new Connections();

    MemRig() {
        this(4096);
    }

    /** With pipe buffers of {@code capacity} bytes, to force back-pressure. */
    MemRig(int capacity) {
        registry = new TestRegistry(1).terminal(MemoryTerminal.TYPE, new MemoryTerminal(capacity))
                .filter("telnet", new TelnetProvider());
    }

    Accepter listen(String stack) throws Exception {
        Accepter acc = registry.accepter(stack);
        acc.setHandler(connections);
        Completion up = new Completion();
        acc.startup(up);
        up.awaitSuccess();
        return acc;
    }

    /** Opens {@code stack} as a connector with a recorder attached (reads on). */
    Gensio connect(String stack, Recorder recorder) throws Exception {
        Gensio g = registry.connector(stack);
        Throwable error = OnLoop.open(g, recorder);
        if (error != null) {
            throw new AssertionError("open of " + stack + " failed: " + error, error);
        }
        recorder.attach(g);
        return g;
    }

    /** A raw client on {@code stack} (e.g. {@code mem,a}) that sees the bytes on the wire. */
    Wire wire(String stack) throws Exception {
        Recorder r = new Recorder();
        return new Wire(connect(stack, r), r);
    }

    /** One end of a raw connection: sends hex, and checks what arrives in order. */
    static final class Wire {
        final Gensio gensio;
        final Recorder recorder;
        private int seen;

        Wire(Gensio gensio, Recorder recorder) {
            this.gensio = gensio;
            this.recorder = recorder;
        }

        void send(String hex) {
            recorder.send(gensio, Hex.parse(hex));
        }

        /** The next bytes to arrive must be exactly {@code hex}. */
        void expect(String hex) {
            byte[] want = Hex.parse(hex);
            byte[] all = recorder.awaitBytes(seen + want.length);
            String got = Hex.of(all, seen, want.length);
            if (!got.equals(Hex.of(want))) {
                throw new AssertionError("expected " + Hex.of(want) + " but got " + Hex.of(all, seen, all.length - seen));
            }
            seen += want.length;
        }

        /** Proves nothing else arrived before: the answer to a refused option must come next. */
        void expectNothingElse() {
            send("fffb18");
            expect("fffe18");
        }
    }

    @Override
    public void close() {
        registry.close();
    }
}
