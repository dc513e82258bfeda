package org.jser2net.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** ser2net(8)'s command line as ser2net 4.3.11 parses it, plus --strict and -G. */
class ArgumentParserTest {

    private static Options parse(String... args) throws UsageException {
        return ArgumentParser.parse(List.of(args));
    }

    private static UsageException error(String... args) {
        return assertThrows(UsageException.class, () -> parse(args));
    }

    @Test
    void defaults() throws UsageException {
        Options o = parse();
        assertNull(o.configFile());
        assertFalse(o.configFileSet());
        assertEquals(1, o.threads());
        assertTrue(o.uucpLocks());
        assertFalse(o.foreground() || o.debug() || o.ready() || o.strict() || o.shell() || o.version());
        assertEquals(0, o.verbosity());
    }

    @Test
    void everyFlag() throws UsageException {
        Options o = parse("-c", "/tmp/x.yaml", "-p", "tcp,127.0.0.1,3000", "-P", "/tmp/pid", "-n", "-l",
                "-u", "-b", "-s", "SIG", "-t", "4", "-r", "--strict", "-G");
        assertEquals("/tmp/x.yaml", o.configFile());
        assertTrue(o.configFileSet());
        assertEquals("tcp,127.0.0.1,3000", o.adminPort());
        assertEquals("/tmp/pid", o.pidFile());
        assertTrue(o.noDetach() && o.foreground());
        assertFalse(o.debug());
        assertEquals(1, o.verbosity());
        assertFalse(o.uucpLocks());
        assertEquals("SIG", o.signature());
        assertEquals(4, o.threads());
        assertTrue(o.ready() && o.strict() && o.shell());
    }

    @Test
    void debugStaysInForegroundAndLRepeats() throws UsageException {
        Options o = parse("-d", "-l", "-l");
        assertTrue(o.debug() && o.noDetach());
        assertEquals(2, o.logLevel());
        assertEquals(3, o.verbosity());
        assertTrue(parse("-G").foreground());
    }

    @Test
    void repeatedLinesKeepOrderAndDropTheConfigFile() throws UsageException {
        Options y = parse("-c", "f.yaml", "-Y", "a: 1", "-Y", "b: #2");
        assertEquals(List.of("a: 1", "b: #2"), y.yamlFragments());
        assertNull(y.configFile(), "-Y after -c drops the file, as in ser2net");
        assertTrue(y.configFileSet());
        Options c = parse("-C", "2000:raw:0:/dev/ttyS0", "-C", "2001:raw:0:/dev/ttyS1", "-c", "old.conf");
        assertEquals(List.of("2000:raw:0:/dev/ttyS0", "2001:raw:0:/dev/ttyS1"), c.configLines());
        assertEquals("old.conf", c.configFile(), "-c after the last -C adds a file");
    }

    @Test
    void yamlAndOldLinesCannotMix() {
        UsageException e = error("-Y", "a: 1", "-C", "x");
        assertEquals("You cannot mix yaml and old config lines.", e.getMessage());
        assertTrue(e.showHelp());
        assertEquals("You cannot mix yaml and old config lines.", error("-C", "x", "-Y", "y").getMessage());
    }

    @Test
    void invalidArguments() {
        UsageException h = error("-h");
        assertEquals("Invalid option: '-h'", h.getMessage());
        assertTrue(h.showHelp());
        assertEquals("Invalid argument: '-nd'", error("-nd").getMessage());
        assertEquals("Invalid argument: 'foo'", error("-n", "foo").getMessage());
        assertEquals("Invalid argument: '--help'", error("--help").getMessage());
        assertEquals("Invalid argument: '-'", error("-").getMessage());
        assertEquals("Invalid option: '-x'", error("-x").getMessage());
    }

    @Test
    void missingValues() {
        assertEquals("No config file specified with -c", error("-c").getMessage());
        assertEquals("No config line specified with -C", error("-C").getMessage());
        assertEquals("No config line specified with -Y", error("-Y").getMessage());
        assertEquals("No control port specified with -p", error("-p").getMessage());
        assertEquals("No pid file specified with -P", error("-P").getMessage());
        UsageException s = error("-s");
        assertEquals("No signature specified", s.getMessage());
        assertFalse(s.showHelp());
        UsageException t = error("-t");
        assertEquals("No thread count specified", t.getMessage());
        assertFalse(t.showHelp());
    }

    @Test
    void threadCount() throws UsageException {
        assertEquals("Invalid thread count specified: four", error("-t", "four").getMessage());
        assertEquals("Invalid thread count specified: 4x", error("-t", "4x").getMessage());
        assertFalse(error("-t", "").showHelp());
        assertEquals(1, parse("-t", "0").threads());
        assertEquals(12, parse("-t", "12").threads());
    }

    @Test
    void valuesMayLookLikeFlags() throws UsageException {
        Options o = parse("-Y", "-n", "-c", "-");
        assertEquals(List.of("-n"), o.yamlFragments());
        assertEquals("-", o.configFile());
        assertFalse(o.noDetach());
    }

    @Test
    void versionAnswersAtOnce() throws UsageException {
        assertTrue(parse("-v").version());
        assertTrue(parse("-n", "-v", "-h").version(), "arguments after -v are not parsed");
        assertEquals("Invalid option: '-h'", error("-h", "-v").getMessage());
    }

    @Test
    void helpNamesTheProgramAndEveryFlag() {
        String help = ArgumentParser.help("/usr/sbin/jser2net");
        assertTrue(help.startsWith("/usr/sbin/jser2net: "));
        for (String flag : List.of("-c", "-C", "-Y", "-p", "-P", "-n", "-d", "-l", "-u", "-t", "-b", "-v",
                "-s", "-r", "-G", "--strict")) {
            assertTrue(help.contains("  " + flag + " "), flag);
        }
    }
}
