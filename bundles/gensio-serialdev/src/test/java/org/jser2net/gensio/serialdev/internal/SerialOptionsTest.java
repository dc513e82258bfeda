package org.jser2net.gensio.serialdev.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jser2net.gensio.api.Defaults;
import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.api.StackSpec;
import org.jser2net.gensio.api.serial.FlowControl;
import org.jser2net.gensio.api.serial.Parity;
import org.jser2net.gensio.api.serial.SerialControl.Line;
import org.jser2net.gensio.serialdev.internal.SerialConfig.InitialLine;
import org.junit.jupiter.api.Test;

class SerialOptionsTest {

    private static SerialConfig parse(String stack) throws GensioException {
        return parse(stack, Map.of());
    }

    /** {@code defaults} maps {@code class.key} to a value. */
    private static SerialConfig parse(String stack, Map<String, String> defaults) throws GensioException {
        Defaults d = (cls, key) -> Optional.ofNullable(defaults.get(cls + "." + key));
        return SerialOptions.parse(StackSpec.parse(stack).terminal(), d);
    }

    private static String error(String stack) {
        return assertThrows(GensioException.class, () -> parse(stack)).getMessage();
    }

    @Test
    void gensioDefaultsAre9600N81WithoutFlowControlAndWithoutClocal() throws Exception {
        SerialConfig c = parse("serialdev,/dev/ttyS0");
        assertEquals("9600N81", c.settings().toString());
        assertEquals(FlowControl.NONE, c.flow());
        assertFalse(c.local());
        assertNull(c.hangupWhenDone(), "HUPCL is left as the device has it");
        assertNull(c.rs485(), "the driver's RS-485 setup is left alone");
        assertNull(c.uucpLock(), "locking is decided by the kind of device");
        assertTrue(c.flock());
        assertTrue(c.termios());
        assertEquals(-1, c.drainTime());
        assertEquals(50, c.charDrainWait());
        assertEquals(1024, c.readBuf());
    }

    @Test
    void speedStringsTakeBaudParityDataAndStopBitsInAnyCase() throws Exception {
        SerialConfig c = parse("serialdev,/dev/ttyUSB0,115200E71");
        assertEquals(115200, c.baud());
        assertEquals(Parity.EVEN, c.parity());
        assertEquals(7, c.dataBits());
        assertEquals(1, c.stopBits());
        assertEquals("19200O52", parse("sdev,/dev/x,19200o52").settings().toString());
        assertEquals("300M61", parse("serialdev,/dev/x,speed=300m61").settings().toString());
        assertEquals("250000S82", parse("serialdev,/dev/x,250000s82").settings().toString(), "custom speeds pass");
        assertEquals("4800E81", parse("serialdev,/dev/x,4800 EVEN").settings().toString(),
                "a bare baud keeps the rest; old spellings separated by spaces");
        assertEquals("9600N72", parse("serialdev,/dev/x,9600,NONE,7DATABITS,2STOPBITS").settings().toString());
    }

    @Test
    void badSpeedsAreNamed() {
        assertTrue(error("serialdev,/dev/x,9600X81").contains("bad speed '9600X81': unknown parity 'X'"));
        assertTrue(error("serialdev,/dev/x,9600N91").contains("unknown number of data bits '9'"));
        assertTrue(error("serialdev,/dev/x,9600N83").contains("unknown number of stop bits '3'"));
        assertTrue(error("serialdev,/dev/x,9600N81x").contains("extra text 'x'"));
        assertTrue(error("serialdev,/dev/x,speed=fast").contains("speed=fast is not a speed"));
    }

    @Test
    void flagsTakeOptionalBooleansAndKeysInAnyCase() throws Exception {
        SerialConfig c = parse("serialdev,/dev/x,9600N81,LOCAL,rtscts,xonxoff=off,hangup-when-done,nobreak");
        assertTrue(c.local());
        assertTrue(c.rtscts());
        assertFalse(c.xonxoff());
        assertEquals(Boolean.TRUE, c.hangupWhenDone());
        assertTrue(c.nobreak());
        assertEquals(FlowControl.RTSCTS, c.flow());
        SerialConfig old = parse("serialdev,/dev/x,9600N81,-LOCAL,HANGUP_WHEN_DONE,-RTSCTS");
        assertFalse(old.local());
        assertFalse(old.rtscts());
        assertEquals(Boolean.TRUE, old.hangupWhenDone());
        assertEquals(Boolean.FALSE, parse("serialdev,/dev/x,hangup-when-done=false").hangupWhenDone());
    }

    @Test
    void dtrAndRtsKeepTheirOrder() throws Exception {
        assertEquals(List.of(new InitialLine(Line.RTS, false), new InitialLine(Line.DTR, true)),
                parse("serialdev,/dev/x,rts=off,dtr=on").initialLines());
        assertEquals(List.of(new InitialLine(Line.DTR, false), new InitialLine(Line.RTS, true)),
                parse("serialdev,/dev/x,dtr=off,rts").initialLines());
        assertTrue(error("serialdev,/dev/x,dtr=maybe").contains("dtr=maybe must be true or false"));
        assertTrue(error("serialdev,/dev/x,dtr=").contains("no value given in 'dtr='"));
    }

