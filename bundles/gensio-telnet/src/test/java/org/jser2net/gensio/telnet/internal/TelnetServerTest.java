package org.jser2net.gensio.telnet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;

import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.serial.SerialControl;
import org.jser2net.gensio.api.serial.SerialEvent;
import org.jser2net.gensio.api.serial.SerialEvent.Kind;
import org.jser2net.gensio.core.testkit.OnLoop;
import org.jser2net.gensio.core.testkit.Recorder;
import org.jser2net.gensio.telnet.TelnetControl;
import org.jser2net.gensio.telnet.TelnetControl.WindowSize;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The server side over an in-memory pipe, byte for byte against the captured ser2net sessions. */
class TelnetServerTest {

    private static final String OPENING = "fffb03fffd03fffb01fffe01fffd00fffb00";

    private final MemRig rig = new MemRig();

    @AfterEach
    void stop() {
        rig.close();
    }

    /** A telnet(rfc2217) connection answered by {@code port}, after the opening and the client's WILL COM-PORT. */
    private MemRig.Wire rfc2217Session(FakePort port) throws Exception {
        rig.listen("telnet(rfc2217),mem,a");
        MemRig.Wire client = rig.wire("mem,a");
        port.attach(rig.connections.next());
        client.expect(OPENING + "fffd2c");
        client.send("fffb2c"); // WILL COM-PORT: the session starts with the modem state
        client.expect("fffa2c6b00fff0");
        return client;
    }

    @Test
    void opensLikeSer2netAndPassesDataWithIacDoubledBothWays() throws Exception {
        rig.listen("telnet,mem,a");
        MemRig.Wire client = rig.wire("mem,a");
        Gensio server = rig.connections.next();
        FakePort port = new FakePort(false, false).attach(server);
        client.expect(OPENING);
        client.send("68656c6c6f ffff 0d00 0d0a");
        assertEquals("68656c6c6fff0d000d0a", Hex.of(port.recorder.awaitBytes(10)));
        port.recorder.send(server, Hex.parse("61ff62 0d00"));
        client.expect("61ffff62 0d00");
        assertEquals("telnet", server.type());
        assertEquals("mem,a", server.remoteAddress());
        assertTrue(OnLoop.call(server.loop(), () -> server.capability(SerialControl.class)).isEmpty(),
                "no RFC 2217 without the option");
        client.send("fffb2c");
        client.expect("fffe2c");
        client.expectNothingElse();
    }

    @Test
    void rfc2217AnswersAsInTheGensiotCapture() throws Exception {
        rig.listen("telnet(rfc2217),mem,a");
        MemRig.Wire client = rig.wire("mem,a");
        FakePort port = new FakePort(false, true).attach(rig.connections.next());
        client.expect(OPENING + "fffd2c");
        // rfc2217_gensiot_escape_ser2net.log, conn 8
        client.send("fffb2c");
        client.expect("fffa2c6b00fff0");
        client.send("fffe03fffb03fffe01fffc01fffb00fffd00");
        client.send("fffa2c00fff0fffa2c0100000000fff0fffa2c0300fff0fffa2c0200fff0fffa2c0400fff0");
        client.expect("fffa2c64736572326e6574fff0fffa2c6500002580fff0fffa2c6701fff0fffa2c6608fff0fffa2c6801fff0");
        client.send("fffa2c0100004b00fff0");
        client.expect("fffa2c6500004b00fff0");
        client.send("fffa2c0303fff0fffa2c0207fff0fffa2c0402fff0fffa2c0502fff0");
        client.expect("fffa2c6703fff0fffa2c6607fff0fffa2c6802fff0fffa2c6902fff0");
        client.send("fff3");
        client.expectNothingElse();
        assertEquals(List.of(SerialEvent.of(Kind.MODEM_MASK, 255), new SerialEvent(Kind.SIGNATURE, 0, ""),
                SerialEvent.of(Kind.SET_BAUD, 0), SerialEvent.of(Kind.SET_PARITY, 0),
                SerialEvent.of(Kind.SET_DATASIZE, 0), SerialEvent.of(Kind.SET_STOPSIZE, 0),
                SerialEvent.of(Kind.SET_BAUD, 19200), SerialEvent.of(Kind.SET_PARITY, 3),
                SerialEvent.of(Kind.SET_DATASIZE, 7), SerialEvent.of(Kind.SET_STOPSIZE, 2),
                SerialEvent.of(Kind.SET_FLOWCONTROL, 2), SerialEvent.of(Kind.SEND_BREAK, 0)), port.requests);
    }

