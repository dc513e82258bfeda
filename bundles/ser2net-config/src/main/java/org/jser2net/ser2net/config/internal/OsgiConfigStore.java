package org.jser2net.ser2net.config.internal;

import java.io.IOException;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** {@link ConfigStore} on ConfigurationAdmin: named factory configurations ({@code factoryPid~name}). */
final class OsgiConfigStore implements ConfigStore {

    private static final Set<String> OWN_KEYS = Set.of(Constants.SERVICE_PID, ConfigurationAdmin.SERVICE_FACTORYPID,
            ConfigurationAdmin.SERVICE_BUNDLELOCATION);

    private final ConfigurationAdmin admin;

    OsgiConfigStore(ConfigurationAdmin admin) {
        this.admin = admin;
    }

    @Override
    public Map<String, Map<String, Object>> owned(String factoryPid) throws IOException {
        Configuration[] all;
        try {
            all = admin.listConfigurations("(&(" + ConfigurationAdmin.SERVICE_FACTORYPID + "=" + factoryPid + ")("
                    + ConfigAdminMapper.SOURCE + "=*))");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Map<String, Object>> out = new HashMap<>();
        for (Configuration c : all == null ? new Configuration[0] : all) {
            String pid = c.getPid();
            int tilde = pid.indexOf('~');
            Dictionary<String, Object> p = c.getProperties();
            if (tilde < 0 || p == null) {
                continue;
            }
            Map<String, Object> props = new HashMap<>();
            for (Enumeration<String> keys = p.keys(); keys.hasMoreElements();) {
                String k = keys.nextElement();
                if (!OWN_KEYS.contains(k)) {
                    props.put(k, p.get(k));
                }
            }
            out.put(pid.substring(tilde + 1), props);
        }
        return Collections.unmodifiableMap(out);
    }

    @Override
    public void put(String factoryPid, String name, Map<String, Object> properties) throws IOException {
        admin.getFactoryConfiguration(factoryPid, name, "?").updateIfDifferent(new Hashtable<>(properties));
    }

    @Override
    public void delete(String factoryPid, String name) throws IOException {
        admin.getFactoryConfiguration(factoryPid, name, "?").delete();
    }
}
