package org.jser2net.gensio.telnet.internal;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.GensioHandler;
import org.jser2net.gensio.api.serial.FlowControl;
import org.jser2net.gensio.api.serial.Parity;
import org.jser2net.gensio.api.serial.SerialControl;
import org.jser2net.gensio.api.serial.SerialControl.Line;
import org.jser2net.gensio.api.serial.SerialEvent;
import org.jser2net.gensio.core.testkit.Recorder;
import org.jser2net.gensio.telnet.TelnetControl;

/**
 * The user of a server-side telnet gensio in tests, standing in for the connection manager: it
 * records data and events in a {@link Recorder}, echoes data back when asked, and answers every
 * RFC 2217 request through the gensio's {@link SerialControl} as a serial port would (a setting
 * that is not a query takes effect; the answer is the value in force).
 */
final class FakePort implements GensioHandler {

    final Recorder recorder = new Recorder();
    final List<SerialEvent> requests = new CopyOnWriteArrayList<>();
    volatile Gensio gensio;
    private final boolean echo;
    private final boolean answer;
    volatile String signature = "ser2net";
    volatile int baud = 9600;
    volatile int dataSize = 8;
    volatile Parity parity = Parity.NONE;
    volatile int stopBits = 1;
    volatile FlowControl flow = FlowControl.NONE;
    volatile boolean dtr = true;
    volatile boolean rts = true;
    volatile boolean breakOn;
    volatile int modemState;
    volatile int lineState;

    FakePort(boolean echo, boolean answer) {
        this.echo = echo;
        this.answer = answer;
    }

    /** Becomes {@code g}'s handler with reads on (on its loop). */
    FakePort attach(Gensio g) {
        gensio = g;
        g.loop().execute(() -> {
            g.setHandler(this);
            g.setReadEnabled(true);
        });
        return this;
    }

    @Override
    public void onData(Gensio g, ByteBuffer data) {
        if (!echo) {
            recorder.onData(g, data);
            return;
        }
        // Echo with flow control: what the gensio does not take now stays, and reads pause.
        ByteBuffer view = data.duplicate();
        try {
            g.write(data);
        } catch (GensioException e) {
            data.position(data.limit());
        }
        view.limit(data.position());
        recorder.onData(g, view);
        if (data.hasRemaining()) {
            g.setWriteReadyEnabled(true);
        }
    }

    @Override
    public void onWriteReady(Gensio g) {
        recorder.onWriteReady(g);
        if (echo) {
            g.setWriteReadyEnabled(false);
            g.setReadEnabled(true);
        }
    }

    @Override
    public void onEnd(Gensio g, Throwable error) {
        recorder.onEnd(g, error);
    }

    @Override
    public void onSerialEvent(Gensio g, SerialEvent e) {
        requests.add(e);
        if (answer) {
            answer(g, e);
        }
        recorder.onSerialEvent(g, e); // last: it wakes the test, which may look at the answer
    }

    private void answer(Gensio g, SerialEvent e) {
        SerialControl sc = g.capability(SerialControl.class).orElseThrow();
        TelnetControl tc = g.capability(TelnetControl.class).orElseThrow();
        int v = e.value();
        switch (e.kind()) {
            case SIGNATURE: sc.signature(signature); break;
            case SET_BAUD: baud = v == 0 ? baud : v; sc.baud(baud); break;
            case SET_DATASIZE: dataSize = v == 0 ? dataSize : v; sc.dataSize(dataSize); break;
            case SET_PARITY: parity = v == 0 ? parity : Parity.ofRfc2217(v); sc.parity(parity); break;
            case SET_STOPSIZE: stopBits = v == 0 ? stopBits : v; sc.stopBits(stopBits); break;
            case SET_FLOWCONTROL: flow = v == 0 ? flow : FlowControl.values()[v - 1]; sc.flowControl(flow); break;
            case SET_DTR: dtr = v == 0 ? dtr : v == 1; sc.line(Line.DTR, dtr); break;
            case SET_RTS: rts = v == 0 ? rts : v == 1; sc.line(Line.RTS, rts); break;
            case SET_BREAK: breakOn = v == 0 ? breakOn : v == 1; sc.breakState(breakOn); break;
            case PURGE: sc.purge((v & 1) != 0, (v & 2) != 0); break;
            case MODEM_MASK: tc.notifyModemState(modemState); break;
            case LINE_MASK: tc.notifyLineState(lineState); break;
            default: break; // SEND_BREAK, FLOW_SUSPEND/RESUME: nothing to answer
        }
    }
}
