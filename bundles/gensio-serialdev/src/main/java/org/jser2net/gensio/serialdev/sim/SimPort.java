package org.jser2net.gensio.serialdev.sim;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jser2net.gensio.api.serial.FlowControl;
import org.jser2net.gensio.api.serial.ModemState;
import org.jser2net.gensio.api.serial.SerialSettings;
import org.jser2net.gensio.base.ByteRing;

/**
 * A simulated serial port, found by name in a process-wide table: a {@code serialsim,<name>} gensio
 * opens its device end; a test holds the peer end (this object) to read the line settings and output
 * lines the gensio set, drive the input lines (CTS, DSR, CD, RI), inject breaks and parity errors,
 * exchange data, and unplug the port. Like a UART, it passes only the low data bits of each byte, and
 * with RTS/CTS flow control it sends nothing while CTS is off. Each direction buffers
 * {@value #BUFFER} bytes; a full buffer blocks the writer.
 */
public final class SimPort {

    /** Bytes each direction holds. */
    public static final int BUFFER = 4096;

    private static final Map<String, SimPort> PORTS = new ConcurrentHashMap<>();

    /** What the device end is told about; set by the gensio that has the port open. */
    public interface Listener {
        void inputsChanged();

        /** {@link ModemState} LINE_ bits: a break or an error arrived. */
        void lineEvent(int bits);
    }

    private final String name;
    private final ByteRing toDevice = new ByteRing(BUFFER);
    private final ByteRing toPeer = new ByteRing(BUFFER);
    private SerialSettings settings = SerialSettings.DEFAULT;
    private boolean clocal;
    private boolean hupcl;
    private boolean dtr;
    private boolean rts;
    private boolean breakOn;
    private int breaks;
    private int inputs;
    private boolean present = true;
    private boolean open;
    private String signature;
    private Listener listener;

    private SimPort(String name) {
        this.name = name;
    }

    /** The port called {@code name}, created (plugged in, all inputs off) on first use. */
    public static SimPort get(String name) {
        return PORTS.computeIfAbsent(name, SimPort::new);
    }

    /** Forgets the port called {@code name}. */
    public static void remove(String name) {
        PORTS.remove(name);
    }

    public String name() {
        return name;
    }

    // ---- the peer end, for tests ----

    public synchronized SerialSettings settings() {
        return settings;
    }

    public synchronized boolean clocal() {
        return clocal;
    }

    public synchronized boolean hupcl() {
        return hupcl;
    }

    public synchronized boolean dtr() {
        return dtr;
    }

    public synchronized boolean rts() {
        return rts;
    }

    public synchronized boolean breakOn() {
        return breakOn;
    }

    /** How many timed breaks the device end sent. */
    public synchronized int breaksSent() {
        return breaks;
    }

    public synchronized boolean isOpen() {
        return open;
    }

    public void setCts(boolean on) {
        setInput(ModemState.CTS, on);
    }

    public void setDsr(boolean on) {
        setInput(ModemState.DSR, on);
    }

    public void setCd(boolean on) {
        setInput(ModemState.CD, on);
    }

    public void setRi(boolean on) {
        setInput(ModemState.RI, on);
    }

    private void setInput(int bit, boolean on) {
        Listener l;
        synchronized (this) {
            inputs = on ? inputs | bit : inputs & ~bit;
            notifyAll();
            l = listener;
        }
        if (l != null) {
            l.inputsChanged();
        }
    }

    public void injectBreak() {
        lineEvent(ModemState.LINE_BREAK);
    }

    public void injectParityError() {
        lineEvent(ModemState.LINE_PARITY_ERROR);
    }

    private void lineEvent(int bits) {
        Listener l;
        synchronized (this) {
            l = listener;
        }
        if (l != null) {
            l.lineEvent(bits);
        }
    }

    public synchronized void setSignature(String signature) {
        this.signature = signature;
    }

    /** The device vanishes: the open gensio fails, and opening fails until {@link #plug}. */
    public synchronized void unplug() {
        present = false;
        open = false;
        notifyAll();
    }

    public synchronized void plug() {
        present = true;
        notifyAll();
    }

    /** Sends bytes to the device end as far as its buffer takes them; returns the count. */
    public synchronized int write(byte[] data) {
        int n = toDevice.put(masked(data, 0, data.length));
        notifyAll();
        return n;
    }

