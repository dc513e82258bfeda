package org.jser2net.gensio.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Property: every stack built from awkward values prints to a string that parses back to it. */
class StackRoundTripTest {

    /** Characters that stress the quoting rules, plus a few ordinary and non-ASCII ones. */
    static final String AWKWARD = "ab1=-_.:/,()'\"\\ \t\n\r\u0000\u0001\u000B\u007f\u00e9\u20ac\ud83d\ude00x";
    private static final String TYPE_CHARS = "abcxyz019-_.";
    private static final Predicate<String> IS_FILTER = t -> t.startsWith("f");

    @Test
    void randomStacksRoundTrip() {
        Random r = new Random(0x5eed);
        for (int i = 0; i < 20_000; i++) {
            StackSpec x = randomStack(r);
            String printed = x.toString();
            StackSpec back = StackSpec.parse(printed, IS_FILTER);
            assertEquals(x, back, printed);
            assertEquals(printed, back.toString(), "canonical form changed");
        }
    }

    @Test
    void everyPrintableCharacterSurvivesAsKeyAndValue() {
        for (char c = 0; c < 0x300; c++) {
            if (c == '=') {
                continue;
            }
            String s = "k" + c + "v" + c;
            StackSpec x = new StackSpec(List.of(Stacks.layer("echo", Stacks.opt(s, s + "=" + c), Stacks.flag(s))));
            assertEquals(x, StackSpec.parse(x.toString()), x.toString());
        }
    }

    static StackSpec randomStack(Random r) {
        List<LayerSpec> layers = new ArrayList<>();
        int filters = r.nextInt(4);
        for (int i = 0; i < filters; i++) {
            layers.add(new LayerSpec("f" + text(r, TYPE_CHARS, 0, 5), options(r), List.of()));
        }
        List<String> args = new ArrayList<>();
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
            args.add(arg(r, i == 0));
        }
        layers.add(new LayerSpec("t" + text(r, TYPE_CHARS, 0, 5), options(r), args));
        return new StackSpec(layers);
    }

    private static List<Option> options(Random r) {
        List<Option> out = new ArrayList<>();
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
            String key = text(r, AWKWARD, 1, 6).replace("=", "");
            key = key.isEmpty() ? "k" : key;
            out.add(r.nextInt(4) == 0 ? Option.flag(key) : new Option(key, text(r, AWKWARD, 0, 10)));
        }
        return out;
    }

    /** A raw argument: plain text, quoted runs and backslash pairs, never a bare comma. */
    private static String arg(Random r, boolean first) {
        StringBuilder sb = new StringBuilder();
        int pieces = r.nextInt(5);
        for (int i = 0; i < pieces; i++) {
            switch (r.nextInt(4)) {
                case 0:
                    char q = r.nextBoolean() ? '\'' : '"';
                    sb.append(q).append(text(r, AWKWARD, 0, 6).replace("\\", "").replace(String.valueOf(q), ""))
                            .append(q);
                    break;
                case 1:
                    sb.append('\\').append(AWKWARD.charAt(r.nextInt(AWKWARD.length())));
                    break;
                default:
                    sb.append(text(r, AWKWARD, 0, 6).replaceAll("[,'\"\\\\]", ""));
            }
        }
        String s = sb.toString();
        while (first && !s.isEmpty() && StackParser.SPACES.indexOf(s.charAt(0)) >= 0) {
            s = s.substring(1);
        }
        return s;
    }

    static String text(Random r, String alphabet, int min, int max) {
        StringBuilder sb = new StringBuilder();
        int n = min + r.nextInt(max - min + 1);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
