package org.jser2net.ser2net.core.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;

/** The ports of this daemon by connection name, for rotators (and later the admin interfaces). */
@Component(service = PortDirectory.class)
public final class PortDirectory {

    private final Map<String, Port> ports = new ConcurrentHashMap<>();

    void add(Port port) {
        ports.put(port.name(), port);
    }

    void remove(Port port) {
        ports.remove(port.name(), port);
    }

    /** True when another port with the same connector holds its device (ser2net: one device, one user). */
    boolean deviceBusy(Port asking) {
        String connector = asking.settings().connector();
        for (Port p : ports.values()) {
            if (p != asking && p.holdsDevice() && p.settings().connector().equals(connector)) {
                return true;
            }
        }
        return false;
    }

    /** The port named {@code name}, or null. */
    Port get(String name) {
        return ports.get(name);
    }
}
