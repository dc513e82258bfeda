package org.jser2net.ser2net.config.internal;

import static org.jser2net.ser2net.config.internal.Configs.assertNoErrors;
import static org.jser2net.ser2net.config.internal.Configs.connection;
import static org.jser2net.ser2net.config.internal.Configs.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** define, {@code *name}, {@code *(name)} and {@code *{file}} as ser2net expands them. */
class SubstitutionTest {

    @TempDir
    Path dir;

    @Test
    void definesExpandAsWholeScalarsAndInsideStrings() {
        Ser2netModel m = Configs.yaml(
                "define: &port 3001",
                "define: &host \"127.0.0.1\"",
                "define: &dev /dev/ttyS0",
                "connection: &a",
                "  accepter: tcp,*(host),*(port)",
                "  connector: serialdev,*(dev),9600n81",
                "  options:",
                "    banner: 'port *(port) *(* literal, **(port) and *x stay'",
                "    signature: *dev",
                "define: &port 4001",
                "connection: &b",
                "  accepter: \"tcp,*(port)\"",
                "  connector: echo");
        assertNoErrors(m);
        ConnectionDef a = connection(m, "a");
        assertEquals("tcp,127.0.0.1,3001", a.accepter());
        assertEquals("serialdev,/dev/ttyS0,9600n81", a.connector());
        assertEquals("port 3001 *( literal, *(port) and *x stay", a.options().get("banner"));
        assertEquals("/dev/ttyS0", a.options().get("signature"));
        assertEquals("tcp,4001", connection(m, "b").accepter());
    }

    @Test
    void connectionNamesAreAliasesToo() {
        Ser2netModel m = Configs.yaml("connection: &con1", "  accepter: tcp,1", "  connector: echo",
                "connection: &con2", "  accepter: tcp,2", "  connector: echo",
                "  options:", "    banner: 'next to *(con1)'",
                "rotator: &rot", "  accepter: tcp,3", "  connections: [ *con1, *con2 ]");
        assertNoErrors(m);
        assertEquals("next to con1", connection(m, "con2").options().get("banner"));
        assertEquals(List.of("con1", "con2"), m.rotators().get(0).connections());
    }

    @Test
    void anAnchorOnAnOptionValueNamesNothing() {
        Ser2netModel m = Configs.yaml("connection: &a", "  accepter: tcp,1", "  connector: echo", "  options:",
                "    banner: &b hello",
                "connection: &c", "  accepter: tcp,2", "  connector: echo", "  options:", "    banner: *b");
        assertEquals(List.of("a"), Configs.names(m));
        assertEquals(List.of("t.yaml:5:13: Anchor on non-scalar ignored: &b names nothing here (anchors name"
                + " connections, rotators, LEDs and defines)"), m.warnings());
        assertEquals(List.of("t.yaml:10:13: Unable to find alias 'b'"), errors(m));
    }

    @Test
    void unknownAliasesAndUnclosedReferencesAreErrors() {
        Ser2netModel m = Configs.yaml("define: &x 1",
                "connection: &a", "  accepter: tcp,*(nope)", "  connector: echo",
                "connection: &b", "  accepter: tcp,2", "  connector: echo", "  options:", "    banner: *nope",
                "connection: &c", "  accepter: tcp,*(x", "  connector: echo",
                "define: no anchor");
        assertTrue(m.connections().isEmpty());
        assertEquals(List.of("t.yaml:3:13: unknown alias at '*(nope)'",
                "t.yaml:9:13: Unable to find alias 'nope'",
                "t.yaml:11:13: Missing ')' for alias at '*(x'"), errors(m));
        assertEquals(List.of("t.yaml:13:1: No anchor for define, define ignored"), m.warnings());
    }

    @Test
    void fileContentsGoInsideScalarsRelativeToTheConfigFile() throws Exception {
        Files.writeString(dir.resolve("pw"), "secret\n");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/b.txt"), "B");
        Path f = Configs.write(dir, "s.yaml",
                "connection: &a",
                "  accepter: tcp,1",
                "  connector: ipmisol,lan -U u -P *{pw} host,9600",
                "  options:",
                "    banner: '[*{sub/b.txt}] [*{*] [*{" + dir.resolve("sub/b.txt") + "}]'");
        Ser2netModel m = Configs.read(f);
        assertNoErrors(m);
        assertEquals("ipmisol,lan -U u -P secret\n host,9600", connection(m, "a").connector());
        assertEquals("[B] [*{] [B]", connection(m, "a").options().get("banner"));
        assertTrue(m.files().contains(dir.resolve("pw").toAbsolutePath().normalize()), m.files().toString());
    }

    @Test
    void aMissingFileIsAnError() throws Exception {
        Path f = Configs.write(dir, "s.yaml", "connection: &a", "  accepter: tcp,1", "  connector: echo",
                "  options:", "    banner: '*{missing}'");
        Ser2netModel m = Configs.read(f);
        assertEquals(List.of(f + ":5:13: Error opening " + dir.resolve("missing")
                + ": No such file or directory"), errors(m));
    }
}
