package org.jser2net.ser2net.config.internal;

import static org.jser2net.ser2net.config.internal.Configs.assertNoErrors;
import static org.jser2net.ser2net.config.internal.Configs.connection;
import static org.jser2net.ser2net.config.internal.Configs.errors;
import static org.jser2net.ser2net.config.internal.Configs.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** include: with globs, in the including file's context. */
class IncludeTest {

    @TempDir
    Path dir;

    @Test
    void globIncludesFilesInOrderWithSharedDefinesAndDefaults() throws Exception {
        Configs.write(dir, "conf.d/20-b.yaml", "connection: &b", "  accepter: tcp,*(base)2", "  connector: echo");
        Configs.write(dir, "conf.d/10-a.yaml", "define: &late yes", "connection: &a", "  accepter: tcp,*(base)1",
                "  connector: echo");
        Configs.write(dir, "conf.d/.hidden.yaml", "connection: &hidden", "  accepter: tcp,9", "  connector: echo");
        Configs.write(dir, "conf.d/notes.txt", "not yaml: [");
        Path main = Configs.write(dir, "ser2net.yaml",
                "define: &base 300",
                "default:",
                "  name: kickolduser",
                "  value: true",
                "  class: ser2net",
                "include: conf.d/*.yaml",
                "connection: &c",
                "  accepter: tcp,3003",
                "  connector: echo",
                "  options:",
                "    banner: '*(late)'");
        Ser2netModel m = Configs.read(main);
        assertNoErrors(m);
        assertEquals(List.of("a", "b", "c"), names(m));
        assertEquals("tcp,3001", connection(m, "a").accepter());
        assertEquals("tcp,3002", connection(m, "b").accepter());
        assertEquals(true, connection(m, "b").options().get("kickolduser"));
        assertEquals("yes", connection(m, "c").options().get("banner"));
        assertEquals(dir.resolve("conf.d/10-a.yaml") + ":2:1", connection(m, "a").location());
        assertEquals(List.of(main + ":7:1: ser2net 4.x ignores everything after an include: in the same file;"
                + " jser2net reads it"), m.warnings());
        assertTrue(m.files().contains(dir.resolve("conf.d/20-b.yaml")), m.files().toString());
    }

    @Test
    void nestedIncludesAndSeveralWordsAndVariables() throws Exception {
        Configs.write(dir, "x/one.yaml", "include: ../two.yaml", "connection: &one", "  accepter: tcp,1",
                "  connector: echo");
        Configs.write(dir, "two.yaml", "connection: &two", "  accepter: tcp,2", "  connector: echo");
        Configs.write(dir, "three.yaml", "connection: &three", "  accepter: tcp,3", "  connector: echo");
        Path main = Configs.write(dir, "m.yaml", "include: \"x/one.yaml ${JSER2NET_TEST_UNSET}three.yaml\"");
        Ser2netModel m = Configs.read(main);
        assertNoErrors(m);
        assertEquals(List.of("two", "one", "three"), names(m));
    }

    @Test
    void aMissingIncludeIsSkippedWithAWarningAndACircularOneIsAnError() throws Exception {
        Path main = Configs.write(dir, "m.yaml", "include: nothing-*.yaml", "include: loop.yaml");
        Configs.write(dir, "loop.yaml", "include: loop.yaml");
        Ser2netModel m = Configs.read(main);
        assertTrue(m.warnings().get(0).startsWith(main + ":1:1: Unable to open file " + dir.resolve("nothing-*.yaml")
                + ", skipping"), m.warnings().toString());
        assertEquals(List.of(dir.resolve("loop.yaml")
                + ":1:1: Too many nested includes, you probably have a circular include"), errors(m));
    }

    @Test
    void theFormatVersionCarriesIntoIncludedFiles() throws Exception {
        Configs.write(dir, "v1.yaml", "connection: &x", "  accepter: tcp,1", "  connector: echo");
        Path main = Configs.write(dir, "m.yaml", "connections:", "  y:", "    accepter: tcp,2",
                "    connector: echo", "include: v1.yaml");
        Ser2netModel m = Configs.read(main);
        assertEquals(List.of(dir.resolve("v1.yaml") + ":1:1: Mixed version in yaml file: connection is a version 1"
                + " key, but the file began with version 2 keys"), errors(m));
        assertEquals(List.of("y"), names(m));
    }

    @Test
    void includePatternExpandsLikeWordexp() throws Exception {
        Configs.write(dir, "a1.yaml", "x");
        Configs.write(dir, "a2.yaml", "x");
        IncludePattern p = new IncludePattern(Map.of("HOME", "/home/u", "D", dir.toString())::get);
        assertEquals(List.of(dir.resolve("a1.yaml"), dir.resolve("a2.yaml")), p.expand("$D/a?.yaml", null));
        assertEquals(List.of(Path.of("/home/u/x.yaml"), dir.resolve("b c.yaml")),
                p.expand("~/x.yaml 'b c.yaml'", dir));
        assertEquals(List.of(dir.resolve("[z].yaml")), p.expand("[z].yaml", dir));
    }
}
