package org.jser2net.gensio.serialdev.internal;

import java.io.IOException;

import org.jser2net.gensio.api.serial.FlowControl;
import org.jser2net.gensio.api.serial.Parity;
import org.jser2net.gensio.api.serial.SerialSettings;
import org.jser2net.gensio.api.serial.SerialControl.Line;

/**
 * A serial port as {@link SerialGensio} drives it: blocking calls, made only from the gensio's own
 * threads (one reader, one writer, one worker for open, close and the controls), never from a loop;
 * the one exception is {@link #readNow}, which never waits. Reads ({@link #read}, {@link #readNow})
 * never overlap: whoever owns the {@link DeviceReader}'s buffer makes them.
 *
 * <p>The controls answer with the value in force afterwards; a device that cannot do something
 * answers with what it has. A 0 or null argument only queries.
 */
interface SerialDevice {

    /** Told about changes the device notices by itself (a simulated port); a real one polls. */
    interface Watcher {
        /** A modem line changed. */
        void modemLinesChanged();

        /** A break or a framing/parity error arrived ({@code org.jser2net.gensio.api.serial.ModemState} LINE_ bits). */
        void lineEvent(int lineStateBits);
    }

    /** Opens the port and applies the configuration. */
    void open() throws IOException;

    /** Reads what has arrived, waiting about 100 ms at most; 0 when nothing came. Throws when the device is gone. */
    int read(byte[] buf, int len) throws IOException;

    /**
     * Reads only what has already arrived, without waiting (called on the loop); 0 when nothing is
     * there or the device cannot tell, in which case {@link #read} will find out. Only if another
     * reader of the same device (a purge, another process) takes the data in between may it wait,
     * for one read timeout at most.
     */
    int readNow(byte[] buf, int len) throws IOException;

    /** Writes some of the bytes, blocking while the device cannot take any; returns how many (more than 0). */
    int write(byte[] buf, int off, int len) throws IOException;

    /** Bytes the driver still holds for transmission, 0 when unknown. */
    int outputQueued();

    /** Closes the port; pending output is discarded. Unblocks a read or write in progress. */
    void close();

    int baud(int baud) throws IOException;

    int dataSize(int bits) throws IOException;

    Parity parity(Parity parity) throws IOException;

    int stopBits(int bits) throws IOException;

    FlowControl flowControl(FlowControl flow) throws IOException;

    boolean line(Line line, Boolean on) throws IOException;

    boolean breakState(Boolean on) throws IOException;

    /** Holds a break for about a quarter of a second, as tcsendbreak(3) does. */
    void sendBreak() throws IOException;

    /** Discards what the driver holds in the given directions, as far as the device can. */
    void purge(boolean receive, boolean transmit) throws IOException;

    /** The line settings in force, as the query-only calls answer them; after {@link #open}. */
    default SerialSettings settings() throws IOException {
        return new SerialSettings(baud(0), parity(null), dataSize(0), stopBits(0), flowControl(null));
    }

    /** The CTS, DSR, RI and CD bits of {@code ModemState}, or -1 when the device has no modem lines. */
    int modemLines() throws IOException;

    /** The port's RFC 2217 signature, or null; a real serial port has none. */
    default String signature() {
        return null;
    }

    /** Registers the one watcher of this device; a device that notices nothing ignores it. */
    default void watch(Watcher watcher) {
    }
}
