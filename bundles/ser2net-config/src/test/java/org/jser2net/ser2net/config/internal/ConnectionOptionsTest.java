package org.jser2net.ser2net.config.internal;

import static org.jser2net.ser2net.config.internal.Configs.assertNoErrors;
import static org.jser2net.ser2net.config.internal.Configs.connection;
import static org.jser2net.ser2net.config.internal.Configs.errors;
import static org.jser2net.ser2net.config.internal.Configs.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Every connection option typed and checked, the old spellings, and device options. */
class ConnectionOptionsTest {

    private static Map<String, Object> options(String... lines) {
        List<String> yaml = new ArrayList<>(List.of("led: &led1", "  driver: sysfs", "  options:",
                "    device: 'input0::capslock'", "connection: &c", "  accepter: tcp,1", "  connector: echo",
                "  options:"));
        for (String l : lines) {
            yaml.add("    " + l);
        }
        Ser2netModel m = Configs.yaml(yaml.toArray(String[]::new));
        assertNoErrors(m);
        return connection(m, "c").options();
    }

    private static String error(String line) {
        Ser2netModel m = Configs.yaml("connection: &c", "  accepter: tcp,1", "  connector: echo", "  options:",
                "    " + line, "connection: &ok", "  accepter: tcp,2", "  connector: echo");
        assertEquals(List.of("ok"), names(m), "the bad connection is skipped, the others kept");
        assertEquals(1, m.errors().size(), errors(m).toString());
        return errors(m).get(0);
    }

    @Test
    void typedValues() {
        Map<String, Object> o = options("kickolduser:", "telnet-brk-on-sync: on", "chardelay: false",
                "chardelay-scale: 25", "chardelay-min: 0x10", "chardelay-max: 010", "dev-to-net-bufsize: 1",
                "net-to-dev-bufsize: 65536", "max-connections: 0", "accepter-retry-time: 0",
                "connector-retry-time: 3", "no-con-to-acc: yes", "no-acc-to-con: 1", "banner:",
                "signature: ''", "openstr: 'OPEN\\r'", "closestr: CLOSE", "closeon: bye", "sendon: '\\r\\n'",
                "authdir: /a", "pamauth: login", "trace-read: /tmp/r-\\p", "trace-write: w", "trace-both: b",
                "led-rx: *led1", "led-tx: led1", "led-conn: *led1", "mdns: true", "mdns-sysattrs: true",
                "mdns-port: 4000", "mdns-interface: -1", "mdns-nettype: IPv4", "mdns-name: n", "mdns-type: _t._tcp",
                "mdns-domain: local", "mdns-host: h", "mdns-txt: a=1", "mdns-txt: b=2", "timeout-on-os-queue: true",
                "connback-timeout: 7", "connback: 'tcp,h,1;tcp,h,2'", "remaddr: '!10.1.1.1,9'",
                "allowed-users: ' '");
        assertEquals(true, o.get("kickolduser"));
        assertEquals(true, o.get("telnet-brk-on-sync"));
        assertEquals(false, o.get("chardelay"));
        assertEquals(25, o.get("chardelay-scale"));
        assertEquals(16, o.get("chardelay-min"));
        assertEquals(8, o.get("chardelay-max"));
        assertEquals(2, o.get("dev-to-net-bufsize"));
        assertEquals(65536, o.get("net-to-dev-bufsize"));
        assertEquals(1, o.get("max-connections"));
        assertEquals(1, o.get("accepter-retry-time"));
        assertEquals(3, o.get("connector-retry-time"));
        assertEquals(true, o.get("no-con-to-acc"));
        assertEquals(true, o.get("no-acc-to-con"));
        assertEquals("", o.get("banner"));
        assertEquals("", o.get("signature"));
        assertEquals("OPEN\\r", o.get("openstr"));
        assertEquals("bye", o.get("closeon"));
        assertEquals("/tmp/r-\\p", o.get("trace-read"));
        assertEquals("led1", o.get("led-rx"));
        assertEquals("led1", o.get("led-conn"));
        assertEquals(4000, o.get("mdns-port"));
        assertEquals(-1, o.get("mdns-interface"));
        assertEquals("ipv4", o.get("mdns-nettype"));
        assertEquals(List.of("a=1", "b=2"), List.of((String[]) o.get("mdns-txt")));
        assertEquals(List.of("tcp,h,1", "tcp,h,2"), List.of((String[]) o.get("connback")));
        assertEquals(List.of("!10.1.1.1,9"), List.of((String[]) o.get("remaddr")));
        assertEquals(0, ((String[]) o.get("allowed-users")).length, "an empty list lets nobody in");
        assertEquals(7, o.get("connback-timeout"));
        for (Map.Entry<String, Object> e : o.entrySet()) {
            Object v = e.getValue();
            assertTrue(v instanceof Boolean || v instanceof Integer || v instanceof String || v instanceof String[],
                    e.toString());
        }
    }

    @Test
    void traceFlagsFollowTheirOrder() {
        Map<String, Object> o = options("trace-read-hexdump: true", "trace-hexdump: false", "trace-write-hexdump: true",
                "trace-timestamp:", "trace-both-timestamp: false");
        assertEquals(false, o.get("trace-read-hexdump"));
        assertEquals(true, o.get("trace-write-hexdump"));
        assertEquals(false, o.get("trace-both-hexdump"));
        assertEquals(true, o.get("trace-read-timestamp"));
        assertEquals(true, o.get("trace-write-timestamp"));
        assertEquals(false, o.get("trace-both-timestamp"));
        assertTrue(!o.containsKey("trace-hexdump"));
    }