    /** Sends all of {@code data}, waiting for room; false when the timeout passed first. */
    public synchronized boolean writeAll(byte[] data, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ByteBuffer src = masked(data, 0, data.length);
        while (src.hasRemaining()) {
            toDevice.put(src);
            notifyAll();
            if (!awaitUntil(deadline, src.hasRemaining())) {
                return !src.hasRemaining();
            }
        }
        return true;
    }

    /** Waits until {@code n} bytes came from the device end, or the timeout; returns what came (at most n). */
    public synchronized byte[] read(int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ByteBuffer dst = ByteBuffer.allocate(n);
        while (dst.hasRemaining()) {
            ByteBuffer view = toPeer.peek();
            if (view == null) {
                if (!awaitUntil(deadline, true)) {
                    break;
                }
                continue;
            }
            int k = Math.min(view.remaining(), dst.remaining());
            view.limit(view.position() + k);
            dst.put(view);
            toPeer.release(k);
            notifyAll();
        }
        byte[] out = new byte[dst.position()];
        dst.flip().get(out);
        return out;
    }

    private boolean awaitUntil(long deadline, boolean wanted) throws InterruptedException {
        long left = deadline - System.nanoTime();
        if (!wanted || left <= 0) {
            return false;
        }
        wait(Math.max(1, left / 1_000_000));
        return true;
    }

    private ByteBuffer masked(byte[] data, int off, int len) {
        int mask = (1 << settings.dataBits()) - 1;
        byte[] copy = new byte[len];
        for (int i = 0; i < len; i++) {
            copy[i] = (byte) (data[off + i] & mask);
        }
        return ByteBuffer.wrap(copy);
    }

    // ---- the device end, used by the serialsim gensio ----

    /** Opens the device end; fails when unplugged or already open. */
    public synchronized void deviceOpen(Listener l) throws IOException {
        if (!present) {
            throw new IOException("no such device");
        }
        if (open) {
            throw new IOException("Device or resource busy");
        }
        open = true;
        listener = l;
        toDevice.clear();
        toPeer.clear();
        dtr = true;
        rts = true;
        breakOn = false;
    }

    public synchronized void deviceClose() {
        if (open && hupcl) {
            dtr = false;
            rts = false;
        }
        open = false;
        listener = null;
        notifyAll();
    }

    /** Reads what the peer sent, waiting up to {@code timeoutMs}; 0 when nothing came. */
    public synchronized int deviceRead(byte[] buf, int len, long timeoutMs) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        ByteBuffer view;
        while ((view = usable().hasData() ? toDevice.peek() : null) == null) {
            if (!awaitUntil(deadline, true)) {
                return 0;
            }
        }
        int n = Math.min(len, view.remaining());
        view.get(buf, 0, n);
        toDevice.release(n);
        notifyAll();
        return n;
    }

    /** Transmits, blocking while the peer's buffer is full or CTS holds the line (RTS/CTS flow control). */
    public synchronized int deviceWrite(byte[] buf, int off, int len) throws IOException, InterruptedException {
        while (usable().toPeer.room() == 0 || (settings.flow() == FlowControl.RTSCTS && (inputs & ModemState.CTS) == 0)) {
            wait(100);
        }
        int n = toPeer.put(masked(buf, off, len));
        notifyAll();
        return n;
    }

    private boolean hasData() {
        return toDevice.size() > 0;
    }

    private SimPort usable() throws IOException {
        if (!present) {
            throw new IOException("device unplugged");
        }
        if (!open) {
            throw new IOException("closed");
        }
        return this;
    }

    /** Bytes sent by the device end that the peer has not read yet. */
    public synchronized int deviceOutputQueued() {
        return toPeer.size();
    }

    public synchronized void deviceConfigure(SerialSettings s, boolean clocal, Boolean hupcl) {
        this.settings = s;
        this.clocal = clocal;
        if (hupcl != null) {
            this.hupcl = hupcl;
        }
    }

    public synchronized void deviceSetDtr(boolean on) {
        dtr = on;
    }

    public synchronized void deviceSetRts(boolean on) {
        rts = on;
    }

    public synchronized void deviceSetBreak(boolean on) {
        breakOn = on;
    }

    public synchronized void deviceCountBreak() {
        breaks++;
    }

    public synchronized void devicePurge(boolean receive, boolean transmit) {
        if (receive) {
            toDevice.clear();
        }
        if (transmit) {
            toPeer.clear();
        }
        notifyAll();
    }

    /** The CTS, DSR, RI and CD bits the peer drives. */
    public synchronized int deviceInputs() {
        return inputs;
    }

    public synchronized String signature() {
        return signature;
    }
}
