package org.jser2net.ser2net.config.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a model as named factory configurations, one per connection, rotator, LED and admin port,
 * touching only what changed; configurations it made earlier for things that are gone are deleted.
 * Configurations made by others (Karaf's config:edit of a new name) are left alone.
 */
public final class ConfigAdminMapper {

    /** ser2net-core's connection component. */
    public static final String CONNECTION_PID = "org.jser2net.connection";
    public static final String ROTATOR_PID = "org.jser2net.rotator";
    /** The admin port; at most one configuration, named {@value #ADMIN_NAME}. */
    public static final String ADMIN_PID = "org.jser2net.admin";
    public static final String ADMIN_NAME = "admin";
    public static final String LED_PID = "org.jser2net.led";
    /** Marks configurations this mapper owns; its value says where they came from. */
    public static final String SOURCE = "jser2net.source";

    /** Deleted in this order (users before what they use), written in the reverse one. */
    private static final List<String> DELETE_ORDER = List.of(ADMIN_PID, ROTATOR_PID, CONNECTION_PID, LED_PID);
    private static final List<String> PUT_ORDER = List.of(LED_PID, CONNECTION_PID, ROTATOR_PID, ADMIN_PID);

    private static final Logger LOG = LoggerFactory.getLogger(ConfigAdminMapper.class);

    private final ConfigStore store;

    public ConfigAdminMapper(ConfigStore store) {
        this.store = store;
    }

    /** Applies {@code model}; {@code source} marks what it writes. Returns the plan carried out, by PID. */
    public Map<String, MappingPlan> apply(Ser2netModel model, String source) throws IOException {
        Map<String, Map<String, Map<String, Object>>> wanted = wanted(model, source);
        Map<String, MappingPlan> plans = new LinkedHashMap<>();
        for (String pid : DELETE_ORDER) {
            plans.put(pid, MappingPlan.of(store.owned(pid), wanted.get(pid)));
        }
        for (String pid : DELETE_ORDER) {
            for (String name : plans.get(pid).delete()) {
                LOG.debug("{} {} removed", kind(pid), name);
                store.delete(pid, name);
            }
        }
        for (String pid : PUT_ORDER) {
            MappingPlan plan = plans.get(pid);
            for (String name : plan.update()) {
                LOG.debug("{} {} changed", kind(pid), name);
                store.put(pid, name, wanted.get(pid).get(name));
            }
            for (String name : plan.create()) {
                LOG.debug("{} {} added", kind(pid), name);
                store.put(pid, name, wanted.get(pid).get(name));
            }
        }
        return plans;
    }

    /** The configurations {@code model} asks for: PID, then name, then properties. */
    static Map<String, Map<String, Map<String, Object>>> wanted(Ser2netModel model, String source) {
        Map<String, Map<String, Map<String, Object>>> out = new HashMap<>();
        Map<String, Map<String, Object>> connections = new LinkedHashMap<>();
        for (ConnectionDef c : model.connections()) {
            Map<String, Object> p = new HashMap<>(c.options());
            p.put("name", c.name());
            p.put("accepter", c.accepter());
            p.put("connector", c.connector());
            p.put("enable", c.enable());
            p.put("timeout", c.timeout());
            connections.put(c.name(), mark(p, source));
        }
        Map<String, Map<String, Object>> rotators = new LinkedHashMap<>();
        for (RotatorDef r : model.rotators()) {
            for (String member : r.connections()) {
                Map<String, Object> c = connections.get(member);
                if (c != null) {
                    // a rotator hands its clients to its connections on one thread: theirs
                    c.putIfAbsent(LOOP_GROUP, r.name());
                }
            }
            Map<String, Object> p = new HashMap<>(r.options());
            p.put("name", r.name());
            p.put("accepter", r.accepter());
            p.put("connections", r.connections().toArray(String[]::new));
            rotators.put(r.name(), mark(p, source));
        }
        Map<String, Map<String, Object>> leds = new LinkedHashMap<>();
        for (LedDef l : model.leds()) {
            Map<String, Object> p = new HashMap<>(l.options());
            p.put("name", l.name());
            p.put("driver", l.driver());
            leds.put(l.name(), mark(p, source));
        }
        Map<String, Map<String, Object>> admin = new LinkedHashMap<>();
        AdminDef a = model.admin();
        if (a != null) {
            Map<String, Object> p = new HashMap<>(a.options());
            p.put("accepter", a.accepter());
            if (a.name() != null) {
                p.put("name", a.name());
            }
            admin.put(ADMIN_NAME, mark(p, "-p".equals(a.location()) ? "-p" : source));
        }
        out.put(CONNECTION_PID, connections);
        out.put(ROTATOR_PID, rotators);
        out.put(LED_PID, leds);
        out.put(ADMIN_PID, admin);
        return out;
    }

    /** Connection property naming the group (a rotator) whose members share an event loop. */
    static final String LOOP_GROUP = "jser2net.loop-group";

    private static Map<String, Object> mark(Map<String, Object> p, String source) {
        p.put(SOURCE, source);
        return p;
    }

    private static String kind(String pid) {
        return pid.substring(pid.lastIndexOf('.') + 1);
    }
}
