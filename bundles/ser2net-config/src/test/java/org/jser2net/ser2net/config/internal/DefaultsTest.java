package org.jser2net.ser2net.config.internal;

import static org.jser2net.ser2net.config.internal.Configs.assertNoErrors;
import static org.jser2net.ser2net.config.internal.Configs.connection;
import static org.jser2net.ser2net.config.internal.Configs.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** default: and delete_default:, in order, for ser2net options and for gensio classes. */
class DefaultsTest {

    @Test
    void aDefaultAppliesToTheConnectionsAfterIt() {
        Ser2netModel m = Configs.yaml(
                "connection: &before", "  accepter: tcp,1", "  connector: echo",
                "default:", "  name: banner", "  value: 'DEFAULT-BANNER \\N\\r\\n'", "  class: ser2net",
                "default: {name: max-connections, value: 4, class: ser2net}",
                "connection: &after", "  accepter: tcp,2", "  connector: echo",
                "connection: &own", "  accepter: tcp,3", "  connector: echo",
                "  options: {banner: mine, max-connections: 2}",
                "default: {name: max-connections, value: 5}",
                "connection: &base", "  accepter: tcp,4", "  connector: echo");
        assertNoErrors(m);
        assertTrue(!connection(m, "before").options().containsKey("banner"));
        assertEquals(1, connection(m, "before").options().get("max-connections"));
        assertEquals("DEFAULT-BANNER \\N\\r\\n", connection(m, "after").options().get("banner"));
        assertEquals(4, connection(m, "after").options().get("max-connections"));
        assertEquals("mine", connection(m, "own").options().get("banner"));
        assertEquals(2, connection(m, "own").options().get("max-connections"));
        // the ser2net class value wins over the value set for every class
        assertEquals(4, connection(m, "base").options().get("max-connections"));
    }

    @Test
    void aValueForEveryClassAppliesWhenTheSer2netClassHasNone() {
        Ser2netModel m = Configs.yaml("default: {name: kickolduser, value: true}",
                "default: {name: remaddr, value: '10.0.0.1,0;!10.0.0.2,4000', class: ser2net}",
                "default: {name: allowed-users, value: 'alice bob', class: ser2net}",
                "connection: &c", "  accepter: tcp,1", "  connector: echo",
                "connection: &d", "  accepter: tcp,2", "  connector: echo",
                "  options:", "    remaddr: 127.0.0.1,0", "    allowed-users: carol",
                "    allowed-users: dave");
        assertNoErrors(m);
        assertEquals(true, connection(m, "c").options().get("kickolduser"));
        assertEquals(List.of("10.0.0.1,0", "!10.0.0.2,4000"),
                List.of((String[]) connection(m, "c").options().get("remaddr")));
        assertEquals(List.of("alice", "bob"), List.of((String[]) connection(m, "c").options().get("allowed-users")));
        assertEquals(List.of("127.0.0.1,0"), List.of((String[]) connection(m, "d").options().get("remaddr")));
        assertEquals(List.of("carol", "dave"), List.of((String[]) connection(m, "d").options().get("allowed-users")));
    }

    @Test
    void gensioClassDefaultsGoToTheDefaultsService() {
        Ser2netModel m = Configs.yaml(
                "default: {name: speed, value: 115200, class: serialdev}",
                "default: {name: speed, value: 9600N81}",
                "default: {name: nodelay, value: 1, class: tcp}",
                "default: {name: cert, value: /etc/other.crt, class: ssl}",
                "delete_default: {name: key, class: ssl}",
                "default: {name: speed, value: 19200, class: ipmisol}",
                "delete_default:", "  name: speed", "  class: ipmisol");
        assertNoErrors(m);
        GensioDefaults d = m.defaults();
        assertEquals(Optional.of("115200"), d.value("serialdev", "speed"));
        assertEquals(Optional.of("9600N81"), d.value("ipmisol", "speed"));
        assertEquals(Optional.of("true"), d.value("tcp", "nodelay"));
        assertEquals(Optional.empty(), d.value("udp", "nodelay"));
        assertEquals(Optional.of("print"), d.value("tcp", "tcpd"));
        assertEquals(Optional.of("/etc/other.crt"), d.value("ssl", "cert"));
        assertEquals(Optional.empty(), d.value("ssl", "key"));
        assertEquals(Optional.empty(), d.value("ser2net", "banner"));
    }

    @Test
    void ser2netsBuiltInGensioDefaults() {
        GensioDefaults d = Configs.yaml("define: &confver 1.0").defaults();
        assertEquals(Optional.of("/etc/ser2net/ser2net.key"), d.value("ssl", "key"));
        assertEquals(Optional.of("/etc/ser2net/ser2net.crt"), d.value("ssl", "cert"));
        assertEquals(Optional.of("print"), d.value("tcp", "tcpd"));
        GensioDefaults other = Configs.source(java.util.Map.of(ConfigSource.YAML + 0, "define: &v 1",
                "jser2net.keyfile", "/k.pem")).read().defaults();
        assertEquals(Optional.of("/k.pem"), other.value("ssl", "key"));
    }

    @Test
    void badDefaultsAreErrors() {
        Ser2netModel m = Configs.yaml(
                "default: {name: bogus, value: 1}",
                "default: {name: max-connections, value: 0, class: ser2net}",
                "default: {name: chardelay, value: maybe, class: ser2net}",
                "default: {value: 1}",
                "delete_default: {name: speed, class: serialdev}",
                "delete_default: {name: speed}",
                "default: {name: tcpd, value: loud, class: tcp}");
        assertEquals(List.of(
                "t.yaml:1:1: Unable to set default name :bogus:1: there is no default called bogus",
                "t.yaml:2:1: Unable to set default name ser2net:max-connections:0: max-connections=0 is out of range,"
                        + " use 1 to 65536",
                "t.yaml:3:1: Unable to set default name ser2net:chardelay:maybe: Invalid boolean for chardelay: maybe"
                        + " (use true or false)",
                "t.yaml:4:1: No name given in default",
                "t.yaml:5:1: Unable to delete default name serialdev:speed: Value or file not found",
                "t.yaml:6:1: No class given in deldefault",
                "t.yaml:7:1: Unable to set default name tcp:tcpd:loud: Invalid value for tcpd: loud"
                        + " (use one of on, print, off)"), errors(m));
    }

    @Test
    void aDefaultWithoutValueClearsAString() {
        Ser2netModel m = Configs.yaml("default: {name: signature, class: ser2net}",
                "connection: &c", "  accepter: tcp,1", "  connector: echo");
        assertNoErrors(m);
        assertTrue(!connection(m, "c").options().containsKey("signature"));
    }
}
