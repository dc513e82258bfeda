package org.jser2net.ser2net.config.internal;

import static org.jser2net.ser2net.config.internal.Configs.assertNoErrors;
import static org.jser2net.ser2net.config.internal.Configs.errors;
import static org.jser2net.ser2net.config.internal.Configs.names;
import static org.jser2net.ser2net.config.internal.Configs.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class YamlConfigReaderTest {

    @Test
    void readsRepeatedConnectionKeysWithAnchorsAsNamesAndKeysInAnyCase() {
        Ser2netModel m = yaml(
                "%YAML 1.1",
                "---",
                "connection: &con1",
                "  accepter: tcp,127.0.0.1,3001",
                "  connector: echo",
                "CONNECTION: &con2",
                "  Accepter: telnet(rfc2217),tcp,3002",
                "  connector: serialdev,/dev/ttyS0,9600n81,local",
                "  enable: off",
                "  timeout: 0x10",
                "  OPTIONS:",
                "    KickOldUser: yes",
                "    max-connections: 3");
        assertNoErrors(m);
        assertEquals(List.of("con1", "con2"), names(m));
        ConnectionDef a = m.connections().get(0);
        assertEquals("tcp,127.0.0.1,3001", a.accepter());
        assertEquals("echo", a.connector());
        assertTrue(a.enable());
        assertEquals(0, a.timeout());
        assertEquals("t.yaml:3:1", a.location());
        ConnectionDef b = m.connections().get(1);
        assertEquals("telnet(rfc2217),tcp,3002", b.accepter());
        assertFalse(b.enable());
        assertEquals(16, b.timeout());
        assertEquals(true, b.options().get("kickolduser"));
        assertEquals(3, b.options().get("max-connections"));
    }

    @Test
    void withoutDirectiveOrDocumentMarkerAndWithSeveralDocuments() {
        Ser2netModel m = yaml("connection: &a", "  accepter: tcp,1", "  connector: echo", "---",
                "connection: &b", "  accepter: tcp,2", "  connector: echo");
        assertNoErrors(m);
        assertEquals(List.of("a", "b"), names(m));
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
                "connection: &after",
                "  accepter: tcp,3004",
                "  connector: echo",
                ""));
        assertEquals(List.of("good", "after"), names(m));
        assertEquals(List.of("bad.yaml:6:3: Invalid token in the connection bad: bogus",
                "bad.yaml:12:5: Unknown config item: bogusopt=1"), errors(m));
    }

    @Test
    void missingNameMissingConnectorEmptyAndRepeatedKeysAreErrors() {
        Ser2netModel m = yaml("connection:", "  accepter: tcp,1", "  connector: echo",
                "connection: &n", "  accepter: tcp,2",
                "connection: &e", "  accepter: ''", "  connector: echo",
                "connection: &r", "  accepter: tcp,3", "  accepter: tcp,4", "  connector: echo");
        assertTrue(m.connections().isEmpty());
        assertEquals(List.of("t.yaml:1:1: A connection needs a name: write 'connection: &name'",
                "t.yaml:4:1: No connector given in connection n",
                "t.yaml:7:3: Empty connection accepter not permitted",
                "t.yaml:11:3: connection accepter already set in connection r"), errors(m));
    }

    @Test
    void enableAndTimeoutAreChecked() {
        Ser2netModel m = yaml("connection: &a", "  accepter: tcp,1", "  connector: echo", "  enable: maybe",
                "connection: &b", "  accepter: tcp,2", "  connector: echo", "  timeout: soon");
        assertTrue(m.connections().isEmpty());
        assertEquals(List.of("t.yaml:1:1: enable must be 'on' or 'off' in connection a, not maybe",
                "t.yaml:5:1: Invalid number in connection timeout of b: soon"), errors(m));
    }

    @Test
    void unknownTopLevelKeyIsReportedAndSkipped() {
        Ser2netModel m = yaml("bogus: {a: 1}", "connection: &a", "  accepter: tcp,1", "  connector: echo");
        assertEquals(List.of("t.yaml:1:1: Invalid token at the main level: bogus"), errors(m));
        assertEquals(List.of("a"), names(m));
    }

    @Test
    void syntaxErrorNamesLineAndColumn() {
        Ser2netModel m = YamlConfigReader.read("s.yaml", "connection: &a\n  accepter: [tcp\n");
        assertTrue(m.connections().isEmpty());
        String last = errors(m).get(errors(m).size() - 1);
        assertTrue(last.startsWith("s.yaml:3:1: "), last);
    }

    @Test
    void aFileOfOnlyCommentsIsAnError() {
        Ser2netModel m = YamlConfigReader.read("c.yaml", "# nothing here\n");
        assertEquals(1, m.errors().size());
        assertTrue(errors(m).get(0).startsWith("c.yaml: yaml file ended in invalid state"), errors(m).get(0));
    }

    @Test
    void fragmentTurnsHashIntoNewlineOutsideQuotes() {
        assertEquals("connection: &y1\n  accepter: tcp,1\n  x: \"a ### b\"\n  y: 'c#d'\n",
                YamlConfigReader.fragment("connection: &y1#  accepter: tcp,1#  x: \"a ### b\"#  y: 'c#d'"));
        Ser2netModel m = YamlConfigReader.read("-Y", YamlConfigReader.fragment(
                "connection: &y1#  accepter: tcp,127.0.0.1,3401#  connector: echo#  options:#"
                        + "    banner: \"Y banner ### x\\r\\n\""));
        assertEquals("tcp,127.0.0.1,3401", m.connections().get(0).accepter());
        assertEquals("Y banner ### x\r\n", m.connections().get(0).options().get("banner"));
    }

    @Test
    void legacyShorthandStacksAreMadeExplicit() {
        Ser2netModel m = yaml("connection: &a", "  accepter: 3001", "  connector: /dev/ttyS0,9600",
                "connection: &b", "  accepter: telnet(rfc2217),127.0.0.1,3002", "  connector: echo",
                "connection: &c", "  accepter: ipv6,3003", "  connector: telnet, /dev/ttyUSB0");
        assertNoErrors(m);
        assertEquals("tcp,3001", m.connections().get(0).accepter());
        assertEquals("serialdev,/dev/ttyS0,9600", m.connections().get(0).connector());
        assertEquals("telnet(rfc2217),tcp,127.0.0.1,3002", m.connections().get(1).accepter());
        assertEquals("tcp,ipv6,3003", m.connections().get(2).accepter());
        assertEquals("telnet,serialdev,/dev/ttyUSB0", m.connections().get(2).connector());
    }
}
