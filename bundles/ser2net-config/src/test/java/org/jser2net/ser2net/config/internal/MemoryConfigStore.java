package org.jser2net.ser2net.config.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A ConfigStore in memory that records every write, standing in for ConfigurationAdmin. */
final class MemoryConfigStore implements ConfigStore {

    final Map<String, Map<String, Map<String, Object>>> configs = new HashMap<>();
    final List<String> writes = new ArrayList<>();

    @Override
    public Map<String, Map<String, Object>> owned(String factoryPid) {
        Map<String, Map<String, Object>> out = new HashMap<>();
        configs.getOrDefault(factoryPid, Map.of()).forEach((name, props) -> {
            if (props.containsKey(ConfigAdminMapper.SOURCE)) {
                out.put(name, props);
            }
        });
        return out;
    }

    @Override
    public void put(String factoryPid, String name, Map<String, Object> properties) {
        writes.add("put " + factoryPid + "~" + name);
        configs.computeIfAbsent(factoryPid, p -> new HashMap<>()).put(name, new HashMap<>(properties));
    }

    @Override
    public void delete(String factoryPid, String name) {
        writes.add("delete " + factoryPid + "~" + name);
        configs.get(factoryPid).remove(name);
    }

    Map<String, Object> get(String factoryPid, String name) {
        return configs.getOrDefault(factoryPid, Map.of()).get(name);
    }
}
