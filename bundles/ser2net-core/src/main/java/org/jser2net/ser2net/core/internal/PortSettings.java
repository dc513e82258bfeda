package org.jser2net.ser2net.core.internal;

/**
 * The settings of one port, range-checked: what a {@link Port} runs with. Stacks are kept as text and
 * parsed each time the port starts, so a filter type installed later is recognised.
 */
record PortSettings(String name, String accepter, String connector, boolean enabled, int maxConnections,
        boolean kickOldUser, int timeoutSeconds, String banner, String openstr, String closestr,
        String closeon, String sendon, boolean chardelay, int chardelayScale, int chardelayMin,
        int chardelayMax, int devToNetBufsize, boolean noConToAcc, boolean noAccToCon,
        int accepterRetrySeconds, TraceSettings trace, RemoteAddresses remaddr, int connectorRetrySeconds,
        String signature, boolean telnetBrkOnSync) {

    PortSettings {
        range("max-connections", maxConnections, 1, Integer.MAX_VALUE);
        range("timeout", timeoutSeconds, 0, Integer.MAX_VALUE);
        range("chardelay-scale", chardelayScale, 0, Integer.MAX_VALUE);
        range("chardelay-min", chardelayMin, 0, Integer.MAX_VALUE);
        range("chardelay-max", chardelayMax, 0, Integer.MAX_VALUE);
        range("dev-to-net-bufsize", devToNetBufsize, 0, Integer.MAX_VALUE);
        accepterRetrySeconds = Math.max(1, accepterRetrySeconds);
        devToNetBufsize = Math.max(2, devToNetBufsize);
        trace = trace == null ? TraceSettings.NONE : trace;
        remaddr = remaddr == null ? RemoteAddresses.NONE : remaddr;
        signature = signature == null ? "ser2net" : signature;
    }

    /** A port with ser2net's defaults, for tests and simple callers. */
    static PortSettings of(String name, String accepter, String connector) {
        return new PortSettings(name, accepter, connector, true, 1, false, 0, null, null, null, null, null,
                true, 20, 1000, 20000, 64, false, false, 10, TraceSettings.NONE, RemoteAddresses.NONE, 10, "ser2net",
                false);
    }

    static PortSettings from(ConnectionConfiguration c) {
        return new PortSettings(c.name(), c.accepter(), c.connector(), c.enable(), c.max$_$connections(),
                c.kickolduser(), c.timeout(), c.banner(), c.openstr(), c.closestr(), c.closeon(), c.sendon(),
                c.chardelay(), c.chardelay$_$scale(), c.chardelay$_$min(), c.chardelay$_$max(),
                c.dev$_$to$_$net$_$bufsize(), c.no$_$con$_$to$_$acc(), c.no$_$acc$_$to$_$con(),
                c.accepter$_$retry$_$time(),
                new TraceSettings(c.trace$_$read(), c.trace$_$write(), c.trace$_$both(), c.trace$_$read$_$hexdump(),
                        c.trace$_$read$_$timestamp(), c.trace$_$write$_$hexdump(), c.trace$_$write$_$timestamp(),
                        c.trace$_$both$_$hexdump(), c.trace$_$both$_$timestamp()),
                RemoteAddresses.parse(c.remaddr() == null ? java.util.List.of() : java.util.List.of(c.remaddr()),
                        c.connback() == null ? java.util.List.of() : java.util.List.of(c.connback())),
                Math.max(1, c.connector$_$retry$_$time()), c.signature(), c.telnet$_$brk$_$on$_$sync());
    }

    /** The connect-back connectors: {@code connback} entries and {@code !} entries of {@code remaddr}. */
    java.util.List<String> connbacks() {
        return remaddr.connectBack();
    }

    private static void range(String what, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " must be " + min + " to " + max + ", not " + value);
        }
    }

    PortSettings withEnabled(boolean on) {
        return new PortSettings(name, accepter, connector, on, maxConnections, kickOldUser, timeoutSeconds,
                banner, openstr, closestr, closeon, sendon, chardelay, chardelayScale, chardelayMin,
                chardelayMax, devToNetBufsize, noConToAcc, noAccToCon, accepterRetrySeconds, trace, remaddr, connectorRetrySeconds, signature, telnetBrkOnSync);
    }

    PortSettings withChardelay(boolean on) {
        return new PortSettings(name, accepter, connector, enabled, maxConnections, kickOldUser, timeoutSeconds,
                banner, openstr, closestr, closeon, sendon, on, chardelayScale, chardelayMin,
                chardelayMax, devToNetBufsize, noConToAcc, noAccToCon, accepterRetrySeconds, trace, remaddr, connectorRetrySeconds, signature, telnetBrkOnSync);
    }

    PortSettings withTrace(TraceSettings t) {
        return new PortSettings(name, accepter, connector, enabled, maxConnections, kickOldUser, timeoutSeconds,
                banner, openstr, closestr, closeon, sendon, chardelay, chardelayScale, chardelayMin,
                chardelayMax, devToNetBufsize, noConToAcc, noAccToCon, accepterRetrySeconds, t, remaddr, connectorRetrySeconds, signature, telnetBrkOnSync);
    }

    PortSettings withRemaddr(RemoteAddresses r) {
        return new PortSettings(name, accepter, connector, enabled, maxConnections, kickOldUser, timeoutSeconds,
                banner, openstr, closestr, closeon, sendon, chardelay, chardelayScale, chardelayMin,
                chardelayMax, devToNetBufsize, noConToAcc, noAccToCon, accepterRetrySeconds, trace, r, connectorRetrySeconds, signature, telnetBrkOnSync);
    }
}
