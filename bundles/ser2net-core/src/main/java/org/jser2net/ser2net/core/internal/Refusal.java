package org.jser2net.ser2net.core.internal;

import java.nio.ByteBuffer;

import org.jser2net.gensio.api.Callback;
import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.GensioHandler;

/** Writes a message to a client and closes it once the message is out (or the client is gone). */
final class Refusal implements GensioHandler {

    private final ByteBuffer message;
    private final Callback done;
    private boolean finished;

    private Refusal(String text, Callback done) {
        this.message = Messages.bytes(text);
        this.done = done;
    }

    static void send(Gensio client, String text, Callback done) {
        Refusal r = new Refusal(text, done);
        client.setHandler(r);
        r.push(client);
    }

    private void push(Gensio client) {
        try {
            client.write(message);
        } catch (GensioException e) {
            message.position(message.limit());
        }
        if (message.hasRemaining()) {
            client.setWriteReadyEnabled(true);
        } else {
            finish(client);
        }
    }

    private void finish(Gensio client) {
        if (!finished) {
            finished = true;
            client.setWriteReadyEnabled(false);
            client.close(done);
        }
    }

    @Override
    public void onData(Gensio g, ByteBuffer data) {
        data.position(data.limit());
    }

    @Override
    public void onWriteReady(Gensio g) {
        push(g);
    }

    @Override
    public void onEnd(Gensio g, Throwable error) {
        finish(g);
    }
}
