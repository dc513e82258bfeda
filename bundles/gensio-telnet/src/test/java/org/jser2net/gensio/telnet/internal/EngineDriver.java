package org.jser2net.gensio.telnet.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * A {@link TelnetEngine} with its output and a record of everything it reported, driven like the
 * gensio drives it: data runs are consumed (all, or as much as a chooser says) and what is left is
 * offered again.
 */
final class EngineDriver implements TelnetEngine.Events {

    final TelnetOutput out;
    final TelnetEngine engine;
    final List<String> events = new ArrayList<>();
    final ByteArrayOutputStream data = new ByteArrayOutputStream();
    int overflows;

    EngineDriver(boolean server, boolean rfc2217, boolean winsize) {
        this(server, rfc2217, winsize, 4096, 8192);
    }

    EngineDriver(boolean server, boolean rfc2217, boolean winsize, int dataLimit, int commandRoom) {
        out = new TelnetOutput(dataLimit, commandRoom);
        engine = new TelnetEngine(server, rfc2217, winsize, out, this);
    }

    /** Feeds {@code hex} in one piece, consuming all data; returns what the engine queued to send. */
    String feed(String hex) throws Exception {
        feed(Hex.buffer(hex), n -> n);
        return Hex.drain(out);
    }

    /**
     * Feeds {@code in}; for each run the chooser says how much of it the user consumes (0 .. run);
     * a run left partly unconsumed is offered again at once, as a re-enabled gensio would.
     * Returns false when the engine stalled (no room for answers).
     */
    boolean feed(ByteBuffer in, IntUnaryOperator chooser) {
        while (in.hasRemaining()) {
            int run = engine.next(in);
            if (run == TelnetReader.STALLED) {
                return false;
            }
            if (run == 0) {
                break;
            }
            int take = Math.max(0, Math.min(run, chooser.applyAsInt(run)));
            data.write(in.array(), in.arrayOffset() + in.position(), take);
            engine.skip(in, take);
        }
        return true;
    }

    String dataHex() {
        return Hex.of(data.toByteArray());
    }

    @Override
    public void command(int command) {
        events.add("cmd " + command);
    }

    @Override
    public void settled(int option, boolean local, boolean enabled) {
        events.add((local ? "us " : "him ") + option + (enabled ? " on" : " off"));
    }

    @Override
    public void suboption(int option, byte[] bytes, int length, boolean truncated) {
        events.add("sb " + option + " " + Hex.of(bytes, 0, length) + (truncated ? " truncated" : ""));
    }

    @Override
    public void overflow() {
        overflows++;
    }
}
