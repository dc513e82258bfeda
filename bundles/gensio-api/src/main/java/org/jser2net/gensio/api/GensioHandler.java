package org.jser2net.gensio.api;

import java.nio.ByteBuffer;

import org.jser2net.gensio.api.serial.SerialEvent;

/** Receives the events of one {@link Gensio}, always on its loop. */
public interface GensioHandler {

    /**
     * Bytes arrived. Consume them by advancing {@code data}'s position; whatever is left stays with
     * the gensio, which disables reads until {@link Gensio#setReadEnabled} turns them on again. The
     * buffer is only valid during the call.
     */
    void onData(Gensio gensio, ByteBuffer data);

    /** The gensio can take more data; sent while write-ready events are enabled. */
    void onWriteReady(Gensio gensio);

    /**
     * The stream ended: {@code error} is null when the peer closed in order, otherwise why it failed.
     * No more data will arrive; the owner should close the gensio.
     */
    void onEnd(Gensio gensio, Throwable error);

    /** A serial-port event (RFC 2217 request or notification, modem/line state change). */
    default void onSerialEvent(Gensio gensio, SerialEvent event) {
    }
}
