package org.jser2net.gensio.udp.internal;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.GensioHandler;
import org.jser2net.gensio.core.testkit.Recorder;

/**
 * A test handler that keeps datagram boundaries: records each onData chunk on its own, optionally
 * answers {@code re:<data>}, counts write-ready events, and may consume only part of each chunk
 * (re-enabling reads so the rest comes again). The testkit {@link Recorder} joins chunks instead.
 */
final class DatagramRecorder implements GensioHandler {

    final BlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
    final AtomicInteger writeReady = new AtomicInteger();
    private final boolean echo;
    volatile int consumeAtMost = Integer.MAX_VALUE;

    DatagramRecorder(boolean echo) {
        this.echo = echo;
    }

    @Override
    public void onData(Gensio g, ByteBuffer data) {
        byte[] b = new byte[Math.min(data.remaining(), consumeAtMost)];
        data.get(b);
        chunks.add(b);
        if (data.hasRemaining()) {
            g.loop().execute(() -> g.setReadEnabled(true));
        }
        if (echo) {
            try {
                g.write(ByteBuffer.wrap(("re:" + new String(b, StandardCharsets.ISO_8859_1))
                        .getBytes(StandardCharsets.ISO_8859_1)));
            } catch (GensioException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void onWriteReady(Gensio g) {
        writeReady.incrementAndGet();
    }

    @Override
    public void onEnd(Gensio g, Throwable error) {
    }

    byte[] next() throws InterruptedException {
        byte[] b = chunks.poll(Recorder.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(b, "no data arrived");
        return b;
    }

    String nextString() throws InterruptedException {
        return new String(next(), StandardCharsets.ISO_8859_1);
    }
}
