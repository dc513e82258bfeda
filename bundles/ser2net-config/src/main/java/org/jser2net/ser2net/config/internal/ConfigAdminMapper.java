package org.jser2net.ser2net.config.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes connections as named factory configurations, one per connection, touching only what
 * changed; configurations it made earlier for connections that are gone are deleted. Configurations
 * made by others (Karaf's config:edit) are left alone.
 */
public final class ConfigAdminMapper {

    /** The factory PID of ser2net-core's connection component. */
    public static final String CONNECTION_PID = "org.jser2net.connection";
    /** Marks configurations this mapper owns. */
    public static final String SOURCE = "jser2net.source";

    private static final Logger LOG = LoggerFactory.getLogger(ConfigAdminMapper.class);

    private final ConfigurationAdmin admin;

    public ConfigAdminMapper(ConfigurationAdmin admin) {
        this.admin = admin;
    }

    /** Applies {@code connections}; returns the names now configured. */
    public Set<String> apply(List<ConnectionDef> connections, String source) throws IOException {
        Set<String> names = new HashSet<>();
        for (ConnectionDef c : connections) {
            if (!names.add(c.name())) {
                LOG.error("{}: Duplicate connection name: {}", c.location(), c.name());
                continue;
            }
            Configuration cfg = admin.getFactoryConfiguration(CONNECTION_PID, c.name(), "?");
            if (cfg.updateIfDifferent(properties(c, source))) {
                LOG.debug("connection {} configured from {}", c.name(), c.location());
            }
        }
        for (Configuration cfg : owned()) {
            Object name = cfg.getProperties().get("name");
            if (!names.contains(name)) {
                LOG.debug("connection {} removed", name);
                cfg.delete();
            }
        }
        return names;
    }

    private List<Configuration> owned() throws IOException {
        try {
            Configuration[] all = admin.listConfigurations(
                    "(&(service.factoryPid=" + CONNECTION_PID + ")(" + SOURCE + "=*))");
            return all == null ? List.of() : List.of(all);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Dictionary<String, Object> properties(ConnectionDef c, String source) {
        Hashtable<String, Object> p = new Hashtable<>(c.options());
        p.put("name", c.name());
        p.put("accepter", c.accepter());
        p.put("connector", c.connector());
        p.put("enable", c.enable());
        p.put(SOURCE, source);
        return p;
    }
}
