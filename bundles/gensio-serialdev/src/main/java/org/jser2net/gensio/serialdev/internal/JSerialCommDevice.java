package org.jser2net.gensio.serialdev.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jser2net.gensio.api.serial.FlowControl;
import org.jser2net.gensio.api.serial.ModemState;
import org.jser2net.gensio.api.serial.Parity;
import org.jser2net.gensio.api.serial.SerialControl.Line;
import org.jser2net.gensio.serialdev.internal.SerialConfig.InitialLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;

/**
 * A local serial port through jSerialComm. Reads wait at most 100 ms (VMIN=0, VTIME=1), so the reader
 * thread notices a close or a vanished device node. On a pseudo-terminal the driver forces CS8 without
 * parity and has no modem lines; the answers say so instead of echoing the request.
 */
final class JSerialCommDevice implements SerialDevice {

    private static final Logger LOG = LoggerFactory.getLogger(JSerialCommDevice.class);
    private static final int READ_TIMEOUT_MS = 100;
    private static final long NODE_CHECK_NS = 1_000_000_000L;

    private final SerialConfig config;
    private final String what;
    private final Path lockDir;
    private final boolean lockingEnabled;
    private volatile SerialPort port;
    private UucpLock lock;
    private boolean pty;
    private boolean breakOn;
    private boolean sttyWarned;
    private long nextNodeCheck;
    /**
     * Bytes the driver is known to hold for reading (FIONREAD, less what was read since); only the
     * side that owns the read buffer, thread or loop, touches it.
     */
    private int known;

    /** {@code lockDir} and {@code lockingEnabled} are the UUCP lock settings in force when the stack was built. */
    JSerialCommDevice(SerialConfig config, String what, Path lockDir, boolean lockingEnabled) {
        this.config = config;
        this.what = what;
        this.lockDir = lockDir;
        this.lockingEnabled = lockingEnabled;
    }

    @Override
    public void open() throws IOException {
        String device = config.device();
        if (!Files.exists(Path.of(device))) {
            throw new IOException("no such device");
        }
        pty = DeviceKind.isPty(device);
        boolean uucp = config.uucpLock() != null ? config.uucpLock() : !(pty || DeviceKind.isControllingTty(device));
        if (uucp && lockingEnabled && config.termios()) {
            lock = UucpLock.acquire(lockDir, device, what);
        }
        try {
            SerialPort p = SerialPort.getCommPort(device);
            configure(p);
            if (!p.openPort(0)) {
                throw new IOException(Errno.describe(p.getLastErrorCode()));
            }
            port = p;
            breakOn = false;
            nextNodeCheck = System.nanoTime() + NODE_CHECK_NS;
            if (config.termios()) {
                afterOpen(p);
            }
        } catch (IOException | RuntimeException e) {
            close();
            if (e instanceof SerialPortInvalidPortException) {
                throw new IOException("no such device", e);
            }
            throw e;
        }
    }

