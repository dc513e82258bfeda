package org.jser2net.ser2net.core.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open trace file with its hexdump and timestamp flags. The first I/O error is logged and ends
 * tracing to this file; nothing is ever thrown to the caller.
 */
final class TraceFile {

    private static final Logger LOG = LoggerFactory.getLogger(TraceFile.class);
    private static final Set<OpenOption> APPEND = Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NO_BYTE = {' ', ' ', ' '};
    private static final int PER_LINE = 8;

    private final String port;
    private final String name;
    private final boolean hexdump;
    private final boolean timestamp;
    private final TraceStamp stamp;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    private FileChannel channel;

    private TraceFile(String port, String name, boolean hexdump, boolean timestamp, TraceStamp stamp,
            FileChannel channel) {
        this.port = port;
        this.name = name;
        this.hexdump = hexdump;
        this.timestamp = timestamp;
        this.stamp = stamp;
        this.channel = channel;
    }

    /** Opens {@code name} for appending, created with mode 0600; on failure logs and returns a dead file. */
    static TraceFile open(String port, String name, boolean hexdump, boolean timestamp, TraceStamp stamp) {
        FileChannel ch = null;
        try {
            Path path = Path.of(name);
            try {
                ch = FileChannel.open(path, APPEND, PosixFilePermissions.asFileAttribute(
                        EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
            } catch (UnsupportedOperationException e) {
                ch = FileChannel.open(path, APPEND);
            }
        } catch (IOException | InvalidPathException e) {
            LOG.error("port {}: unable to open trace file {}: {}", port, name, e.toString());
        }
        return new TraceFile(port, name, hexdump, timestamp, stamp, ch);
    }

    /** Writes a chunk of traffic, raw or as hexdump lines that start with {@code prefix}. */
    void data(ByteBuffer data, int from, int count, String prefix) {
        if (channel == null || count <= 0) {
            return;
        }
        if (!hexdump) {
            write(data.duplicate().limit(from + count).position(from));
            return;
        }
        line.reset();
        for (int start = from; start < from + count; start += PER_LINE) {
            hexLine(data, start, Math.min(PER_LINE, from + count - start), prefix);
        }
        write(ByteBuffer.wrap(line.toByteArray()));
    }

    /** Writes an OPEN or CLOSE line, time-stamped; only files with the timestamp flag get them. */
    void header(String text) {
        if (channel == null || !timestamp) {
            return;
        }
        line.reset();
        line.writeBytes(stamp.now());
        line.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        line.write('\n');
        write(ByteBuffer.wrap(line.toByteArray()));
    }

    /** Closes the file; later calls do nothing. */
    void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.warn("port {}: closing trace file {}: {}", port, name, e.toString());
            }
            channel = null;
        }
    }

    /** Whether the file is open and has not failed. */
    boolean isOpen() {
        return channel != null;
    }

    private void hexLine(ByteBuffer data, int start, int n, String prefix) {
        if (timestamp) {
            line.writeBytes(stamp.now());
        }
        line.writeBytes(prefix.getBytes(StandardCharsets.US_ASCII));
        line.write(' ');
        for (int i = 0; i < PER_LINE; i++) {
            if (i < n) {
                int b = data.get(start + i) & 0xff;
                line.write(HEX[b >> 4]);
                line.write(HEX[b & 0xf]);
                line.write(' ');
            } else {
                line.writeBytes(NO_BYTE);
            }
        }
        line.write(' ');
        line.write('|');
        for (int i = 0; i < n; i++) {
            int b = data.get(start + i) & 0xff;
            line.write(b >= 0x20 && b < 0x7f ? b : '.'); // isprint in the C locale ser2net runs in
        }
        line.write('|');
        line.write('\n');
    }

    private void write(ByteBuffer buf) {
        try {
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
        } catch (IOException e) {
            LOG.error("port {}: unable to write to trace file {}, tracing to it stops: {}", port, name,
                    e.toString());
            close();
        }
    }
}
