package org.jser2net.ser2net.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

class Ser2netStringTest {

    private static final ZonedDateTime WHEN = ZonedDateTime.of(2026, 11, 25, 3, 46, 51, 0, ZoneOffset.UTC);

    private static EscapeContext echo() {
        return new EscapeContext("esc", "tcp,127.0.0.1,3101", "echo", "", "ipv4,127.0.0.1,52412", WHEN, 69826);
    }

    private static String expand(String t, EscapeContext c) {
        return new String(Ser2netString.expand(t, c), StandardCharsets.ISO_8859_1);
    }

    /** The banner captured from ser2net 4.3.11 (ser2net-behaviour.md §1.7), with \s as documented. */
    @Test
    void everyEscapeAsCapturedFromSer2net() {
        String banner = "a\\aB\\bF\\fN\\nR\\rT\\tV\\vBS\\\\Q\\?SQ\\'DQ\\\"O\\101X\\x41 d=\\d o=\\o N=\\N p=\\p B=\\B"
                + " s=\\s T=\\T I=\\I Y=\\Y y=\\y M=\\M m=\\m A=\\A D=\\D e=\\e U=\\U H=\\H h=\\h i=\\i S=\\S q=\\q"
                + " P=\\P Z=\\Z END\\r\\n";
        String expected = "a\u0007B\bF\fN\nR\rT\tV\u000bBS\\Q?SQ'DQ\"OAXA d=echo o=esc N=esc p=tcp,127.0.0.1,3101"
                + " B= s= T=03:46:51 I=ipv4,127.0.0.1,52412 Y=2026 y=328 M=Nov m=11 A=Wed D=25 e=1795578411"
                + " U=069826 H=03 h=03 i=46 S=51 q=am P=AM Z=Z END\r\n";
        assertEquals(expected, expand(banner, echo()));
    }

    @Test
    void serialParametersHaveNoLeadingComma() {
        EscapeContext c = new EscapeContext("ttyA", "telnet,tcp,2000", "serialdev,/dev/ttyS0,9600n81,local",
                "9600N81,CLOCAL", "", WHEN, 0);
        assertEquals("[9600N81,CLOCAL] [9600N81,CLOCAL]", expand("[\\B] [\\s]", c));
    }

    @Test
    void fileNamesDropDirectoriesOfDeviceAndSecondsForS() {
        EscapeContext c = new EscapeContext("strs", "tcp,3000", "serialdev,/dev/ttyA,9600n81,local", "", "", WHEN, 0);
        assertEquals("trace-read-strs-ttyA,9600n81,local-51.log", Ser2netString.fileName("trace-read-\\o-\\d-\\s.log", c));
    }

    @Test
    void octalAndHexStopAtTheirDigitsAndBytesAreRaw() {
        assertArrayEquals(new byte[] {(byte) 0xff, 0, '8', (byte) 0xab, 'g', 'x', 'q'},
                Ser2netString.expand("\\377\\0008\\xabg\\xq", echo()));
    }

    @Test
    void twelveHourClockAndAfternoon() {
        EscapeContext c = new EscapeContext("n", "a", "d", "", "", WHEN.withHour(0), 0);
        assertEquals("12 am AM", expand("\\h \\q \\P", c));
        c = new EscapeContext("n", "a", "d", "", "", WHEN.withHour(15), 0);
        assertEquals("03 15 pm PM", expand("\\h \\H \\q \\P", c));
    }

    @Test
    void trailingBackslashStaysLiteral() {
        assertEquals("end\\", expand("end\\", echo()));
    }
}
