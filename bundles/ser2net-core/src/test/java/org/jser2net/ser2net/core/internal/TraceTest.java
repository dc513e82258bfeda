package org.jser2net.ser2net.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceTest {

    @TempDir
    Path dir;

    private final StepClock clock = new StepClock(Instant.parse("2026-11-25T03:46:52Z"), ZoneOffset.UTC);

    private EscapeContext ctx() {
        return new EscapeContext("strs", "tcp,127.0.0.1,3000", "serialdev," + dir + "/ttyA,9600n81,local", "", "",
                ZonedDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), 0);
    }

    private String t(String name) {
        return dir + "/" + name;
    }

    private String read(String name) throws IOException {
        return Files.readString(dir.resolve(name), StandardCharsets.ISO_8859_1);
    }

    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static void dev(Trace tr, String s) {
        tr.deviceToNet(bytes(s), 0, s.length());
    }

    private static void net(Trace tr, String s) {
        tr.netToDevice(bytes(s), 0, s.length());
    }

    /** The session captured from ser2net 4.3.11 (ser2net-behaviour.md §1.6), both files byte for byte. */
    @Test
    void reproducesTheCapturedFiles() throws IOException {
        TraceSettings s = new TraceSettings(t("trace-read-\\o-\\d.log"), null, t("trace-both-\\o.log"),
                false, true, false, true, true, true);
        try (Trace tr = Trace.open(s, ctx(), clock)) {
            tr.opened("ipv4,127.0.0.1,43040");
            clock.set("2026-11-25T03:46:53Z");
            net(tr, "net->ser\u0000\u00ff");
            dev(tr, "ser->net 1\r\n");
            clock.set("2026-11-25T03:46:54Z");
            dev(tr, "then BYE\r");
            dev(tr, "after");
            tr.closed("port closing", "All users disconnected");
        }
        assertEquals("""
                2026/11/25 03:46:52 OPEN (ipv4,127.0.0.1,43040)
                2026/11/25 03:46:53 tcp  6e 65 74 2d 3e 73 65 72  |net->ser|
                2026/11/25 03:46:53 tcp  00 ff                    |..|
                2026/11/25 03:46:53 term 73 65 72 2d 3e 6e 65 74  |ser->net|
                2026/11/25 03:46:53 term 20 31 0d 0a              | 1..|
                2026/11/25 03:46:54 term 74 68 65 6e 20 42 59 45  |then BYE|
                2026/11/25 03:46:54 term 0d                       |.|
                2026/11/25 03:46:54 term 61 66 74 65 72           |after|
                2026/11/25 03:46:54 CLOSE netcon (port closing)
                2026/11/25 03:46:54 CLOSE port (All users disconnected)
                """, read("trace-both-strs.log"));
        assertEquals("2026/11/25 03:46:52 OPEN (ipv4,127.0.0.1,43040)\n"
                + "ser->net 1\r\nthen BYE\rafter2026/11/25 03:46:54 CLOSE netcon (port closing)\n"
                + "2026/11/25 03:46:54 CLOSE port (All users disconnected)\n",
                read("trace-read-strs-ttyA,9600n81,local.log"));
    }

    @Test
    void withoutTimestampNoOpenOrCloseLinesAndNoStamps() throws IOException {
        TraceSettings s = new TraceSettings(null, t("w.log"), null, false, false, true, false, false, false);
        try (Trace tr = Trace.open(s, ctx(), clock)) {
            tr.opened("ipv4,127.0.0.1,1");
            ByteBuffer b = bytes("xx0123456789abcdef\u007f\u0080\u001f~ yy");
            b.position(3);
            tr.netToDevice(b, 2, 21);
            assertEquals(3, b.position(), "the caller's buffer is not moved");
            tr.closed("port closing", "All users disconnected");
        }
        assertEquals("""
                tcp  30 31 32 33 34 35 36 37  |01234567|
                tcp  38 39 61 62 63 64 65 66  |89abcdef|
                tcp  7f 80 1f 7e 20           |...~ |
                """, read("w.log"));
    }

    @Test
    void localTimeOfTheClockZone() throws IOException {
        StepClock berlin = new StepClock(Instant.parse("2026-07-01T22:30:05Z"), ZoneId.of("Europe/Berlin"));
        try (Trace tr = Trace.open(TraceSettings.of(t("r.log"), null, null, true, true), ctx(), berlin)) {
            dev(tr, "A");
        }
        assertEquals("2026/07/02 00:30:05 term 41                       |A|\n", read("r.log"));
    }

    @Test
    void sameTemplateSharesTheFirstFileAndItsFlags() throws IOException {
        // read names the write file: one file, the write file's flags (hexdump), one OPEN line.
        TraceSettings s = new TraceSettings(t("x.log"), t("x.log"), null, false, false, true, true, false, false);
        try (Trace tr = Trace.open(s, ctx(), clock)) {
            tr.opened("ipv6,::1,5");
            dev(tr, "d");
            net(tr, "n");
        }
        assertEquals("""
                2026/11/25 03:46:52 OPEN (ipv6,::1,5)
                2026/11/25 03:46:52 term 64                       |d|
                2026/11/25 03:46:52 tcp  6e                       |n|
                """, read("x.log"));
    }

    @Test
    void bothNamingTheReadFileGetsDeviceDataTwiceAsSer2netDoes() throws IOException {
        TraceSettings s = TraceSettings.of(t("r.log"), t("w.log"), t("r.log"), false, false);
        try (Trace tr = Trace.open(s, ctx(), clock)) {
            dev(tr, "D");
            net(tr, "N");
        }
        assertEquals("DDN", read("r.log"));
        assertEquals("N", read("w.log"));
    }

    @Test
    void appendsToAnExistingFileAndCreatesNewOnesWithMode0600() throws IOException {
        Path old = dir.resolve("old.log");
        Files.writeString(old, "before\n");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));
        try (Trace tr = Trace.open(TraceSettings.of(t("old.log"), t("new.log"), null, false, false), ctx(), clock)) {
            dev(tr, "after\n");
            net(tr, "fresh");
        }
        assertEquals("before\nafter\n", read("old.log"));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(old)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("new.log"))));
        assertEquals("fresh", read("new.log"));
    }

    @Test
    void fileNameEscapesAreExpandedWithTheOpenTime() throws IOException {
        try (Trace tr = Trace.open(TraceSettings.of(t("\\N-\\Y\\m\\D-\\H\\i\\S.log"), null, null, false, false),
                ctx(), clock)) {
            dev(tr, "x");
        }
        assertEquals("x", read("strs-20261125-034652.log"));
    }

    @Test
    void anUnopenableFileIsSkippedAndTheOthersStillWork() throws IOException {
        TraceSettings s = TraceSettings.of(t("no/such/dir/r.log"), t("w.log"), null, false, false);
        try (Trace tr = Trace.open(s, ctx(), clock)) {
            assertTrue(tr.active());
            dev(tr, "lost");
            net(tr, "kept");
        }
        assertEquals("kept", read("w.log"));
        assertFalse(Files.exists(dir.resolve("no")));
    }

    @Test
    void aWriteErrorStopsTracingToThatFileWithoutThrowing() {
        assumeTrue(Files.isWritable(Path.of("/dev/full")), "needs /dev/full");
        try (Trace tr = Trace.open(TraceSettings.of("/dev/full", null, null, false, true), ctx(), clock)) {
            assertTrue(tr.active());
            dev(tr, "no space");
            assertFalse(tr.active());
            dev(tr, "ignored");
            tr.closed("port closing", "All users disconnected");
        }
    }

    @Test
    void noFileNamedMeansNothingHappens() {
        Trace tr = Trace.open(TraceSettings.NONE, ctx(), clock);
        assertFalse(tr.active());
        tr.opened("ipv4,127.0.0.1,1");
        dev(tr, "x");
        net(tr, "y");
        tr.closed("a", "b");
        tr.close();
        assertFalse(TraceSettings.of("", "", "", true, true).any());
    }

    /** A clock the test moves by hand. */
    private static final class StepClock extends Clock {
        private Instant now;
        private final ZoneId zone;

        StepClock(Instant now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        void set(String instant) {
            now = Instant.parse(instant);
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId z) {
            return new StepClock(now, z);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
