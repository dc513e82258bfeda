package org.jser2net.gensio.telnet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.serial.FlowControl;
import org.jser2net.gensio.api.serial.Parity;
import org.jser2net.gensio.api.serial.SerialControl;
import org.jser2net.gensio.api.serial.SerialControl.Line;
import org.jser2net.gensio.api.serial.SerialEvent;
import org.jser2net.gensio.api.serial.SerialEvent.Kind;
import org.jser2net.gensio.core.testkit.OnLoop;
import org.jser2net.gensio.core.testkit.Recorder;
import org.jser2net.gensio.telnet.TelnetControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Our RFC 2217 client against our server (answered by a {@link FakePort}), in memory. */
class Rfc2217RoundTripTest {

    private final MemRig rig = new MemRig();

    @AfterEach
    void stop() {
        rig.close();
    }

    private static <T> T ask(Gensio g, Function<SerialControl, CompletionStage<T>> op) throws Exception {
        SerialControl sc = OnLoop.call(g.loop(), () -> g.capability(SerialControl.class).orElseThrow());
        return OnLoop.call(g.loop(), () -> op.apply(sc)).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aRemotePortBehavesLikeALocalOne() throws Exception {
        rig.listen("telnet(rfc2217),mem,a");
        Recorder user = new Recorder();
        Gensio client = rig.connect("telnet(rfc2217),mem,a", user);
        FakePort port = new FakePort(true, true).attach(rig.connections.next());
        assertTrue(OnLoop.call(client.loop(), () -> client.capability(TelnetControl.class).orElseThrow().comPortActive()));
        assertEquals("ser2net", ask(client, sc -> sc.signature(null)));
        assertEquals(9600, (int) ask(client, sc -> sc.baud(0)));
        assertEquals(57600, (int) ask(client, sc -> sc.baud(57600)));
        assertEquals(57600, port.baud);
        assertEquals(7, (int) ask(client, sc -> sc.dataSize(7)));
        assertEquals(Parity.ODD, ask(client, sc -> sc.parity(Parity.ODD)));
        assertEquals(2, (int) ask(client, sc -> sc.stopBits(2)));
        assertEquals(FlowControl.XONXOFF, ask(client, sc -> sc.flowControl(FlowControl.XONXOFF)));
        assertEquals(false, ask(client, sc -> sc.line(Line.DTR, false)));
        assertEquals(true, ask(client, sc -> sc.line(Line.RTS, null)));
        assertEquals(true, ask(client, sc -> sc.breakState(true)));
        ask(client, sc -> sc.purge(true, true));
        assertTrue(port.requests.contains(SerialEvent.of(Kind.PURGE, 3)));
        ask(client, SerialControl::sendBreak);
        port.recorder.await(() -> port.requests.contains(SerialEvent.of(Kind.SEND_BREAK, 0)), "the break");
        // The opening NOTIFY-MODEMSTATE (mask 255) reached the client.
        assertEquals(0, (int) ask(client, SerialControl::modemState));
        // Modem-state changes come as events once the mask lets them through.
        Gensio server = port.gensio;
        OnLoop.run(server.loop(), () -> server.capability(TelnetControl.class).orElseThrow().notifyModemState(0x11));
        user.await(() -> user.events().contains("serial " + SerialEvent.of(Kind.MODEM_STATE, 0x11)), "modem event");
        // Data still flows both ways, 255 included.
        user.send(client, new byte[] {1, (byte) 0xff, 2});
        assertEquals("01ff02", Hex.of(user.awaitBytes(3)));
    }

    @Test
    void serverSuspendHoldsTheClientsData() throws Exception {
        rig.listen("telnet(rfc2217),mem,a");
        Recorder user = new Recorder();
        Gensio client = rig.connect("telnet(rfc2217),mem,a", user);
        FakePort port = new FakePort(false, true).attach(rig.connections.next());
        Gensio server = port.gensio;
        OnLoop.run(server.loop(), () -> server.capability(SerialControl.class).orElseThrow().flowSuspend(true));
        OnLoop.waitFor(client.loop(), "the suspend", () -> {
            try {
                return client.write(ByteBuffer.wrap(new byte[] {'x'})) == 0;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        user.send(client, "later");
        OnLoop.run(server.loop(), () -> server.capability(SerialControl.class).orElseThrow().flowSuspend(false));
        String got = port.recorder.awaitText("later");
        assertTrue(got.matches("x*later"), got); // the probes written before the suspend arrived, then the rest
    }

    @Test
    void aServerWithoutRfc2217IsReported() throws Exception {
        rig.listen("telnet,mem,a");
        Gensio client = rig.registry.connector("telnet(rfc2217),mem,a");
        org.jser2net.gensio.core.testkit.Completion opened = new org.jser2net.gensio.core.testkit.Completion();
        client.loop().execute(() -> {
            client.setHandler(new Recorder());
            client.open(opened);
        });
        new FakePort(false, true).attach(rig.connections.next()); // its reads on: it refuses COM-PORT
        opened.awaitSuccess();
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> ask(client, sc -> sc.baud(0)));
        assertNotNull(e.getMessage());
        assertTrue(String.valueOf(e.getCause() == null ? e : e.getCause()).contains("did not agree to RFC 2217"),
                e.toString());
    }
}
