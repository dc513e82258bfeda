package org.jser2net.ser2net.config.internal;

import static org.jser2net.ser2net.config.internal.Configs.assertNoErrors;
import static org.jser2net.ser2net.config.internal.Configs.connection;
import static org.jser2net.ser2net.config.internal.Configs.errors;
import static org.jser2net.ser2net.config.internal.Configs.names;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standard-YAML "version 2" layout of ser2net 4.6. */
class V2FormatTest {

    @TempDir
    Path dir;

    @Test
    void allSectionsAcrossDocuments() throws Exception {
        Files.writeString(dir.resolve("motd"), "hello");
        Path f = Configs.write(dir, "v2.yaml",
                "defines:",
                "  host: 127.0.0.1",
                "  banner: &b 'Welcome =(host) ={motd} =(= ={='",
                "defaults:",
                "  kickolduser:",
                "    value: true",
                "    class: ser2net",
                "  speed:",
                "    value: 115200",
                "    class: serialdev",
                "delete_defaults:",
                "  key: [ ssl ]",
                "leds:",
                "  led1:",
                "    driver: sysfs",
                "    options:",
                "      device: 'a:b'",
                "connections:",
                "  con1:",
                "    accepter: tcp,=(host),3001",
                "    connector: echo",
                "    options:",
                "      banner: *b",
                "      led-rx: led1",
                "  con2:",
                "    accepter: tcp,3002",
                "    connector: echo",
                "    enable: off",
                "rotators:",
                "  rot:",
                "    accepter: tcp,3000",
                "    connections: [ con1, con2 ]",
                "admins:",
                "  ctl:",
                "    accepter: tcp,3400",
                "---",
                "connections:",
                "  con3:",
                "    accepter: tcp,3003",
                "    connector: echo");
        Ser2netModel m = Configs.read(f);
        assertNoErrors(m);
        assertEquals(List.of("con1", "con2", "con3"), names(m));
        ConnectionDef c1 = connection(m, "con1");
        assertEquals("tcp,127.0.0.1,3001", c1.accepter());
        assertEquals("Welcome 127.0.0.1 hello =( ={", c1.options().get("banner"));
        assertEquals(true, c1.options().get("kickolduser"));
        assertEquals("led1", c1.options().get("led-rx"));
        assertEquals(false, connection(m, "con2").enable());
        assertEquals(List.of("con1", "con2"), m.rotators().get(0).connections());
        assertEquals("ctl", m.admin().name());
        assertEquals(Optional.of("115200"), m.defaults().value("serialdev", "speed"));
        assertEquals(Optional.empty(), m.defaults().value("ssl", "key"));
        assertEquals("a:b", m.leds().get(0).options().get("device"));
    }

    @Test
    void starIsPlainTextInVersion2AndMixingVersionsIsAnError() {
        Ser2netModel m = Configs.yaml("connections:", "  a:", "    accepter: tcp,1", "    connector: echo",
                "    options:", "      banner: '*(nothing) here'",
                "connection: &b", "  accepter: tcp,2", "  connector: echo");
        assertEquals("*(nothing) here", connection(m, "a").options().get("banner"));
        assertEquals(List.of("t.yaml:7:1: Mixed version in yaml file: connection is a version 1 key,"
                + " but the file began with version 2 keys"), errors(m));
    }

    @Test
    void version2Errors() {
        Ser2netModel m = Configs.yaml("defaults:", "  banner: {class: ser2net}",
                "connections:", "  a:", "    connector: echo", "  b: tcp,1",
                "delete_defaults:", "  speed: []");
        assertEquals(List.of("t.yaml:2:3: No value given in default banner",
                "t.yaml:4:3: No accepter given in connection a",
                "t.yaml:6:6: The connection b must be a map of keys such as accepter:",
                "t.yaml:8:3: No class(es) given in delete_defaults speed"), errors(m));
    }
}
