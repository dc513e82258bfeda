package org.jser2net.gensio.echo.internal;

import java.net.SocketAddress;
import java.util.List;

import org.jser2net.gensio.api.Accepter;
import org.jser2net.gensio.api.AccepterHandler;
import org.jser2net.gensio.api.Callback;
import org.jser2net.gensio.api.EventLoop;
import org.jser2net.gensio.api.GensioException;

/** An accepter that starts and stops like any other but never accepts anything. */
final class DummyAccepter implements Accepter {

    private final EventLoop loop;
    private volatile boolean up;

    DummyAccepter(EventLoop loop) {
        this.loop = loop;
    }

    @Override
    public String type() {
        return "dummy";
    }

    @Override
    public void setHandler(AccepterHandler handler) {
        // no connection ever comes
    }

    @Override
    public void startup(Callback done) {
        Throwable error = null;
        synchronized (this) {
            if (up) {
                error = new GensioException("dummy accepter is already started");
            }
            up = true;
        }
        Throwable e = error;
        loop.execute(() -> done.done(e));
    }

    @Override
    public void shutdown(Callback done) {
        up = false;
        loop.execute(() -> done.done(null));
    }

    @Override
    public void setAcceptEnabled(boolean enabled) {
        // nothing to pause
    }

    @Override
    public List<SocketAddress> localAddresses() {
        return List.of();
    }

    @Override
    public String stack() {
        return "dummy";
    }

    /** True between startup and shutdown. */
    boolean isUp() {
        return up;
    }
}
