package org.jser2net.gensio.telnet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Random and truncated telnet streams: the zero-copy reader, cut into random chunks and consumed in
 * random bites, must agree with a naive byte-at-a-time decoder; the whole engine must never throw,
 * never hold more than its bounds, and keep answering or stall cleanly.
 */
class TelnetFuzzTest {

    private static final long SEED = 0x7e1e7L;

    /** A stream biased towards telnet syntax: IACs, verbs, SB/SE, COM-PORT, and plain bytes. */
    private static byte[] randomStream(Random r, int length) {
        byte[] b = new byte[length];
        int[] interesting = {255, 255, 255, 250, 240, 251, 252, 253, 254, 243, 242, 44, 31, 0, 1, 3, 13, 10};
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (r.nextInt(3) == 0 ? interesting[r.nextInt(interesting.length)] : r.nextInt(256));
        }
        return b;
    }

    /** The reference: one byte at a time, the rules of TelnetReader's javadoc, no runs, no bounds tricks. */
    private static List<String> naive(byte[] stream, ByteArrayOutputStream data) {
        List<String> events = new ArrayList<>();
        int state = 0; // 0 data, 1 iac, 2 verb, 3 sb option, 4 sb data, 5 sb iac
        int verb = 0;
        int option = 0;
        ByteArrayOutputStream sub = new ByteArrayOutputStream();
        for (byte x : stream) {
            int b = x & 0xff;
            switch (state) {
                case 0:
                    if (b == 255) {
                        state = 1;
                    } else {
                        data.write(b);
                    }
                    break;
                case 1:
                    if (b == 255) {
                        data.write(b);
                        state = 0;
                    } else if (b < 250) {
                        events.add("cmd " + b);
                        state = 0;
                    } else if (b == 250) {
                        state = 3;
                    } else {
                        verb = b;
                        state = 2;
                    }
                    break;
                case 2:
                    events.add("neg " + verb + " " + b);
                    state = 0;
                    break;
                case 3:
                    option = b;
                    sub.reset();
                    state = 4;
                    break;
                case 4:
                    if (b == 255) {
                        state = 5;
                    } else {
                        sub.write(b);
                    }
                    break;
                default:
                    if (b == 240) {
                        byte[] s = sub.toByteArray();
                        int kept = Math.min(s.length, TelnetReader.MAX_SUBOPTION);
                        events.add("sb " + option + " " + Hex.of(s, 0, kept) + (s.length > kept ? " truncated" : ""));
                        state = 0;
                    } else {
                        if (b == 255) {
                            sub.write(b);
                        }
                        state = 4;
                    }
                    break;
            }
        }
        return events;
    }

    /** Records the reader's raw output. */
    private static final class Raw implements TelnetReader.Commands {
        final List<String> events = new ArrayList<>();

        @Override
        public boolean mayProcess() {
            return true;
        }

        @Override
        public void command(int command) {
            events.add("cmd " + command);
        }

        @Override
        public void negotiate(int verb, int option) {
            events.add("neg " + verb + " " + option);
        }

        @Override
        public void suboption(int option, byte[] data, int length, boolean truncated) {
            events.add("sb " + option + " " + Hex.of(data, 0, length) + (truncated ? " truncated" : ""));
        }
    }

    @Test
    void readerAgreesWithNaiveDecoderOnRandomChunksAndBites() {
        Random r = new Random(SEED);
        for (int round = 0; round < 3000; round++) {
            byte[] stream = randomStream(r, r.nextInt(300));
            ByteArrayOutputStream expectedData = new ByteArrayOutputStream();
            List<String> expected = naive(stream, expectedData);

            Raw raw = new Raw();
            TelnetReader reader = new TelnetReader(raw);
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            int pos = 0;
            while (pos < stream.length) {
                int chunk = 1 + r.nextInt(Math.min(40, stream.length - pos));
                // Direct or heap, offset, any byte order: the reader must not care.
                ByteBuffer in = ByteBuffer.allocateDirect(chunk + 3);
                in.position(3);
                in.put(stream, pos, chunk).position(3);
                in = in.slice();
                pos += chunk;
                while (in.hasRemaining()) {
                    int run = reader.next(in);
                    if (run == 0) {
                        break;
                    }
                    int bite = r.nextInt(4) == 0 ? 0 : 1 + r.nextInt(run);
                    byte[] b = new byte[bite];
                    in.get(in.position(), b);
                    got.write(b, 0, bite);
                    reader.skip(in, bite);
                }
            }
            assertEquals(Hex.of(expectedData.toByteArray()), Hex.of(got.toByteArray()), "round " + round);
            assertEquals(expected, raw.events, "round " + round);
        }
    }

    @Test
    void engineSurvivesGarbageAndStaysBounded() {
        Random r = new Random(SEED + 1);
        for (int round = 0; round < 400; round++) {
            boolean server = r.nextBoolean();
            EngineDriver d = new EngineDriver(server, r.nextBoolean(), r.nextBoolean(), 64, 1024);
            d.engine.start();
            boolean peerReads = r.nextBoolean();
            int capacity = 64 + 1024;
            byte[] stream = randomStream(r, r.nextInt(20_000));
            ByteBuffer in = ByteBuffer.wrap(stream, 0, r.nextInt(stream.length + 1)); // truncated anywhere
            int stalls = 0;
            while (in.hasRemaining()) {
                boolean progressed = d.feed(in, n -> r.nextInt(3) == 0 ? 0 : n);
                assertTrue(d.out.pending() <= capacity);
                if (!progressed) {
                    stalls++;
                    if (!peerReads) {
                        break; // a peer that never reads: we stop taking its commands, bounded
                    }
                    d.out.clear();
                }
            }
            assertEquals(0, d.overflows, "the reserve keeps answers from overflowing");
            assertTrue(peerReads || stalls <= 1);
            assertTrue(d.data.size() <= stream.length);
        }
    }
}