    @Test
    void everyControlGetsItsAnswerAndMasksFilterNotifications() throws Exception {
        FakePort port = new FakePort(false, true);
        MemRig.Wire client = rfc2217Session(port);
        Gensio server = port.gensio;
        client.send("fffa2c050dfff0"); // inbound flow query -> the inbound group
        client.expect("fffa2c690efff0");
        client.send("fffa2c0510fff0"); // inbound hardware -> hardware, answered inbound
        client.expect("fffa2c6910fff0");
        client.send("fffa2c0500fff0"); // outbound query -> outbound group
        client.expect("fffa2c6903fff0");
        client.send("fffa2c0508fff0 fffa2c0509fff0 fffa2c0507fff0"); // DTR on, off, query
        client.expect("fffa2c6908fff0 fffa2c6909fff0 fffa2c6909fff0");
        client.send("fffa2c050bfff0 fffa2c0505fff0 fffa2c0506fff0"); // RTS on, BREAK on, off
        client.expect("fffa2c690bfff0 fffa2c6905fff0 fffa2c6906fff0");
        client.send("fffa2c0affff fff0 fffa2c0bffff fff0 fffa2c0c03fff0"); // masks 255 (doubled), purge both
        client.expect("fffa2c6a00fff0 fffa2c6b00fff0 fffa2c7003fff0");
        client.send("fffa2c0209fff0 fffa2c0307fff0 fffa2c0405fff0"); // out of range: queries
        client.expect("fffa2c6608fff0 fffa2c6701fff0 fffa2c6801fff0");
        TelnetControl tc = OnLoop.call(server.loop(), () -> server.capability(TelnetControl.class).orElseThrow());
        // Modem state: only a delta inside the mask goes out, masked.
        client.send("fffa2c0b11fff0"); // mask CTS | delta CTS
        client.expect("fffa2c6b00fff0");
        assertFalse(OnLoop.call(server.loop(), () -> tc.notifyModemState(0x20 | 0x02)), "DSR is not in the mask");
        assertTrue(OnLoop.call(server.loop(), () -> tc.notifyModemState(0x30 | 0x01)));
        client.expect("fffa2c6b11fff0");
        // Line state: any bit inside the mask.
        client.send("fffa2c0a10fff0");
        client.expect("fffa2c6a00fff0");
        assertFalse(OnLoop.call(server.loop(), () -> tc.notifyLineState(0x02)));
        assertTrue(OnLoop.call(server.loop(), () -> tc.notifyLineState(0x12)));
        client.expect("fffa2c6a10fff0");
        // pyserial's poll: NOTIFY-MODEMSTATE from the client is answered with the state.
        port.modemState = 0x30;
        client.send("fffa2c07fff0");
        client.expect("fffa2c6b10fff0");
        client.expectNothingElse();
    }

    /** pyserial skips WILL COM-PORT when our DO beats its requests: its first command counts instead. */
    @Test
    void aComPortCommandWithoutWillStillStartsTheSession() throws Exception {
        rig.listen("telnet(rfc2217),mem,a");
        MemRig.Wire client = rig.wire("mem,a");
        FakePort port = new FakePort(false, true).attach(rig.connections.next());
        port.modemState = 0x30;
        client.expect(OPENING + "fffd2c");
        client.send("fffd2c fffa2c0100004b00fff0 fffa2c0100004b00fff0");
        client.expect("fffb2c fffa2c6b30fff0 fffa2c6500004b00fff0 fffa2c6500004b00fff0");
        client.expectNothingElse();
        assertEquals(List.of(SerialEvent.of(Kind.MODEM_MASK, 255), SerialEvent.of(Kind.SET_BAUD, 19200),
                SerialEvent.of(Kind.SET_BAUD, 19200)), port.requests);
        assertTrue(OnLoop.call(port.gensio.loop(),
                () -> port.gensio.capability(TelnetControl.class).orElseThrow().comPortActive()));
    }

