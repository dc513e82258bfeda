package org.jser2net.ser2net.config.internal;

import static org.jser2net.ser2net.config.internal.Configs.assertNoErrors;
import static org.jser2net.ser2net.config.internal.Configs.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** rotator:, admin: and led: entries. */
class ItemsTest {

    @Test
    void rotatorWithOptionsAndDefaults() {
        Ser2netModel m = Configs.yaml(
                "connection: &a", "  accepter: dummy", "  connector: echo",
                "connection: &b", "  accepter: dummy", "  connector: echo",
                "default: {name: authdir, value: /auth, class: ser2net}",
                "rotator: &rot",
                "  accepter: telnet,tcp,3000",
                "  connections: [ *a, *b, c ]",
                "  options:",
                "    allowed-users: 'x y'",
                "    accepter-retry-time: 0",
                "rotator: &plain",
                "  accepter: 3001",
                "  connections:",
                "    - a");
        assertNoErrors(m);
        RotatorDef r = m.rotators().get(0);
        assertEquals("rot", r.name());
        assertEquals("telnet,tcp,3000", r.accepter());
        assertEquals(List.of("a", "b", "c"), r.connections());
        assertEquals("/auth", r.options().get("authdir"));
        assertEquals(1, r.options().get("accepter-retry-time"));
        assertEquals(List.of("x", "y"), List.of((String[]) r.options().get("allowed-users")));
        assertTrue(!r.options().containsKey("pamauth"));
        assertEquals("tcp,3001", m.rotators().get(1).accepter());
        assertEquals(10, m.rotators().get(1).options().get("accepter-retry-time"));
        assertEquals(List.of("t.yaml:8:1: rotator rot names connection c, which does not exist"), m.warnings());
    }

    @Test
    void badRotators() {
        Ser2netModel m = Configs.yaml("rotator: &r1", "  accepter: tcp,1", "  connections: []",
                "rotator: &r2", "  connections: [a]",
                "rotator: &r3", "  accepter: tcp,3", "  connections: [a]", "  options: {banner: x}",
                "rotator: &r4", "  accepter: tcp,4", "  connections: a");
        assertTrue(m.rotators().isEmpty());
        assertEquals(List.of("t.yaml:1:1: No connections given in rotator r1",
                "t.yaml:4:1: No accepter given in rotator r2",
                "t.yaml:9:13: Invalid option banner=x for rotator",
                "t.yaml:12:16: The connections of the rotator r4 must be a list, like [ *con1, *con2 ]"), errors(m));
    }

    @Test
    void adminPortWithOptionsAndOnlyOne() {
        Ser2netModel m = Configs.yaml("admin: &ctl", "  accepter: tcp,localhost,3400", "  options:",
                "    pamauth-admin: ser2net", "    bogus: 1",
                "admin:", "  accepter: tcp,3401");
        assertNoErrors(m);
        AdminDef a = m.admin();
        assertEquals("ctl", a.name());
        assertEquals("tcp,localhost,3400", a.accepter());
        assertEquals(Map.of("pamauth-admin", "ser2net", "authdir-admin", "/etc/ser2net/auth", "mdns-interface", -1,
                "mdns-name", "ctl"), a.options());
        assertEquals(List.of("t.yaml:1:1: Invalid option to admin port: bogus=1",
                "t.yaml:6:1: Admin port already configured at t.yaml:1:1"), m.warnings());
    }

    @Test
    void theCommandLineAdminPortWins() {
        Ser2netModel m = Configs.source(Map.of(ConfigSource.ADMIN, "3400",
                ConfigSource.YAML + 0, "admin:#  accepter: tcp,3999")).read();
        assertNoErrors(m);
        assertEquals("tcp,3400", m.admin().accepter());
        assertEquals("-p", m.admin().location());
        assertNull(m.admin().name());
        assertTrue(m.warnings().get(0).contains("Admin port already configured with -p"), m.warnings().toString());
    }

    @Test
    void ledsAndTheirErrors() {
        Ser2netModel m = Configs.yaml("led: &rx", "  driver: sysfs", "  options:", "    device: 'beaglebone:green:usr0'",
                "    duration: 20", "    state: 2", "    mode: solid",
                "led: &tx", "  driver: sysfs", "  options:", "    device: x", "    duration: -3",
                "led: &bad", "  driver: gpio", "  options: {device: y}",
                "led: &nodev", "  driver: sysfs", "  options: {state: 1}",
                "led: &rx", "  driver: sysfs", "  options: {device: z}");
        assertEquals(List.of("rx", "tx"), m.leds().stream().map(LedDef::name).toList());
        assertEquals(Map.of("device", "beaglebone:green:usr0", "duration", 20, "state", 2, "mode", "solid"),
                m.leds().get(0).options());
        assertEquals(10, m.leds().get(1).options().get("duration"));
        assertEquals(List.of("t.yaml:13:1: Unknown LED driver 'gpio' for LED 'bad'",
                "t.yaml:16:1: LED 'nodev': parameter 'device' required, but missing",
                "t.yaml:19:1: LED rx already exists"), errors(m));
    }
}
