package org.jser2net.gensio.serialdev.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.serial.FlowControl;
import org.jser2net.gensio.api.serial.ModemState;
import org.jser2net.gensio.api.serial.Parity;
import org.jser2net.gensio.api.serial.SerialControl;
import org.jser2net.gensio.api.serial.SerialControl.Line;
import org.jser2net.gensio.api.serial.SerialSettings;
import org.jser2net.gensio.core.testkit.Completion;
import org.jser2net.gensio.core.testkit.OnLoop;
import org.jser2net.gensio.core.testkit.Recorder;
import org.jser2net.gensio.core.testkit.TestRegistry;
import org.jser2net.gensio.serialdev.sim.SimPort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The serialsim test device: every control reaches the simulated port, and its lines come back as events. */
@Timeout(60)
class SerialSimTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final TestRegistry registry = new TestRegistry(1).terminal("serialsim", new SerialSimProvider());
    private final List<Gensio> opened = new ArrayList<>();
    private final String name = "sim-" + UUID.randomUUID();
    private final SimPort port = SimPort.get(name);

    @AfterEach
    void stop() throws Exception {
        for (Gensio g : opened) {
            Completion c = new Completion();
            OnLoop.run(g.loop(), () -> g.close(c));
            c.await();
        }
        registry.close();
        SimPort.remove(name);
    }

    /** Opens {@code serialsim<layerOptions>,<name><serialOptions>}. */
    private Gensio open(String layerOptions, String serialOptions) throws Exception {
        return SerialdevPtyTest.open(registry, opened, "serialsim" + layerOptions + "," + name + serialOptions);
    }

    private static <T> T answer(Gensio g, java.util.function.Function<SerialControl, java.util.concurrent.CompletionStage<T>> op)
            throws Exception {
        return SerialdevPtyTest.answer(g, op);
    }

    private static void close(Gensio g) {
        Completion c = new Completion();
        g.loop().execute(() -> g.close(c));
        c.awaitSuccess();
    }

    private static String event(String kind, int value) {
        return "serial SerialEvent[kind=" + kind + ", value=" + value + ", text=null]";
    }

    private static List<String> serialEvents(Recorder r) {
        return r.events().stream().filter(e -> e.startsWith("serial ")).toList();
    }

    @Test
    void openAppliesEverySettingAndCloseHangsUp() throws Exception {
        Gensio g = open("", ",19200E72,rtscts,hangup-when-done,dtr=off");
        assertEquals(new SerialSettings(19200, Parity.EVEN, 7, 2, FlowControl.RTSCTS), port.settings());
        assertFalse(port.clocal());
        assertTrue(port.hupcl());
        assertFalse(port.dtr());
        assertTrue(port.rts());
        assertTrue(port.isOpen());
        close(g);
        assertFalse(port.isOpen());
        assertFalse(port.rts(), "HUPCL lowers the lines at close");
    }

    @Test
    void everyControlAnswersWithTheValueInForce() throws Exception {
        Gensio g = open("", ",9600N81,local");
        assertTrue(port.clocal());
        assertEquals(57600, (int) answer(g, c -> c.baud(57600)));
        assertEquals(5, (int) answer(g, c -> c.dataSize(5)));
        assertEquals(5, (int) answer(g, c -> c.dataSize(9)), "an impossible size changes nothing");
        assertEquals(Parity.MARK, answer(g, c -> c.parity(Parity.MARK)));
        assertEquals(2, (int) answer(g, c -> c.stopBits(2)));
        assertEquals(FlowControl.XONXOFF, answer(g, c -> c.flowControl(FlowControl.XONXOFF)));
        assertEquals(new SerialSettings(57600, Parity.MARK, 5, 2, FlowControl.XONXOFF), port.settings());
        assertEquals(57600, (int) answer(g, c -> c.baud(0)));
        assertEquals(false, answer(g, c -> c.line(Line.DTR, false)));
        assertFalse(port.dtr());
        assertEquals(true, answer(g, c -> c.line(Line.RTS, null)));
        assertEquals(true, answer(g, c -> c.breakState(true)));
        assertTrue(port.breakOn());
        assertEquals(false, answer(g, c -> c.breakState(false)));
        answer(g, SerialControl::sendBreak);
        assertEquals(1, port.breaksSent());
        assertNull(answer(g, c -> c.signature(null)));
        port.setSignature("sim port 1");
        assertEquals("sim port 1", answer(g, c -> c.signature(null)));
        assertEquals(name + ",57600M52,XONXOFF,CLOCAL RTSHI DTRLO", OnLoop.call(g.loop(), g::remoteAddress));
        close(g);
        assertEquals(name + ",57600M52,XONXOFF,CLOCAL offline", OnLoop.call(g.loop(), g::remoteAddress));
    }

    @Test
    void aQueryBehindAChangeAnswersWithTheChange() throws Exception {
        Gensio g = open("", ",9600N81");
        SerialControl ctl = g.capability(SerialControl.class).orElseThrow();
        assertEquals(9600, (int) answer(g, c -> c.baud(0)));
        List<CompletableFuture<Integer>> answers = OnLoop.call(g.loop(), () -> List.of(
                ctl.baud(19200).toCompletableFuture(), ctl.baud(0).toCompletableFuture(),
                ctl.dataSize(7).toCompletableFuture(), ctl.dataSize(0).toCompletableFuture()));
        assertEquals(List.of(19200, 19200, 7, 7), List.of(answers.get(0).get(10, TimeUnit.SECONDS),
                answers.get(1).get(10, TimeUnit.SECONDS), answers.get(2).get(10, TimeUnit.SECONDS),
                answers.get(3).get(10, TimeUnit.SECONDS)));
        assertEquals(19200, (int) answer(g, c -> c.baud(0)));
        assertEquals(Parity.NONE, answer(g, c -> c.parity(null)));
    }

    @Test
    void aBusyDeviceArrivesInOrderWhateverTheHandlerTakes() throws Exception {
        Gensio g = open("(readbuf=256)", "");
        Recorder r = new Recorder().consumeAtMost(100);
        OnLoop.run(g.loop(), () -> {
            g.setHandler(new SerialdevPtyTest.ResumingHandler(r));
            g.setReadEnabled(true);
        });
        byte[] data = new byte[64 * 1024];
        new java.util.Random(5).nextBytes(data);
        assertTrue(port.writeAll(data, WAIT));
        assertArrayEquals(data, r.awaitBytes(data.length));
    }

    @Test
    void sevenDataBitsStripTheHighBitBothWays() throws Exception {
        Gensio g = open("", ",9600N71");
        Recorder r = new Recorder().attach(g);
        r.send(g, new byte[] {(byte) 0xC1});
        assertArrayEquals(new byte[] {0x41}, port.read(1, WAIT));
        port.write(new byte[] {(byte) 0xC2});
        assertArrayEquals(new byte[] {0x42}, r.awaitBytes(1));
    }

    @Test
    void modemStateEventsFollowTheInputLinesUnderTheMask() throws Exception {
        Gensio g = registry.connector("serialsim," + name);
        Recorder r = new Recorder().attach(g);
        Completion c = new Completion();
        OnLoop.run(g.loop(), () -> g.open(c));
        c.awaitSuccess();
        opened.add(g);
        r.await(() -> r.events().contains(event("MODEM_STATE", 0)), "the first modem state after open");
        port.setCts(true);
        r.await(() -> r.events().contains(event("MODEM_STATE", ModemState.CTS | ModemState.CTS_DELTA)), "CTS on");
        port.setCd(true);
        int cd = ModemState.CTS | ModemState.CD | ModemState.CD_DELTA;
        r.await(() -> r.events().contains(event("MODEM_STATE", cd)), "CD on");
        assertEquals(ModemState.CTS | ModemState.CD, (int) answer(g, SerialControl::modemState));

        OnLoop.run(g.loop(), () -> g.capability(SerialControl.class).orElseThrow().notifyMasks(ModemState.DSR, 0));
        int first = ModemState.CTS | ModemState.CD;
        r.await(() -> serialEvents(r).size() == 4, "the first state under the new mask");
        port.setCts(false);
        port.setDsr(true);
        int dsr = ModemState.DSR | ModemState.CD | ModemState.DSR_DELTA;
        r.await(() -> r.events().contains(event("MODEM_STATE", dsr)), "DSR on");
        assertEquals(List.of(event("MODEM_STATE", 0), event("MODEM_STATE", 0x11), event("MODEM_STATE", cd),
                event("MODEM_STATE", first), event("MODEM_STATE", dsr)), serialEvents(r),
                "the CTS change is outside the mask and not reported on its own");
    }

    @Test
    void lineStateEventsNeedTheirMask() throws Exception {
        Gensio g = open("", "");
        Recorder r = new Recorder().attach(g);
        OnLoop.run(g.loop(), () -> g.capability(SerialControl.class).orElseThrow().notifyMasks(0,
                ModemState.LINE_BREAK));
        port.injectParityError();
        port.injectBreak();
        r.await(() -> r.events().contains(event("LINE_STATE", ModemState.LINE_BREAK)), "a break");
        assertEquals(1, serialEvents(r).stream().filter(e -> e.contains("LINE_STATE")).count());
    }

    @Test
    void rtsctsHoldsOutputWhileCtsIsOff() throws Exception {
        Gensio g = open("", ",rtscts");
        Recorder r = new Recorder().attach(g);
        r.send(g, "held");
        assertEquals(0, port.read(4, Duration.ofMillis(300)).length);
        port.setCts(true);
        assertArrayEquals("held".getBytes(), port.read(4, WAIT));
    }

    @Test
    void flowSuspendHoldsOutputToTheDevice() throws Exception {
        Gensio g = open("", "");
        Recorder r = new Recorder().attach(g);
        SerialControl ctl = g.capability(SerialControl.class).orElseThrow();
        OnLoop.run(g.loop(), () -> ctl.flowSuspend(true));
        r.send(g, "x");
        assertEquals(0, port.read(1, Duration.ofMillis(300)).length);
        OnLoop.run(g.loop(), () -> ctl.flowSuspend(false));
        assertArrayEquals("x".getBytes(), port.read(1, WAIT));
    }

    @Test
    void purgeDropsWhatWaitsInEachDirection() throws Exception {
        Gensio g = open("", "");
        Recorder r = new Recorder();
        SerialControl ctl = g.capability(SerialControl.class).orElseThrow();
        OnLoop.run(g.loop(), () -> g.setHandler(r));
        port.write("stale".getBytes());
        answer(g, c -> c.purge(true, false));
        OnLoop.run(g.loop(), () -> g.setReadEnabled(true));
        port.write("fresh".getBytes());
        assertEquals("fresh", r.awaitText("fresh"));

        OnLoop.run(g.loop(), () -> ctl.flowSuspend(true));
        r.send(g, "old");
        r.awaitSent();
        answer(g, c -> c.purge(false, true));
        OnLoop.run(g.loop(), () -> ctl.flowSuspend(false));
        r.send(g, "new");
        assertArrayEquals("new".getBytes(), port.read(3, WAIT));
    }

    @Test
    void unplugEndsTheStreamAndOpenFailsUntilPluggedBack() throws Exception {
        Gensio g = open("", "");
        Recorder r = new Recorder().attach(g);
        port.unplug();
        assertEquals("serialsim " + name + ": device disappeared: device unplugged", r.awaitEnd().getMessage());
        close(g);
        Completion missing = new Completion();
        OnLoop.run(g.loop(), () -> g.open(missing));
        assertEquals("serialsim " + name + ": cannot open: no such device", missing.await().getMessage());
        port.plug();
        Completion back = new Completion();
        OnLoop.run(g.loop(), () -> g.open(back));
        back.awaitSuccess();
        assertTrue(port.isOpen());
    }

    @Test
    void aSecondUserIsRefusedAndDoesNotDisturbTheFirst() throws Exception {
        Gensio first = open("", "");
        Recorder r = new Recorder().attach(first);
        Gensio second = registry.connector("serialsim," + name);
        Completion busy = new Completion();
        OnLoop.run(second.loop(), () -> second.open(busy));
        assertEquals("serialsim " + name + ": cannot open: Device or resource busy", busy.await().getMessage());
        close(second);
        assertTrue(port.isOpen());
        r.send(first, "still here");
        assertArrayEquals("still here".getBytes(), port.read(10, WAIT));
    }

    @Test
    void closeWaitsForOutputToDrainAsLongAsTold() throws Exception {
        Gensio g = open("(drain_time=off,char_drain_wait=off)", "");
        Recorder r = new Recorder().attach(g);
        r.send(g, "pending");
        r.awaitSent();
        Completion closed = new Completion();
        OnLoop.run(g.loop(), () -> g.close(closed));
        Thread.sleep(300);
        assertFalse(closed.isDone(), "closed before the peer took the output");
        assertArrayEquals("pending".getBytes(), port.read(7, WAIT));
        closed.awaitSuccess();
        opened.remove(g);

        Gensio quick = open("(drain_time=5)", "");
        Recorder q = new Recorder().attach(quick);
        q.send(quick, "never read");
        q.awaitSent();
        close(quick);
        assertFalse(port.isOpen(), "drain_time ends the wait");
    }
}
