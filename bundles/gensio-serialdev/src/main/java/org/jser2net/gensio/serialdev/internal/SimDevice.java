package org.jser2net.gensio.serialdev.internal;

import java.io.IOException;
import java.io.InterruptedIOException;

import org.jser2net.gensio.api.serial.FlowControl;
import org.jser2net.gensio.api.serial.Parity;
import org.jser2net.gensio.api.serial.SerialControl.Line;
import org.jser2net.gensio.api.serial.SerialSettings;
import org.jser2net.gensio.serialdev.internal.SerialConfig.InitialLine;
import org.jser2net.gensio.serialdev.sim.SimPort;

/** The device end of a {@link SimPort}, as the {@code serialsim} gensio drives it. It holds every setting exactly. */
final class SimDevice implements SerialDevice {

    private static final long READ_TIMEOUT_MS = 100;

    private final SimPort port;
    private final SerialConfig config;
    private Watcher watcher;
    /** Only a device that opened the port may close it (a failed open must not close another user's). */
    private volatile boolean opened;

    SimDevice(SimPort port, SerialConfig config) {
        this.port = port;
        this.config = config;
    }

    @Override
    public void watch(Watcher w) {
        this.watcher = w;
    }

    @Override
    public void open() throws IOException {
        Watcher w = watcher;
        port.deviceOpen(new SimPort.Listener() {
            @Override
            public void inputsChanged() {
                if (w != null) {
                    w.modemLinesChanged();
                }
            }

            @Override
            public void lineEvent(int bits) {
                if (w != null) {
                    w.lineEvent(bits);
                }
            }
        });
        opened = true;
        if (config.termios()) {
            port.deviceConfigure(config.settings(), config.local(), config.hangupWhenDone());
            for (InitialLine l : config.initialLines()) {
                line(l.line(), l.on());
            }
            if (!config.nobreak()) {
                port.deviceSetBreak(false);
            }
        }
    }

    @Override
    public int read(byte[] buf, int len) throws IOException {
        return read(buf, len, READ_TIMEOUT_MS);
    }

    private int read(byte[] buf, int len, long timeoutMs) throws IOException {
        try {
            return port.deviceRead(buf, len, timeoutMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
    }

    @Override
    public int readNow(byte[] buf, int len) throws IOException {
        return read(buf, len, 0);
    }

    @Override
    public int write(byte[] buf, int off, int len) throws IOException {
        try {
            return port.deviceWrite(buf, off, len);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
    }

    @Override
    public int outputQueued() {
        return port.deviceOutputQueued();
    }

    @Override
    public void close() {
        if (opened) {
            opened = false;
            port.deviceClose();
        }
    }

    private SerialSettings change(int baud, Parity parity, int dataBits, int stopBits, FlowControl flow) {
        SerialSettings s = new SerialSettings(baud, parity, dataBits, stopBits, flow);
        if (config.termios()) {
            port.deviceConfigure(s, config.local(), null);
        }
        return port.settings();
    }

    @Override
    public int baud(int baud) {
        SerialSettings s = port.settings();
        return baud <= 0 ? s.baud() : change(baud, s.parity(), s.dataBits(), s.stopBits(), s.flow()).baud();
    }

    @Override
    public int dataSize(int bits) {
        SerialSettings s = port.settings();
        return bits < 5 || bits > 8 ? s.dataBits() : change(s.baud(), s.parity(), bits, s.stopBits(), s.flow()).dataBits();
    }

    @Override
    public Parity parity(Parity parity) {
        SerialSettings s = port.settings();
        return parity == null ? s.parity() : change(s.baud(), parity, s.dataBits(), s.stopBits(), s.flow()).parity();
    }

    @Override
    public int stopBits(int bits) {
        SerialSettings s = port.settings();
        return bits != 1 && bits != 2 ? s.stopBits() : change(s.baud(), s.parity(), s.dataBits(), bits, s.flow()).stopBits();
    }

    @Override
    public FlowControl flowControl(FlowControl flow) {
        SerialSettings s = port.settings();
        return flow == null ? s.flow() : change(s.baud(), s.parity(), s.dataBits(), s.stopBits(), flow).flow();
    }

    @Override
    public boolean line(Line line, Boolean on) {
        if (line == Line.DTR) {
            if (on != null) {
                port.deviceSetDtr(on);
            }
            return port.dtr();
        }
        if (on != null) {
            port.deviceSetRts(on);
        }
        return port.rts();
    }

    @Override
    public boolean breakState(Boolean on) {
        if (on != null) {
            port.deviceSetBreak(on);
        }
        return port.breakOn();
    }

    @Override
    public void sendBreak() {
        port.deviceCountBreak();
    }

    @Override
    public void purge(boolean receive, boolean transmit) {
        port.devicePurge(receive, transmit);
    }

    @Override
    public int modemLines() {
        return port.deviceInputs();
    }

    @Override
    public String signature() {
        return port.signature();
    }
}
