package org.jser2net.ser2net.core.internal;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The trace files of one open device ({@code trace-read}, {@code trace-write}, {@code trace-both}), laid
 * out byte for byte as ser2net 4.3.11 writes them. Use it from the port's event loop only.
 *
 * <p>Files are opened when the device opens. As in ser2net, a template equal to one opened before
 * (compared before escapes are expanded; write first, then read, then both) shares that file and its
 * flags; so when {@code trace-both} names the {@code trace-read} file, device data appears there twice.
 */
final class Trace implements AutoCloseable {

    /** Device to network lines start with this. */
    static final String DEVICE_PREFIX = "term";
    /** Network to device lines start with this. */
    static final String NET_PREFIX = "tcp ";

    private static final Trace NONE = new Trace(null, null, null);

    private final TraceFile read;
    private final TraceFile write;
    private final TraceFile both;
    private final List<TraceFile> distinct = new ArrayList<>(3);

    private Trace(TraceFile read, TraceFile write, TraceFile both) {
        this.read = read;
        this.write = write;
        this.both = both;
        for (TraceFile f : new TraceFile[] {read, write, both}) {
            if (f != null && !distinct.contains(f)) {
                distinct.add(f);
            }
        }
    }

    /**
     * Opens the files {@code s} names, their names expanded with {@code ctx} (one time for all files);
     * a file that cannot be opened is logged and skipped. Returns a tracer that does nothing when no
     * file is named. {@code clock} gives the time stamps in its zone, so pass
     * {@code Clock.systemDefaultZone()} for ser2net's local time.
     */
    static Trace open(TraceSettings s, EscapeContext ctx, Clock clock) {
        if (!s.any()) {
            return NONE;
        }
        TraceStamp stamp = new TraceStamp(clock);
        TraceFile w = s.write() == null ? null
                : TraceFile.open(ctx.name(), Ser2netString.fileName(s.write(), ctx), s.writeHexdump(),
                        s.writeTimestamp(), stamp);
        TraceFile r;
        if (s.read() == null) {
            r = null;
        } else if (s.read().equals(s.write())) {
            r = w;
        } else {
            r = TraceFile.open(ctx.name(), Ser2netString.fileName(s.read(), ctx), s.readHexdump(),
                    s.readTimestamp(), stamp);
        }
        TraceFile b;
        if (s.both() == null) {
            b = null;
        } else if (s.both().equals(s.write())) {
            b = w;
        } else if (s.both().equals(s.read())) {
            b = r;
        } else {
            b = TraceFile.open(ctx.name(), Ser2netString.fileName(s.both(), ctx), s.bothHexdump(),
                    s.bothTimestamp(), stamp);
        }
        return new Trace(r, w, b);
    }

    /** Whether any file is being written. */
    boolean active() {
        return distinct.stream().anyMatch(TraceFile::isOpen);
    }

    /** A client joined the open device: {@code OPEN (ipv4,127.0.0.1,43040)}. */
    void opened(String clientAddress) {
        header("OPEN (" + Objects.toString(clientAddress, "") + ")");
    }

    /** Data from a client to the device: {@code trace-write} and {@code trace-both}. */
    void netToDevice(ByteBuffer data, int from, int count) {
        if (write != null) {
            write.data(data, from, count, NET_PREFIX);
        }
        if (both != null) {
            both.data(data, from, count, NET_PREFIX);
        }
    }

    /** Data from the device to the clients: {@code trace-read} and {@code trace-both}. */
    void deviceToNet(ByteBuffer data, int from, int count) {
        if (read != null) {
            read.data(data, from, count, DEVICE_PREFIX);
        }
        if (both != null) {
            both.data(data, from, count, DEVICE_PREFIX);
        }
    }

    /** A client is being closed: {@code CLOSE netcon (port closing)}. */
    void clientClosed(String reason) {
        header("CLOSE netcon (" + reason + ")");
    }

    /** The device is about to close: {@code CLOSE port (All users disconnected)}. */
    void portClosed(String reason) {
        header("CLOSE port (" + reason + ")");
    }

    /** The last client and then the device close, the common case: both CLOSE lines. */
    void closed(String netconReason, String portReason) {
        clientClosed(netconReason);
        portClosed(portReason);
    }

    /** Closes every file (the device closed); later calls write nothing. */
    @Override
    public void close() {
        distinct.forEach(TraceFile::close);
    }

    /** OPEN and CLOSE lines go once to each distinct file, in ser2net's order: read, write, both. */
    private void header(String text) {
        for (TraceFile f : distinct) {
            f.header(text);
        }
    }
}
