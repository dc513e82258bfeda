package org.jser2net.gensio.base;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.jser2net.gensio.api.Callback;
import org.jser2net.gensio.api.EventLoop;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.GensioState;

/** An {@link AbstractGensio} whose protected hooks a test drives by hand and whose callbacks it records. */
final class ProbeGensio extends AbstractGensio {

    /** The subclass callbacks, in order: "read on", "write off", "leftover consumed", ... */
    final List<String> hooks = new ArrayList<>();

    ProbeGensio(EventLoop loop) {
        super("probe", loop, GensioState.CLOSED);
    }

    @Override
    public void open(Callback done) {
        moveTo(GensioState.OPENING);
        complete(done, null);
    }

    /** Ends the opening. */
    void finishOpen() {
        opened();
    }

    @Override
    public void close(Callback done) {
        if (state() != GensioState.CLOSED) {
            moveTo(GensioState.CLOSING);
            closed();
        }
        complete(done, null);
    }

    @Override
    public int write(ByteBuffer src) throws GensioException {
        checkWritable();
        return 0;
    }

    boolean push(ByteBuffer data) {
        return deliver(data);
    }

    boolean leftover() {
        return hasLeftover();
    }

    void end(Throwable error) {
        fireEnd(error);
    }

    void writeReady() {
        fireWriteReady();
    }

    void move(GensioState next) {
        moveTo(next);
    }

    @Override
    protected void readEnableChanged(boolean enabled) {
        hooks.add(enabled ? "read on" : "read off");
    }

    @Override
    protected void writeReadyEnableChanged(boolean enabled) {
        hooks.add(enabled ? "write on" : "write off");
    }

    @Override
    protected void leftoverConsumed(ByteBuffer buffer) {
        hooks.add("leftover consumed");
        super.leftoverConsumed(buffer);
    }
}