    @Test
    void deprecatedSpellingsOfSer2net43() {
        Map<String, Object> o = options("kickolduser: true", "-kickolduser:", "telnet_brk_on_sync:", "-chardelay:",
                "trace-hexdump: true", "-tw-hexdump:", "-timestamp:", "remctl:");
        assertEquals(false, o.get("kickolduser"));
        assertEquals(true, o.get("telnet-brk-on-sync"));
        assertEquals(false, o.get("chardelay"));
        assertEquals(true, o.get("trace-read-hexdump"));
        assertEquals(false, o.get("trace-write-hexdump"));
        assertEquals(false, o.get("trace-read-timestamp"));
        Ser2netModel m = Configs.yaml("connection: &c", "  accepter: tcp,1", "  connector: echo", "  options:",
                "    tr: nosuch");
        assertNoErrors(m);
        assertEquals(List.of("t.yaml:1:1: Tracefile nosuch not found, it will be ignored"), m.warnings());
    }

    @Test
    void deviceOptionsGoOntoTheConnector() {
        Ser2netModel m = Configs.yaml("connection: &c", "  accepter: tcp,1", "  connector: serialdev,/dev/ttyS0",
                "  options:", "    9600:", "    8DATABITS:", "    EVEN:", "    -RTSCTS:", "    HANGUP_WHEN_DONE:",
                "    LOCAL:", "    kickolduser: true");
        assertNoErrors(m);
        assertEquals("serialdev,/dev/ttyS0,9600,8DATABITS,EVEN,rtscts=false,hangup-when-done,LOCAL",
                connection(m, "c").connector());
    }

    @Test
    void connectionNumbersAreTakenAsSer2netTakesThem() {
        // ser2net's ranges apply to default: entries only; its own test suite uses chardelay-min 5 s
        Map<String, Object> o = options("chardelay-min: 5000000", "chardelay-max: 5000000", "chardelay-scale: 5000",
                "max-connections: 0", "dev-to-net-bufsize: 1");
        assertEquals(5000000, o.get("chardelay-min"));
        assertEquals(5000000, o.get("chardelay-max"));
        assertEquals(5000, o.get("chardelay-scale"));
        assertEquals(1, o.get("max-connections"));
        assertEquals(2, o.get("dev-to-net-bufsize"));
    }

    @Test
    void unknownAndBadOptionsAreErrorsAtTheirKey() {
        assertEquals("t.yaml:5:5: Unknown config item: bogusopt=1", error("bogusopt: 1"));
        assertEquals("t.yaml:5:5: Unknown config item: local", error("local:"));
        assertEquals("t.yaml:5:5: Unknown config item: max-connections (max-connections needs a value)",
                error("max-connections:"));
        assertEquals("t.yaml:5:5: max-connections=4294967296 is out of range, use 0 to 2147483647",
                error("max-connections: 4294967296"));
        assertEquals("t.yaml:5:5: chardelay-scale=-1 is out of range, use 0 to 2147483647",
                error("chardelay-scale: -1"));
        assertEquals("t.yaml:5:5: Invalid number for chardelay-min: fast", error("chardelay-min: fast"));
        assertEquals("t.yaml:5:5: Invalid boolean for kickolduser: maybe (use true or false)",
                error("kickolduser: maybe"));
        assertEquals("t.yaml:5:5: Could not find led-rx LED: nope", error("led-rx: nope"));
        assertEquals("t.yaml:5:5: Error adding remote address '10.9.9.9': write host,port (port 0 accepts any port)",
                error("remaddr: 10.9.9.9"));
        assertEquals("t.yaml:5:5: Invalid value for mdns-nettype: ipx (use one of unspec, ipv4, ipv6)",
                error("mdns-nettype: ipx"));
        assertEquals("t.yaml:5:5: Unknown config item: authdir-admin=/x", error("authdir-admin: /x"));
    }

    @Test
    void theOptionTableCoversSer2netsOptions() {
        Set<String> names = Set.of("kickolduser", "max-connections", "banner", "signature", "openstr", "closestr",
                "closeon", "sendon", "chardelay", "chardelay-scale", "chardelay-min", "chardelay-max",
                "dev-to-net-bufsize", "net-to-dev-bufsize", "accepter-retry-time", "connector-retry-time",
                "trace-read", "trace-write", "trace-both", "telnet-brk-on-sync", "no-con-to-acc", "no-acc-to-con",
                "remaddr", "connback", "authdir", "pamauth", "allowed-users", "led-tx", "led-rx", "mdns",
                "mdns-sysattrs", "mdns-port", "mdns-interface", "mdns-nettype", "mdns-name", "mdns-type",
                "mdns-domain", "mdns-host", "mdns-txt");
        for (String n : names) {
            assertTrue(OptionTable.get(n) != null, n);
        }
        assertThrows(IllegalArgumentException.class, () -> OptionSpec.parseCNumber("x", "0x"));
        assertEquals(-5, OptionSpec.parseCNumber("x", "-5"));
    }
}
