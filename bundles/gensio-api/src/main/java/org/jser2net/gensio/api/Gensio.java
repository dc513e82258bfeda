package org.jser2net.gensio.api;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * One bidirectional byte stream: a stack of layers whose bottom one (the terminal) owns the I/O.
 *
 * <pre>
 *            user (connection manager, parent filter)
 *   write(buf) |  ^ handler.onData(buf)      flow control:
 *              v  |                            setReadEnabled(false)  -> no more onData
 *         +-------------+                      write() returns 0      -> wait for onWriteReady
 *         | filter      |  sees its child exactly as its parent sees it
 *         +-------------+
 *         | terminal    |  socket, device, ...
 *         +-------------+
 * </pre>
 *
 * <p>Threading: a gensio belongs to one {@link EventLoop}; every method is called on that loop and
 * every handler event is delivered on it. Code on another thread uses {@code loop().execute(...)}.
 *
 * <p>Reading: while reads are enabled, {@link GensioHandler#onData} hands over received bytes; the
 * handler consumes by advancing the buffer's position. Bytes it leaves are kept, reads are disabled,
 * and the rest is delivered again once reads are enabled. Reads start disabled.
 *
 * <p>Writing: {@link #write} never blocks; it takes as many bytes as fit now and returns the count.
 * When it took less than offered, enable write-ready events and write the rest from
 * {@link GensioHandler#onWriteReady}. Nothing that {@code write} accepted is ever dropped unless the
 * gensio fails or is closed.
 *
 * <p>Lifecycle: see {@link GensioState}. Connectors are created {@code CLOSED} and opened with
 * {@link #open}; gensios delivered by an {@link Accepter} are already {@code OPEN}.
 */
public interface Gensio {

    /** The gensio type of the top layer, e.g. {@code "telnet"} or {@code "tcp"}. */
    String type();

    /** The layer below this one, or null for a terminal. */
    Gensio child();

    /** The loop this gensio runs on. */
    EventLoop loop();

    GensioState state();

    /** Sets the receiver of events; must be set before reads are enabled or open is called. */
    void setHandler(GensioHandler handler);

    /** Opens a connector; {@code done} gets null once data can flow, or the reason it cannot. */
    void open(Callback done);

    /**
     * Closes the stack, from the top layer down. Data already accepted by {@link #write} is sent if
     * the peer takes it within the layer's drain time. {@code done} runs once all resources are
     * released. Closing a closed gensio calls {@code done} at once.
     */
    void close(Callback done);

    /**
     * Writes as much of {@code src} as can be taken now, advancing its position.
     *
     * @return the number of bytes taken, possibly 0
     * @throws GensioException if the gensio is not open or has failed
     */
    int write(ByteBuffer src) throws GensioException;

    void setReadEnabled(boolean enabled);

    void setWriteReadyEnabled(boolean enabled);

    /**
     * The remote end in gensio's address format, e.g. {@code "ipv4,127.0.0.1,43040"}, or the device
     * string for a serial port; empty when there is none.
     */
    String remoteAddress();

    /**
     * An optional capability of this stack, such as {@code SerialControl}. A filter that does not
     * implement a capability itself answers with its child's.
     */
    <T> Optional<T> capability(Class<T> type);
}