    private void configure(SerialPort p) {
        if (!config.termios()) {
            p.disablePortConfiguration();
        }
        if (!config.flock() || DeviceKind.isControllingTty(config.device())) {
            p.disableExclusiveLock();
        }
        Rs485 rs = config.rs485();
        p.setComPortParameters(config.baud(), pty ? 8 : config.dataBits(), Codes.stopBits(config.stopBits()),
                Codes.parity(pty ? Parity.NONE : config.parity()), rs != null && rs.enabled());
        p.setFlowControl(Codes.flow(config.xonxoff(), config.rtscts()));
        if (rs == null) {
            p.disableRs485ModeControl();
        } else {
            p.setRs485ModeParameters(rs.enabled(), rs.rtsActiveHigh(), rs.terminateBus(), rs.rxDuringTx(),
                    rs.delayBeforeMs() * 1000, rs.delayAfterMs() * 1000);
        }
        p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, READ_TIMEOUT_MS, 0);
        for (InitialLine l : config.initialLines()) {
            setLine(p, l.line(), l.on());
        }
    }

    private void afterOpen(SerialPort p) {
        reconfigured();
        if (!pty) {
            for (InitialLine l : config.initialLines()) {
                setLine(p, l.line(), l.on());
            }
        }
        if (!config.nobreak() && !p.clearBreak()) {
            LOG.warn("{}: clearing break failed, try adding the nobreak option: {}", what,
                    Errno.describe(p.getLastErrorCode()));
        }
    }

    /** jSerialComm switched CLOCAL on (and maybe HUPCL off) again; put back what the configuration says. */
    private void reconfigured() {
        if (!SttyFlags.needed(config)) {
            return;
        }
        try {
            SttyFlags.apply(port.getSystemPortPath(), config.local(), config.hangupWhenDone());
        } catch (IOException e) {
            if (!sttyWarned) {
                sttyWarned = true;
                LOG.warn("{}: cannot set {} on the device: {}", what, config.local() ? "HUPCL" : "CLOCAL/HUPCL",
                        e.getMessage());
            }
        }
    }

    private static boolean setLine(SerialPort p, Line line, boolean on) {
        if (line == Line.DTR) {
            return on ? p.setDTR() : p.clearDTR();
        }
        return on ? p.setRTS() : p.clearRTS();
    }

    @Override
    public int read(byte[] buf, int len) throws IOException {
        SerialPort p = port;
        known = 0;
        int n = p == null ? -1 : p.readBytes(buf, len);
        if (n < 0) {
            throw new IOException(p == null || !p.isOpen() ? "closed" : "read failed: " + Errno.describe(p.getLastErrorCode()));
        }
        if (n == 0 && System.nanoTime() - nextNodeCheck > 0) {
            nextNodeCheck = System.nanoTime() + NODE_CHECK_NS;
            if (!Files.exists(Path.of(config.device()))) {
                throw new IOException("device node " + config.device() + " was removed");
            }
        }
        return n;
    }

    @Override
    public int readNow(byte[] buf, int len) throws IOException {
        SerialPort p = port;
        if (p == null) {
            return 0;
        }
        if (known <= 0) {
            // FIONREAD takes the tty's termios lock for writing: ask once per batch, not per chunk.
            known = Math.max(0, p.bytesAvailable());
            if (known == 0) {
                return 0;
            }
        }
        int n = p.readBytes(buf, Math.min(known, len));
        if (n < 0) {
            known = 0;
            throw new IOException(!p.isOpen() ? "closed" : "read failed: " + Errno.describe(p.getLastErrorCode()));
        }
        known = n == 0 ? 0 : known - n;
        return n;
    }

    @Override
    public int write(byte[] buf, int off, int len) throws IOException {
        SerialPort p = port;
        int n = p == null ? -1 : p.writeBytes(buf, len, off);
        if (n <= 0) {
            throw new IOException(p == null || !p.isOpen() ? "closed" : "write failed: " + Errno.describe(p.getLastErrorCode()));
        }
        return n;
    }

    @Override
    public int outputQueued() {
        SerialPort p = port;
        return p == null ? 0 : Math.max(0, p.bytesAwaitingWrite());
    }

    @Override
    public void close() {
        SerialPort p = port;
        port = null;
        if (p != null) {
            p.closePort();
        }
        if (lock != null) {
            lock.release();
            lock = null;
        }
    }

    @Override
    public int baud(int baud) {
        SerialPort p = port;
        if (baud > 0 && config.termios() && baud != p.getBaudRate()) {
            int old = p.getBaudRate();
            if (!p.setBaudRate(baud)) {
                LOG.debug("{}: baud {} refused: {}", what, baud, Errno.describe(p.getLastErrorCode()));
                p.setBaudRate(old);
            }
            reconfigured();
        }
        return p.getBaudRate();
    }

    @Override
    public int dataSize(int bits) {
        SerialPort p = port;
        if (pty) {
            return 8;
        }
        if (bits >= 5 && bits <= 8 && config.termios() && bits != p.getNumDataBits()) {
            int old = p.getNumDataBits();
            if (!p.setNumDataBits(bits)) {
                p.setNumDataBits(old);
            }
            reconfigured();
        }
        return p.getNumDataBits();
    }

    @Override
    public Parity parity(Parity parity) {
        SerialPort p = port;
        if (pty) {
            return Parity.NONE;
        }
        if (parity != null && config.termios() && Codes.parity(parity) != p.getParity()) {
            int old = p.getParity();
            if (!p.setParity(Codes.parity(parity))) {
                p.setParity(old);
            }
            reconfigured();
        }
        return Codes.parity(p.getParity());
    }

    @Override
    public int stopBits(int bits) {
        SerialPort p = port;
        if ((bits == 1 || bits == 2) && config.termios() && Codes.stopBits(bits) != p.getNumStopBits()) {
            int old = p.getNumStopBits();
            if (!p.setNumStopBits(Codes.stopBits(bits))) {
                p.setNumStopBits(old);
            }
            reconfigured();
        }
        return p.getNumStopBits() == SerialPort.TWO_STOP_BITS ? 2 : 1;
    }

    @Override
    public FlowControl flowControl(FlowControl flow) {
        SerialPort p = port;
        if (flow != null && config.termios()) {
            int bits = Codes.flow(flow == FlowControl.XONXOFF, flow == FlowControl.RTSCTS);
            if (bits != p.getFlowControlSettings()) {
                int old = p.getFlowControlSettings();
                if (!p.setFlowControl(bits)) {
                    p.setFlowControl(old);
                }
                reconfigured();
            }
        }
        return Codes.flow(p.getFlowControlSettings());
    }

    @Override
    public boolean line(Line line, Boolean on) {
        SerialPort p = port;
        if (on != null && !setLine(p, line, on)) {
            LOG.debug("{}: setting {} failed: {}", what, line, Errno.describe(p.getLastErrorCode()));
        }
        if (pty) {
            return false;
        }
        return line == Line.DTR ? p.getDTR() : p.getRTS();
    }

    @Override
    public boolean breakState(Boolean on) {
        SerialPort p = port;
        if (on != null && (on ? p.setBreak() : p.clearBreak())) {
            breakOn = on;
        }
        return breakOn;
    }

    @Override
    public void sendBreak() throws IOException {
        SerialPort p = port;
        if (!p.setBreak()) {
            throw new IOException("break failed: " + Errno.describe(p.getLastErrorCode()));
        }
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            p.clearBreak();
            breakOn = false;
        }
    }

    @Override
    public void purge(boolean receive, boolean transmit) {
        SerialPort p = port;
        if (receive && transmit) {
            p.flushIOBuffers();
        } else if (receive) {
            // jSerialComm flushes both directions or none; read away what has arrived instead.
            byte[] sink = new byte[4096];
            for (int n = p.bytesAvailable(); n > 0; n = p.bytesAvailable()) {
                if (p.readBytes(sink, Math.min(n, sink.length)) <= 0) {
                    break;
                }
            }
        }
    }

    @Override
    public int modemLines() {
        SerialPort p = port;
        if (pty) {
            return -1;
        }
        return (p.getCTS() ? ModemState.CTS : 0) | (p.getDSR() ? ModemState.DSR : 0) | (p.getRI() ? ModemState.RI : 0)
                | (p.getDCD() ? ModemState.CD : 0);
    }
}
