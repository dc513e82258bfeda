package org.jser2net.ser2net.core.internal;

import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jser2net.gensio.api.EventLoop;
import org.jser2net.gensio.api.serial.FlowControl;
import org.jser2net.gensio.api.serial.Parity;
import org.jser2net.gensio.api.serial.SerialControl;
import org.jser2net.gensio.api.serial.SerialEvent;

/**
 * Carries out a client's RFC 2217 request on the device and answers it through the client's
 * server-side {@link SerialControl}. Every request is answered: when the device cannot do it (or is
 * not a serial port), with the value in force.
 */
final class SerialRequests {

    private final EventLoop loop;
    private final String signature;
    private final boolean breakOnSync;

    SerialRequests(EventLoop loop, String signature, boolean breakOnSync) {
        this.loop = loop;
        this.signature = signature;
        this.breakOnSync = breakOnSync;
    }

    /** Handles {@code ev} from a client whose control is {@code client}; {@code dev} may be null. */
    void handle(SerialEvent ev, SerialControl client, SerialControl dev, int modemState, int lineState) {
        int v = ev.value();
        switch (ev.kind()) {
            case SIGNATURE:
                client.signature(signature);
                break;
            case SET_BAUD:
                relay(() -> dev.baud(v), dev, client::baud, () -> client.baud(0));
                break;
            case SET_DATASIZE:
                relay(() -> dev.dataSize(v), dev, client::dataSize, () -> client.dataSize(0));
                break;
            case SET_PARITY:
                relay(() -> dev.parity(parity(v)), dev, client::parity, () -> client.parity(null));
                break;
            case SET_STOPSIZE:
                relay(() -> dev.stopBits(v), dev, client::stopBits, () -> client.stopBits(0));
                break;
            case SET_FLOWCONTROL:
                relay(() -> dev.flowControl(flow(v)), dev, client::flowControl, () -> client.flowControl(null));
                break;
            case SET_DTR:
                line(SerialControl.Line.DTR, v, client, dev);
                break;
            case SET_RTS:
                line(SerialControl.Line.RTS, v, client, dev);
                break;
            case SET_BREAK:
                relay(() -> dev.breakState(onOff(v)), dev, client::breakState, () -> client.breakState(null));
                break;
            case PURGE:
                boolean rx = (v & 1) != 0;
                boolean tx = (v & 2) != 0;
                relay(() -> dev.purge(rx, tx), dev, r -> client.purge(rx, tx), () -> client.purge(rx, tx));
                break;
            case MODEM_MASK:
            case LINE_MASK:
                if (dev != null) {
                    dev.notifyMasks(0xff, 0xff);
                }
                client.notifyModemState(modemState);
                client.notifyLineState(lineState);
                break;
            case SEND_BREAK:
                if (dev != null && (ev.text() == null || breakOnSync)) {
                    dev.sendBreak();
                }
                break;
            default:
                break;
        }
    }

    private void line(SerialControl.Line which, int v, SerialControl client, SerialControl dev) {
        relay(() -> dev.line(which, onOff(v)), dev, r -> client.line(which, r), () -> client.line(which, null));
    }

    /** Runs {@code onDevice}, then answers with its result on the loop, or with {@code fallback}. */
    private <T> void relay(Supplier<CompletionStage<T>> onDevice, SerialControl dev, Consumer<T> answer,
            Runnable fallback) {
        if (dev == null) {
            fallback.run();
            return;
        }
        CompletionStage<T> result;
        try {
            result = onDevice.get();
        } catch (RuntimeException e) {
            fallback.run();
            return;
        }
        result.whenComplete((r, e) -> loop.execute(() -> {
            if (e != null || r == null) {
                fallback.run();
            } else {
                answer.accept(r);
            }
        }));
    }

    private static Boolean onOff(int v) {
        return v == 1 ? Boolean.TRUE : v == 2 ? Boolean.FALSE : null;
    }

    private static Parity parity(int v) {
        try {
            return v == 0 ? null : Parity.ofRfc2217(v);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static FlowControl flow(int v) {
        for (FlowControl f : FlowControl.values()) {
            if (f.rfc2217() == v) {
                return f;
            }
        }
        return null;
    }
}
