package org.jser2net.gensio.telnet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Option negotiation byte for byte: the openings ser2net sends, the captured answers, odd peers. */
class TelnetNegotiationTest {

    private static final String SERVER_OPENING = "fffb03 fffd03 fffb01 fffe01 fffd00 fffb00";

    private static String start(EngineDriver d) throws Exception {
        d.engine.start();
        return Hex.drain(d.out);
    }

    @Test
    void serverOpensExactlyAsSer2net() throws Exception {
        assertEquals(Hex.of(Hex.parse(SERVER_OPENING)), start(new EngineDriver(true, false, false)));
        assertEquals(Hex.of(Hex.parse(SERVER_OPENING + "fffd2c")), start(new EngineDriver(true, true, false)));
        assertEquals(Hex.of(Hex.parse(SERVER_OPENING + "fffd2c fffd1f")), start(new EngineDriver(true, true, true)));
    }

    @Test
    void clientOpensWithComPortOnlyWhenAsked() throws Exception {
        assertEquals("", start(new EngineDriver(false, false, false)));
        assertEquals("fffb2c", start(new EngineDriver(false, true, false)));
        assertEquals("fffb2cfffb1f", start(new EngineDriver(false, true, true)));
    }

    /** rfc2217_gensiot_escape_ser2net.log: gensio's client against ser2net. */
    @Test
    void capturedGensioClientSessionNeedsNoFurtherAnswers() throws Exception {
        EngineDriver d = new EngineDriver(true, true, false);
        start(d);
        // The client's WILL COM-PORT crosses our DO: no answer, COM-PORT is on.
        assertEquals("", d.feed("fffb2c"));
        assertEquals(List.of("him 44 on"), d.events);
        // Its answers to our opening settle everything without a reply (gensio 2.6.2 re-sends DO SGA here).
        assertEquals("", d.feed("fffe03fffb03fffe01fffc01fffb00fffd00"));
        assertTrue(d.engine.enabled(Telnet.OPT_BINARY, true));
        assertTrue(d.engine.enabled(Telnet.OPT_BINARY, false));
        assertTrue(d.engine.enabled(Telnet.OPT_SGA, false));
        assertFalse(d.engine.enabled(Telnet.OPT_SGA, true));
        assertFalse(d.engine.enabled(Telnet.OPT_ECHO, true));
        assertTrue(d.engine.enabled(Telnet.OPT_COM_PORT, false));
    }

    /** telnet_plain_client_ser2net.log: a client that refuses COM-PORT gets no answer to its WONT. */
    @Test
    void clientRefusingComPortGetsNoAnswer() throws Exception {
        EngineDriver d = new EngineDriver(true, true, false);
        start(d);
        assertEquals("", d.feed("fffe03fffb03fffe01fffc01fffb00fffd00fffc2c"));
        assertFalse(d.engine.enabled(Telnet.OPT_COM_PORT, false));
        assertTrue(d.events.contains("him 44 off"), d.events.toString());
    }

    /** pyserial asks DO ECHO, WILL SGA, DO SGA, DO COM-PORT, WILL COM-PORT and then answers our DO BINARY. */
    @Test
    void pyserialOpeningIsAnsweredOnce() throws Exception {
        EngineDriver d = new EngineDriver(true, true, false);
        start(d);
        assertEquals("fffb2c", d.feed("fffd01 fffb03 fffd03 fffd2c fffb2c"));
        assertEquals("", d.feed("fffb00"));
        assertTrue(d.engine.enabled(Telnet.OPT_COM_PORT, true));
        assertTrue(d.engine.enabled(Telnet.OPT_COM_PORT, false));
        assertTrue(d.engine.enabled(Telnet.OPT_ECHO, true));
    }

    @Test
    void withoutRfc2217ComPortIsRefusedPolitely() throws Exception {
        EngineDriver d = new EngineDriver(true, false, false);
        start(d);
        assertEquals("fffe2c", d.feed("fffb2c"));
        assertEquals("fffc2c", d.feed("fffd2c"));
        assertFalse(d.engine.enabled(Telnet.OPT_COM_PORT, false));
    }

    @Test
    void unknownOptionsAreRefusedAndRefusalsAreNotAnswered() throws Exception {
        EngineDriver d = new EngineDriver(true, true, false);
        start(d);
        assertEquals("fffe18", d.feed("fffb18")); // WILL TERMINAL-TYPE -> DONT
        assertEquals("fffc18", d.feed("fffd18")); // DO TERMINAL-TYPE -> WONT
        assertEquals("", d.feed("fffc18fffe18")); // WONT/DONT of an off option: silence
        assertEquals("fffe1f", d.feed("fffb1f")); // NAWS without winsize
        assertEquals("fffe01", d.feed("fffb01")); // the client must not echo
        assertEquals("", d.feed("fffc01"));
    }

    /** A peer that repeats itself or flips back and forth never gets us into a loop. */
    @Test
    void oddPeersDoNotMakeItLoop() throws Exception {
        EngineDriver d = new EngineDriver(true, true, false);
        start(d);
        assertEquals("", d.feed("fffd01 fffd01 fffd01")); // DO ECHO three times: one change, no answer
        assertEquals("fffc01", d.feed("fffe01")); // DONT ECHO now: we stop, and say so once
        assertEquals("", d.feed("fffe01 fffe01"));
        assertEquals("fffb01", d.feed("fffd01")); // and again on
        assertEquals("", d.feed("fffc00")); // WONT BINARY while we wait for it: refused, no answer
        assertEquals("fffd00", d.feed("fffb00")); // the client changes its mind: fine, agreed
        assertEquals("", d.feed("fffb00 fffb00"));
        // A peer answering everything with its opposite (Windows telnet style) gets one answer per change.
        assertEquals("fffe00fffd00", d.feed("fffc00 fffb00"));
    }

    @Test
    void clientAnswersServerOpeningAndRecordsComPort() throws Exception {
        EngineDriver d = new EngineDriver(false, true, false);
        start(d);
        // DONT SGA, WILL SGA, DONT ECHO, WILL BINARY, DO BINARY (gensio adds WONT ECHO to our DONT ECHO)
        assertEquals("fffe03fffb03fffe01fffb00fffd00", d.feed(SERVER_OPENING));
        assertEquals("", d.feed("fffd2c"));
        assertTrue(d.engine.enabled(Telnet.OPT_COM_PORT, true));
        assertTrue(d.events.contains("us 44 on"), d.events.toString());
    }

    @Test
    void clientSeesComPortRefused() throws Exception {
        EngineDriver d = new EngineDriver(false, true, false);
        start(d);
        assertEquals("", d.feed("fffe2c"));
        assertEquals(List.of("us 44 off"), d.events);
    }

    @Test
    void requestsWhilePendingUseTheQueueBit() throws Exception {
        EngineDriver d = new EngineDriver(true, false, false);
        Negotiator n = d.engine.negotiator();
        n.request(Telnet.OPT_SGA, true, true);
        n.request(Telnet.OPT_SGA, true, false); // change of mind while waiting: queued
        assertEquals("fffb03", Hex.drain(d.out));
        assertEquals("fffc03", d.feed("fffd03")); // agreed, then we take it back at once
        assertEquals(Negotiator.WANTNO, n.state(Telnet.OPT_SGA, true));
        assertEquals("", d.feed("fffe03"));
        assertEquals(Negotiator.NO, n.state(Telnet.OPT_SGA, true));
    }
}
