package org.jser2net.ser2net.config.internal;

import static org.jser2net.ser2net.config.internal.ConfigAdminMapper.ADMIN_PID;
import static org.jser2net.ser2net.config.internal.ConfigAdminMapper.CONNECTION_PID;
import static org.jser2net.ser2net.config.internal.ConfigAdminMapper.LED_PID;
import static org.jser2net.ser2net.config.internal.ConfigAdminMapper.ROTATOR_PID;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Model to configurations: what is written, and that writing again changes nothing. */
class MappingTest {

    private static final String[] FULL = {
        "led: &l1", "  driver: sysfs", "  options: {device: x}",
        "connection: &a", "  accepter: tcp,3001", "  connector: echo", "  timeout: 30",
        "  options: {remaddr: '127.0.0.1,0', led-tx: *l1}",
        "connection: &b", "  accepter: tcp,3002", "  connector: echo", "  enable: off",
        "rotator: &r", "  accepter: tcp,3000", "  connections: [*a, *b]",
        "admin:", "  accepter: tcp,3400"};

    private final MemoryConfigStore store = new MemoryConfigStore();
    private final ConfigAdminMapper mapper = new ConfigAdminMapper(store);

    @Test
    void writesOneConfigurationPerThingWithTypedProperties() throws Exception {
        mapper.apply(Configs.yaml(FULL), "/etc/ser2net.yaml");
        Map<String, Object> a = store.get(CONNECTION_PID, "a");
        assertEquals("a", a.get("name"));
        assertEquals("tcp,3001", a.get("accepter"));
        assertEquals("echo", a.get("connector"));
        assertEquals(true, a.get("enable"));
        assertEquals(30, a.get("timeout"));
        assertEquals(1, a.get("max-connections"));
        assertEquals(false, a.get("kickolduser"));
        assertEquals("l1", a.get("led-tx"));
        assertArrayEquals(new String[] {"127.0.0.1,0"}, (String[]) a.get("remaddr"));
        assertEquals("/etc/ser2net.yaml", a.get(ConfigAdminMapper.SOURCE));
        assertEquals(false, store.get(CONNECTION_PID, "b").get("enable"));
        Map<String, Object> r = store.get(ROTATOR_PID, "r");
        assertArrayEquals(new String[] {"a", "b"}, (String[]) r.get("connections"));
        assertEquals("tcp,3000", r.get("accepter"));
        assertEquals("tcp,3400", store.get(ADMIN_PID, ConfigAdminMapper.ADMIN_NAME).get("accepter"));
        assertEquals("x", store.get(LED_PID, "l1").get("device"));
        assertEquals("put " + LED_PID + "~l1", store.writes.get(0), "an LED exists before what uses it");
    }

    @Test
    void applyingTheSameModelTwiceChangesNothing() throws Exception {
        mapper.apply(Configs.yaml(FULL), "src");
        int writes = store.writes.size();
        Map<String, MappingPlan> plans = mapper.apply(Configs.yaml(FULL), "src");
        assertEquals(writes, store.writes.size(), store.writes.toString());
        plans.values().forEach(p -> assertTrue(p.isEmpty(), p.toString()));
    }

    @Test
    void changesUpdateOnlyWhatChangedAndGoneThingsAreDeleted() throws Exception {
        mapper.apply(Configs.yaml(FULL), "src");
        store.writes.clear();
        Map<String, MappingPlan> plans = mapper.apply(Configs.yaml(
                "connection: &a", "  accepter: tcp,3001", "  connector: echo", "  timeout: 30",
                "  options: {remaddr: '127.0.0.1,0'}",
                "connection: &c", "  accepter: tcp,3003", "  connector: echo"), "src");
        assertEquals(new MappingPlan(List.of("c"), List.of("a"), List.of("b")), plans.get(CONNECTION_PID));
        assertEquals(List.of("delete " + ADMIN_PID + "~admin", "delete " + ROTATOR_PID + "~r",
                "delete " + CONNECTION_PID + "~b", "delete " + LED_PID + "~l1",
                "put " + CONNECTION_PID + "~a", "put " + CONNECTION_PID + "~c"), store.writes);
        assertNull(store.get(CONNECTION_PID, "a").get("led-tx"));
    }

    @Test
    void configurationsMadeByOthersAreLeftAlone() throws Exception {
        store.put(CONNECTION_PID, "karaf", new HashMap<>(Map.of("name", "karaf", "accepter", "tcp,9")));
        mapper.apply(Configs.yaml("connection: &a", "  accepter: tcp,1", "  connector: echo"), "src");
        assertNotNull(store.get(CONNECTION_PID, "karaf"));
    }

    @Test
    void planComparesArraysByContent() {
        Map<String, Map<String, Object>> old = Map.of("x", Map.of("a", new String[] {"1", "2"}, "b", 1));
        Map<String, Map<String, Object>> same = Map.of("x", Map.of("a", new String[] {"1", "2"}, "b", 1));
        Map<String, Map<String, Object>> other = Map.of("x", Map.of("a", new String[] {"1"}, "b", 1));
        assertTrue(MappingPlan.of(old, same).isEmpty());
        assertEquals(List.of("x"), MappingPlan.of(old, other).update());
    }
}