    @Test
    void ciscoBaudCodesAreDetectedAndKept() throws Exception {
        FakePort port = new FakePort(false, true);
        MemRig.Wire client = rfc2217Session(port);
        client.send("fffa2c0108fff0");
        client.expect("fffa2c6508fff0");
        client.send("fffa2c0100fff0");
        client.expect("fffa2c6508fff0");
        client.send("fffa2c010001c200fff0");
        client.expect("fffa2c650efff0");
        assertEquals(115200, port.baud);
    }

    @Test
    void suspendStopsOutputUntilResume() throws Exception {
        FakePort port = new FakePort(false, true);
        MemRig.Wire client = rfc2217Session(port);
        Gensio server = port.gensio;
        client.send("fffa2c08fff0");
        OnLoop.waitFor(server.loop(), "the suspend", () -> port.requests.contains(SerialEvent.of(Kind.FLOW_SUSPEND, 0)));
        assertEquals(0, (int) OnLoop.call(server.loop(), () -> server.write(ByteBuffer.wrap(new byte[] {'x'}))));
        port.recorder.send(server, "held");
        client.expectNothingElse();
        client.send("fffa2c09fff0");
        client.expect("68656c64");
        assertTrue(port.requests.contains(SerialEvent.of(Kind.FLOW_RESUME, 0)));
    }

    @Test
    void breakAndSyncAreReported() throws Exception {
        rig.listen("telnet(rfc2217),mem,a");
        MemRig.Wire client = rig.wire("mem,a");
        FakePort port = new FakePort(false, true).attach(rig.connections.next());
        client.expect(OPENING + "fffd2c");
        client.send("61 fff3 62 fff2 63 fff1");
        assertEquals("616263", Hex.of(port.recorder.awaitBytes(3)));
        client.expectNothingElse();
        assertEquals(List.of(SerialEvent.of(Kind.SEND_BREAK, 0), new SerialEvent(Kind.SEND_BREAK, 0, "sync")),
                port.requests);
    }

    @Test
    void windowSizeArrivesWithWinsize() throws Exception {
        rig.listen("telnet(winsize),mem,a");
        MemRig.Wire client = rig.wire("mem,a");
        Gensio server = rig.connections.next();
        new FakePort(false, false).attach(server);
        client.expect(OPENING + "fffd1f");
        client.send("fffb1f fffa1f 0050 0018 fff0");
        client.expectNothingElse();
        TelnetControl tc = OnLoop.call(server.loop(), () -> server.capability(TelnetControl.class).orElseThrow());
        assertEquals(new WindowSize(80, 24), OnLoop.call(server.loop(), tc::windowSize));
        assertNull(OnLoop.call(server.loop(), () -> server.capability(SerialControl.class).orElse(null)));
    }

    @Test
    void whatTheUserLeavesComesAgainAfterReadsAreEnabled() throws Exception {
        rig.listen("telnet,mem,a");
        MemRig.Wire client = rig.wire("mem,a");
        Gensio server = rig.connections.next();
        Recorder user = new Recorder().consumeAtMost(3);
        user.attach(server);
        client.expect(OPENING);
        client.send("6162 ffff 636465 fff1 6667");
        byte[] want = Hex.parse("6162ff6364656667");
        while (user.bytes().length < want.length) {
            long before = deliveries(user);
            OnLoop.run(server.loop(), () -> server.setReadEnabled(true));
            OnLoop.waitFor(server.loop(), "a delivery", () -> deliveries(user) != before || user.bytes().length == want.length);
        }
        assertEquals(Hex.of(want), Hex.of(user.bytes()));
    }

    private static long deliveries(Recorder r) {
        return r.events().stream().filter(e -> e.startsWith("data ")).count();
    }
}
