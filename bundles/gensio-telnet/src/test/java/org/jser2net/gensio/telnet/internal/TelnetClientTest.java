package org.jser2net.gensio.telnet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;

import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.GensioState;
import org.jser2net.gensio.core.testkit.BulkTransfer;
import org.jser2net.gensio.core.testkit.Completion;
import org.jser2net.gensio.core.testkit.OnLoop;
import org.jser2net.gensio.core.testkit.Recorder;
import org.jser2net.gensio.telnet.TelnetControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client side, and a client talking to a server, in memory. */
class TelnetClientTest {

    private MemRig rig = new MemRig();

    @AfterEach
    void stop() {
        rig.close();
    }

    /** A client being opened against a raw accepter, whose end records the wire. */
    private record Opening(Gensio client, Recorder user, Completion opened, Gensio server, Recorder wire) {
    }

    /** Starts opening {@code stack} (a telnet connector on {@code mem,a}) without waiting for the open. */
    private Opening startClient(String stack) throws Exception {
        rig.listen("mem,a");
        Recorder user = new Recorder();
        Gensio client = rig.registry.connector(stack);
        Completion opened = new Completion();
        client.loop().execute(() -> {
            client.setHandler(user);
            client.open(opened);
        });
        Recorder wire = new Recorder();
        return new Opening(client, user, opened, rig.connections.next(wire), wire);
    }

    @Test
    void rfc2217ClientWaitsForTheServersAnswerBeforeTheOpenCompletes() throws Exception {
        Opening o = startClient("telnet(rfc2217),mem,a");
        Gensio client = o.client();
        Gensio server = o.server();
        Recorder wire = o.wire();
        Recorder user = o.user();
        Completion opened = o.opened();
        assertEquals("fffb2c", Hex.of(wire.awaitBytes(3)));
        assertFalse(opened.isDone(), "the open waits for DO or DONT COM-PORT");
        wire.send(server, Hex.parse("fffb03fffd03fffb01fffe01fffd00fffb00fffd2c"));
        opened.awaitSuccess();
        TelnetControl tc = OnLoop.call(client.loop(), () -> client.capability(TelnetControl.class).orElseThrow());
        assertTrue(OnLoop.call(client.loop(), tc::comPortActive));
        assertFalse(tc.isServer());
        assertEquals("fffb2c" + "fffe03fffb03fffe01fffb00fffd00", Hex.of(wire.awaitBytes(18)));
        user.attach(client);
        wire.send(server, Hex.parse("41ffff42"));
        assertEquals("41ff42", Hex.of(user.awaitBytes(3)));
        user.send(client, Hex.parse("ff"));
        assertEquals("ffff", Hex.of(wire.awaitBytes(20), 18, 2));
        OnLoop.close(client);
        assertEquals(GensioState.CLOSED, OnLoop.call(client.loop(), client.child()::state));
    }

    @Test
    void dataFromTheServerEndsTheWaitAndIsKept() throws Exception {
        Opening o = startClient("telnet(rfc2217),mem,a");
        Gensio client = o.client();
        Gensio server = o.server();
        Recorder wire = o.wire();
        Recorder user = o.user();
        wire.awaitBytes(3);
        wire.send(server, Hex.parse("6869"));
        o.opened().awaitSuccess();
        user.attach(client);
        assertEquals("hi", user.awaitText("hi"));
        assertFalse(OnLoop.call(client.loop(), () -> client.capability(TelnetControl.class).orElseThrow().comPortActive()));
        wire.send(server, Hex.parse("fffe2c"));
        wire.send(server, Hex.parse("21"));
        user.awaitText("hi!");
    }

    @Test
    void plainClientOpensAtOnceAndSaysNothing() throws Exception {
        rig.listen("mem,a");
        Recorder user = new Recorder();
        Gensio client = rig.connect("telnet,mem,a", user);
        Recorder wire = new Recorder();
        Gensio server = rig.connections.next(wire);
        user.send(client, "x");
        assertEquals("78", Hex.of(wire.awaitBytes(1)));
        wire.send(server, Hex.parse("fffd18"));
        assertEquals("78fffc18", Hex.of(wire.awaitBytes(4)));
        assertNull(OnLoop.call(client.loop(), () -> client.capability(TelnetControl.class).orElseThrow().windowSize()));
    }

    @Test
    void winsizeClientSendsItsSizeOnceTheServerAgrees() throws Exception {
        Opening o = startClient("telnet(winsize),mem,a");
        Gensio client = o.client();
        Recorder wire = o.wire();
        assertEquals("fffb1f", Hex.of(wire.awaitBytes(3)));
        OnLoop.run(client.loop(), () -> client.capability(TelnetControl.class).orElseThrow().sendWindowSize(132, 43));
        wire.send(o.server(), Hex.parse("fffd1f"));
        o.opened().awaitSuccess();
        assertEquals("fffb1f" + "fffa1f0084002bfff0", Hex.of(wire.awaitBytes(12)));
    }

    /** Random bytes, a third of them 255, both ways through client and server with tiny buffers. */
    @Test
    void bulkBothWaysWithBackPressureAndLeftovers() throws Exception {
        rig.close();
        rig = new MemRig(700);
        rig.listen("telnet(rfc2217,writebuf=100,readbuf=300),mem,a");
        Gensio client = rig.connect("telnet(rfc2217,writebuf=64),mem,a", new Recorder());
        Gensio server = rig.connections.next();
        Random r = new Random(3);
        for (int round = 0; round < 2; round++) {
            byte[] payload = new byte[300_000];
            for (int i = 0; i < payload.length; i++) {
                payload[i] = (byte) (r.nextInt(3) == 0 ? 0xff : r.nextInt(256));
            }
            Gensio from = round == 0 ? client : server;
            Gensio to = round == 0 ? server : client;
            new BulkTransfer(payload, 5).start(from, to).assertDelivered(Duration.ofSeconds(20));
        }
    }
}
