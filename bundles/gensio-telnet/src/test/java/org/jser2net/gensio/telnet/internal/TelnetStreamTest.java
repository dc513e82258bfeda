package org.jser2net.gensio.telnet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The byte-stream rules: IAC doubling both ways, commands, suboptions and their bounds, raw CR/NUL. */
class TelnetStreamTest {

    private static EngineDriver server() {
        return new EngineDriver(true, true, true);
    }

    @Test
    void doubledIacIsOneDataByteAndCrNulPassesRaw() throws Exception {
        EngineDriver d = server();
        assertEquals("", d.feed("61 ffff 62 0d00 0d0a ffff ffff 00"));
        assertEquals("61ff620d000d0affff00", d.dataHex());
        assertEquals(List.of(), d.events);
    }

    @Test
    void everySplitOfTheStreamGivesTheSameResult() throws Exception {
        String stream = "41 fffa2c01000025 80fff0 42 ffff fff3 43 fffb2c 44 fff2 ffff";
        byte[] all = Hex.parse(stream);
        EngineDriver whole = server();
        whole.feed(stream);
        for (int cut = 0; cut <= all.length; cut++) {
            EngineDriver d = server();
            d.feed(ByteBuffer.wrap(all, 0, cut).slice(), n -> n);
            d.feed(ByteBuffer.wrap(all, cut, all.length - cut).slice(), n -> n);
            assertEquals(whole.dataHex(), d.dataHex(), "cut at " + cut);
            assertEquals(whole.events, d.events, "cut at " + cut);
        }
        assertEquals("4142ff4344ff", whole.dataHex());
        assertEquals(List.of("sb 44 0100002580", "cmd 243", "him 44 on", "cmd 242"), whole.events);
    }

    @Test
    void aLiteralByteLeftUnconsumedIsStillData() {
        // The user takes nothing of the run that starts with the literal 255, then everything.
        EngineDriver d = server();
        ByteBuffer in = Hex.buffer("41ffff42");
        int[] calls = {0};
        d.feed(in, n -> calls[0]++ == 1 ? 0 : n);
        assertEquals("41ff42", d.dataHex());
        assertEquals(List.of(), d.events);
    }

    @Test
    void suboptionsUndoubleIacAndDropStrayCommands() throws Exception {
        EngineDriver d = server();
        d.feed("fffa2c0affff fff0"); // SET-LINESTATE-MASK 0xff, sent doubled
        d.feed("fffa2c 01 fffb 02 fff0"); // IAC WILL inside SB: both bytes dropped
        d.feed("fff0 45"); // IAC SE outside SB: a one-byte command, ignored by the layer
        assertEquals(List.of("sb 44 0aff", "sb 44 0102", "cmd 240"), d.events);
        assertEquals("45", d.dataHex());
    }

    @Test
    void longSuboptionsAreTruncatedNotBuffered() throws Exception {
        EngineDriver d = server();
        StringBuilder sb = new StringBuilder("fffa2c00");
        for (int i = 0; i < 10_000; i++) {
            sb.append("41");
        }
        sb.append("fff0 5a");
        d.feed(sb.toString());
        String kept = "00" + "41".repeat(TelnetReader.MAX_SUBOPTION - 1);
        assertEquals(List.of("sb 44 " + kept + " truncated"), d.events);
        assertEquals("5a", d.dataHex());
    }

    @Test
    void suboptionsOfOptionsNotHandledAreIgnored() throws Exception {
        EngineDriver d = new EngineDriver(true, false, false);
        d.feed("fffa2c0000fff0 fffa18 01 fff0 fffa1f00500018fff0 61");
        assertEquals(List.of(), d.events);
        assertEquals("61", d.dataHex());
    }

    @Test
    void breakSyncAndOtherOneByteCommandsAreReported() throws Exception {
        EngineDriver d = server();
        d.feed("fff3 fff2 fff1 fff6 61");
        assertEquals(List.of("cmd 243", "cmd 242", "cmd 241", "cmd 246"), d.events);
        assertEquals("61", d.dataHex());
    }

    @Test
    void outputDoublesIacAndNeverSplitsAPair() throws Exception {
        TelnetOutput out = new TelnetOutput(6, 0);
        ByteBuffer src = ByteBuffer.wrap("hello\u00ff!".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertEquals(5, out.encode(src), "the pair does not fit after hello");
        assertEquals("68656c6c6f", Hex.drain(out));
        assertEquals(2, out.encode(src));
        assertEquals("ffff21", Hex.drain(out));
        assertTrue(out.isEmpty());
    }

    @Test
    void commandsAreBoundedAndSuboptionsDoubleIac() throws Exception {
        TelnetOutput out = new TelnetOutput(2, 10);
        assertTrue(out.suboption(44, new byte[] {0x6a, (byte) 0xff}, 2));
        assertEquals("fffa2c6affffff f0".replace(" ", ""), Hex.drain(out));
        assertTrue(out.command(Telnet.DO, 3));
        assertTrue(out.command(Telnet.DO, 3));
        assertTrue(out.command(Telnet.DO, 3));
        assertTrue(out.command(Telnet.DO, 3));
        assertFalse(out.command(Telnet.DO, 3), "12 bytes is the limit");
    }

    @Test
    void aFullOutputStallsCommandsButNotData() throws Exception {
        EngineDriver d = new EngineDriver(true, true, false, 2, TelnetEngine.REPLY_RESERVE);
        d.out.command(Telnet.DO, Telnet.OPT_SGA); // now less than the reserve is free
        ByteBuffer in = Hex.buffer("6162 fffb18 63");
        assertFalse(d.feed(in, n -> n));
        assertEquals("6162", d.dataHex());
        assertEquals(4, in.remaining(), "the command waits");
        Hex.drain(d.out);
        assertTrue(d.feed(in, n -> n));
        assertEquals("fffe18", Hex.drain(d.out));
        assertEquals("616263", d.dataHex());
    }

    @Test
    void iacSearchFindsTheFirstOneInEitherByteOrder() {
        Random r = new Random(7);
        for (int round = 0; round < 2000; round++) {
            byte[] b = new byte[r.nextInt(40)];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (r.nextInt(8) == 0 ? 0xff : r.nextInt(256));
            }
            int from = b.length == 0 ? 0 : r.nextInt(b.length + 1);
            int expected = b.length;
            for (int i = from; i < b.length; i++) {
                if (b[i] == (byte) 0xff) {
                    expected = i;
                    break;
                }
            }
            assertEquals(expected, Telnet.indexOfIac(ByteBuffer.wrap(b), from, b.length));
            ByteBuffer little = ByteBuffer.allocateDirect(b.length).order(ByteOrder.LITTLE_ENDIAN).put(b).flip();
            assertEquals(expected, Telnet.indexOfIac(little, from, b.length));
        }
    }
}
