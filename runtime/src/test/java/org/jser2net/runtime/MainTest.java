package org.jser2net.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the launcher prints for -v and for a bad command line, before any framework starts. */
class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setProperty("jser2net.argv0", "/opt/jser2net/bin/jser2net");
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
        System.clearProperty("jser2net.argv0");
    }

    @Test
    void versionPrintsArgv0AndTheBuildVersion() {
        assertEquals(0, Main.run(new String[] {"-n", "-v"}));
        String version = Main.version();
        assertTrue(version.matches("\\d+\\.\\d+\\.\\d+.*"), version);
        assertEquals("/opt/jser2net/bin/jser2net version " + version + "\n", text(out));
        assertEquals("", text(err));
    }

    @Test
    void invalidOptionPrintsMessageThenHelpAndFails() {
        assertEquals(1, Main.run(new String[] {"-h"}));
        assertEquals("", text(out));
        assertEquals("Invalid option: '-h'\n" + ArgumentParser.help("/opt/jser2net/bin/jser2net"), text(err));
    }

    @Test
    void mixedLinesFail() {
        assertEquals(1, Main.run(new String[] {"-C", "x", "-Y", "y"}));
        assertTrue(text(err).startsWith("You cannot mix yaml and old config lines.\n"
                + "/opt/jser2net/bin/jser2net: "), text(err));
    }

    @Test
    void missingConfigFileFailsWithoutHelp() {
        assertEquals(1, Main.run(new String[] {"-n", "-c", "/nonexistent/ser2net.yaml"}));
        assertEquals("Unable to open config file '/nonexistent/ser2net.yaml': No such file or directory\n",
                text(err));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
