package org.jser2net.gensio.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Feeds ~100k random and mutated strings to the parser: only {@link StackSyntaxException} may come
 * out, with a position inside the string, and whatever parses must round-trip through the printer.
 */
class StackFuzzTest {

    private static final String[] SEEDS = {
        "telnet(rfc2217),tcp,3001",
        "telnet(rfc2217),mux,certauth(),ssl(key=/etc/ser2net/ser2net.key,cert=/etc/ser2net/ser2net.crt),tcp,3001",
        "keepopen(retry-time=2000,discard-badwrites),serialdev,/dev/ttyUSB0,115200n81,local",
        "ipmisol,lan -U user -P pass host,115200",
        "tcp,ipv6,::1,2000", "udp,2000", "echo", "dummy", "stdio(self)",
        "sctp(laddr=\"localhost,4001\"),localhost,3023",
        "conacc(x=mux(a=1,b='c,d')),tcp,1",
        "echo(data=a\\n\\x41\\101\\,' x')",
        "stdio,sh -c 'echo a,b' \"x\" z\\,w",
    };
    private static final String[] TOKENS = {
        "(", ")", ",", "'", "\"", "\\", "=", " ", "\t", "telnet", "tcp", "(a=b)", "\\x", "\\0", "''", "()",
    };
    private static final Predicate<String> KNOWN = StackSpec.KNOWN_FILTERS::contains;
    private static final Predicate<String> ODD = t -> (t.hashCode() & 1) == 1;

    @Test
    void onlySyntaxErrorsComeOutAndWhatParsesRoundTrips() {
        Random r = new Random(20260721);
        List<String> corpus = new ArrayList<>(List.of(SEEDS));
        int parsed = 0;
        for (int i = 0; i < 100_000; i++) {
            String s = i % 4 == 0
                    ? StackRoundTripTest.text(r, StackRoundTripTest.AWKWARD + "etlnc", 0, 30)
                    : mutate(r, corpus.get(r.nextInt(corpus.size())));
            if (check(s, i % 2 == 0 ? KNOWN : ODD) && corpus.size() < 5000) {
                corpus.add(s);
                parsed++;
            }
        }
        assertTrue(parsed > 1000, "the fuzzer should reach valid strings too, got " + parsed);
    }

    private static boolean check(String s, Predicate<String> isFilter) {
        StackSpec spec;
        try {
            spec = StackSpec.parse(s, isFilter);
        } catch (StackSyntaxException e) {
            assertEquals(s, e.input());
            assertTrue(e.position() >= 0 && e.position() <= s.length(), e.getMessage());
            return false;
        } catch (RuntimeException e) {
            fail("unexpected " + e + " for input [" + s + "]", e);
            return false;
        }
        String printed = spec.toString();
        StackSpec back = StackSpec.parse(printed, isFilter);
        assertEquals(spec, back, () -> "[" + s + "] printed as [" + printed + "]");
        assertEquals(printed, back.toString());
        return true;
    }

    private static String mutate(Random r, String seed) {
        StringBuilder sb = new StringBuilder(seed);
        int edits = 1 + r.nextInt(4);
        for (int i = 0; i < edits; i++) {
            int at = r.nextInt(sb.length() + 1);
            switch (r.nextInt(5)) {
                case 0:
                    sb.insert(at, StackRoundTripTest.AWKWARD.charAt(r.nextInt(StackRoundTripTest.AWKWARD.length())));
                    break;
                case 1:
                    sb.insert(at, TOKENS[r.nextInt(TOKENS.length)]);
                    break;
                case 2:
                    if (at < sb.length()) {
                        sb.deleteCharAt(at);
                    }
                    break;
                case 3:
                    int end = Math.min(sb.length(), at + r.nextInt(8));
                    sb.insert(r.nextInt(sb.length() + 1), sb.substring(at, end));
                    break;
                default:
                    if (at < sb.length()) {
                        sb.setCharAt(at, StackRoundTripTest.AWKWARD.charAt(r.nextInt(StackRoundTripTest.AWKWARD.length())));
                    }
            }
        }
        return sb.toString();
    }
}