    @Test
    void rs485IsParsedAndCheckedAgainstWhatJSerialCommCanDo() throws Exception {
        Rs485 r = parse("serialdev,/dev/x,rs485=1:2:rts_after_send:rx_during_tx:terminate_bus").rs485();
        assertEquals(new Rs485(true, 1, 2, false, true, true), r);
        assertEquals(Rs485.OFF, parse("serialdev,/dev/x,rs485=off").rs485());
        assertTrue(parse("serialdev,/dev/x,rs485=0:0").rs485().rtsActiveHigh());
        assertTrue(error("serialdev,/dev/x,rs485=5").contains("bad rs485=5: give at least"));
        assertTrue(error("serialdev,/dev/x,rs485=1:x").contains("'x' is not a delay"));
        assertTrue(error("serialdev,/dev/x,rs485=1:2:bogus").contains("unknown setting 'bogus'"));
        assertTrue(error("serialdev,/dev/x,rs485=1:2:rts_on_send:rts_after_send").contains("choose one"));
    }

    @Test
    void wronlyAmongTheSerialOptionsMeansNoTermiosAtAll() throws Exception {
        SerialConfig c = parse("serialdev,/dev/lp0,wronly");
        assertFalse(c.termios());
        assertTrue(c.writeOnly());
        SerialConfig layer = parse("serialdev(wronly),/dev/x,9600N81");
        assertTrue(layer.termios(), "as a layer option it only stops reading");
        assertTrue(layer.writeOnly());
        assertTrue(parse("serialdev(rdonly),/dev/x").readOnly());
        assertTrue(error("serialdev(wronly,rdonly),/dev/x").contains("wronly and rdonly cannot both be set"));
    }

    @Test
    void layerOptionsAreGensiosSet() throws Exception {
        SerialConfig c = parse("serialdev(readbuf=4096,drain_time=100,char_drain_wait=off,nouucplock,flock=false,"
                + "custspeed),/dev/ttyS1,9600N81");
        assertEquals(4096, c.readBuf());
        assertEquals(100, c.drainTime());
        assertEquals(-1, c.charDrainWait());
        assertEquals(Boolean.FALSE, c.uucpLock());
        assertFalse(c.flock());
        assertEquals(Boolean.TRUE, parse("serialdev(uucplock),/dev/pts/3").uucpLock());
        assertTrue(error("serialdev(rtscts),/dev/x").contains("unknown option 'rtscts'"));
        assertTrue(error("serialdev(drain_time=soon),/dev/x").contains("drain_time=soon must be off or a time"));
    }

    @Test
    void unknownSerialOptionsAndAMissingDeviceAreNamed() {
        String e = error("serialdev,/dev/ttyS0,9600N81,bogus");
        assertTrue(e.startsWith("serialdev,/dev/ttyS0,9600N81,bogus: unknown serial option 'bogus'"), e);
        assertTrue(error("serialdev").contains("missing device"));
    }

    @Test
    void defaultsComeFromTheSerialdevAndSergensioClasses() throws Exception {
        SerialConfig c = parse("serialdev,/dev/x", Map.of("serialdev.speed", "38400E72", "serialdev.rtscts", "true",
                "serialdev.local", "true", "serialdev.hangup-when-done", "true", "sergensio.drain_time", "20",
                "sergensio.uucplock", "false"));
        assertEquals("38400E72", c.settings().toString());
        assertTrue(c.rtscts());
        assertTrue(c.local());
        assertEquals(Boolean.TRUE, c.hangupWhenDone());
        assertEquals(20, c.drainTime());
        assertEquals(Boolean.FALSE, c.uucpLock());
        assertEquals("115200E72", parse("serialdev,/dev/x,115200", Map.of("serialdev.speed", "38400E72")).settings()
                .toString(), "options override the default");
        assertNull(parse("serialdev,/dev/x", Map.of("serialdev.hangup-when-done", "-1")).hangupWhenDone());
        assertEquals("9600N81", parse("serialdev,/dev/x", Map.of("serialdev.speed", "9600Q81")).settings().toString(),
                "a bad default speed falls back to 9600N81, as in gensio");
    }

    @Test
    void theRemoteAddressFollowsGensio() throws Exception {
        SerialConfig c = parse("serialdev,/dev/ttyS0,19200E71,rtscts,local,hangup-when-done");
        assertEquals("/dev/ttyS0,19200E71,RTSCTS,CLOCAL,HANGUP_WHEN_DONE", c.describe(c.settings()));
        SerialConfig w = parse("serialdev,/dev/lp0,wronly");
        assertEquals("/dev/lp0", w.describe(w.settings()));
    }
}
