package org.jser2net.ser2net.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class YamlConfigReaderTest {

    @Test
    void readsRepeatedConnectionKeysWithAnchorsAsNames() {
        Ser2netModel m = YamlConfigReader.read("t.yaml", String.join("\n",
                "%YAML 1.1",
                "---",
                "connection: &con1",
                "  accepter: tcp,127.0.0.1,3001",
                "  connector: echo",
                "connection: &con2",
                "  Accepter: telnet(rfc2217),tcp,3002",
                "  connector: serialdev,/dev/ttyS0,9600n81,local",
                "  enable: off",
                "  options:",
                "    kickolduser: yes",
                "    max-connections: 3",
                ""));
        assertEquals(List.of(), m.errors());
        assertEquals(2, m.connections().size());
        ConnectionDef a = m.connections().get(0);
        assertEquals("con1", a.name());
        assertEquals("tcp,127.0.0.1,3001", a.accepter());
        assertEquals("echo", a.connector());
        assertTrue(a.enable());
        assertEquals("t.yaml:3:1", a.location());
        ConnectionDef b = m.connections().get(1);
        assertEquals("con2", b.name());
        assertEquals("telnet(rfc2217),tcp,3002", b.accepter());
        assertFalse(b.enable());
        assertEquals(Map.of("kickolduser", true, "max-connections", 3), b.options());
    }

    @Test
    void badConnectionIsReportedWithLineAndColumnAndSkipped() {
        Ser2netModel m = YamlConfigReader.read("bad.yaml", String.join("\n",
                "connection: &good",
                "  accepter: tcp,3001",
                "  connector: echo",
                "connection: &bad",
                "  accepter: tcp,3002",
                "  bogus: 1",
                "  connector: echo",
                "connection: &badopt",
                "  accepter: tcp,3003",
                "  connector: echo",
                "  options:",
                "    bogusopt: 1",
                ""));
        assertEquals(List.of("good"), m.connections().stream().map(ConnectionDef::name).toList());
        assertEquals(2, m.errors().size());
        assertEquals("bad.yaml:6:3: Invalid token in the connection bad: bogus", m.errors().get(0).getMessage());
        assertEquals("bad.yaml:12:5: Unknown config item: bogusopt=1", m.errors().get(1).getMessage());
    }

    @Test
    void optionsNotImplementedYetAreWarnedAboutAndIgnored() {
        Ser2netModel m = YamlConfigReader.read("w.yaml", "connection: &c\n  accepter: tcp,1\n  connector: echo\n"
                + "  options:\n    dev-to-net-bufsize: 65536\n    max-connections: 2\n");
        assertEquals(List.of(), m.errors());
        assertEquals(Map.of("max-connections", 2), m.connections().get(0).options());
        assertEquals(List.of("w.yaml:5:5: option dev-to-net-bufsize of connection c is not implemented in this "
                + "version of jser2net and is ignored"), m.warnings());
    }

    @Test
    void missingNameAndMissingConnectorAreErrors() {
        Ser2netModel m = YamlConfigReader.read("x", "connection:\n  accepter: tcp,1\n  connector: echo\n"
                + "connection: &n\n  accepter: tcp,2\n");
        assertTrue(m.connections().isEmpty());
        assertEquals("x:1:1: A connection needs a name: write 'connection: &name'", m.errors().get(0).getMessage());
        assertEquals("x:4:1: No connector given in connection n", m.errors().get(1).getMessage());
    }

    @Test
    void syntaxErrorNamesLineAndColumn() {
        Ser2netModel m = YamlConfigReader.read("s.yaml", "connection: &a\n  accepter: [tcp\n");
        assertTrue(m.connections().isEmpty());
        String last = m.errors().get(m.errors().size() - 1).getMessage();
        assertTrue(last.startsWith("s.yaml:3:1: "), last);
    }

    @Test
    void fragmentTurnsHashIntoNewlineOutsideQuotes() {
        assertEquals("connection: &y1\n  accepter: tcp,1\n  x: \"a ### b\"\n  y: 'c#d'\n",
                YamlConfigReader.fragment("connection: &y1#  accepter: tcp,1#  x: \"a ### b\"#  y: 'c#d'"));
        Ser2netModel m = YamlConfigReader.read("-Y", YamlConfigReader.fragment(
                "connection: &y1#  accepter: tcp,127.0.0.1,3401#  connector: echo"));
        assertEquals("tcp,127.0.0.1,3401", m.connections().get(0).accepter());
    }
}
