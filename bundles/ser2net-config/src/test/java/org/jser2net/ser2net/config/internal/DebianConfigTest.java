package org.jser2net.ser2net.config.internal;

import static org.jser2net.ser2net.config.internal.Configs.assertNoErrors;
import static org.jser2net.ser2net.config.internal.Configs.connection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file built like Debian's /etc/ser2net.yaml reads into the ports ser2net makes of it. */
class DebianConfigTest {

    @TempDir
    Path dir;

    @Test
    void debianStyleFileReadsAsSer2netReadsIt() throws Exception {
        Path f = Configs.write(dir, "ser2net.yaml",
                "%YAML 1.1",
                "---",
                "# A simple configuration in the style Debian ships.",
                "#",
                "define: &banner \\r\\nser2net port \\p device \\d [\\B] (Debian GNU/Linux)\\r\\n\\r\\n",
                "",
                "connection: &con0096",
                "    accepter: tcp,localhost,2000",
                "    enable: on",
                "    options:",
                "      banner: *banner",
                "      kickolduser: true",
                "      telnet-brk-on-sync: true",
                "    connector: serialdev,",
                "              /dev/ttyS0,",
                "              9600n81,local",
                "",
                "connection: &con1192",
                "    accepter: tcp,localhost,3001",
                "    enable: off",
                "    options:",
                "      banner: *banner",
                "      kickolduser: true",
                "      telnet-brk-on-sync: true",
                "    connector: serialdev,",
                "              /dev/ttyS1,",
                "              19200n81,local");
        Ser2netModel m = Configs.read(f);
        assertNoErrors(m);
        assertEquals(List.of(), m.warnings());
        assertEquals(List.of("con0096", "con1192"), Configs.names(m));
        ConnectionDef c = connection(m, "con0096");
        assertEquals("tcp,localhost,2000", c.accepter());
        // YAML folds the continuation lines into single spaces, and ser2net passes that on as is
        assertEquals("serialdev, /dev/ttyS0, 9600n81,local", c.connector());
        assertTrue(c.enable());
        assertEquals("\\r\\nser2net port \\p device \\d [\\B] (Debian GNU/Linux)\\r\\n\\r\\n",
                c.options().get("banner"));
        assertEquals(true, c.options().get("kickolduser"));
        assertEquals(true, c.options().get("telnet-brk-on-sync"));
        assertEquals(f.toString() + ":7:1", c.location());
        ConnectionDef off = connection(m, "con1192");
        assertEquals(false, off.enable());
        assertEquals("serialdev, /dev/ttyS1, 19200n81,local", off.connector());
        assertEquals(c.options().get("banner"), off.options().get("banner"));
        assertEquals(Set.of(f.toAbsolutePath().normalize()), m.files());
    }

    @Test
    void everyConnectionCarriesSer2netsDefaultsForWhatItDoesNotSet() {
        Ser2netModel m = Configs.yaml("connection: &c", "  accepter: tcp,1", "  connector: echo");
        assertNoErrors(m);
        java.util.Map<String, Object> o = m.connections().get(0).options();
        assertEquals(false, o.get("kickolduser"));
        assertEquals(false, o.get("telnet-brk-on-sync"));
        assertEquals(true, o.get("chardelay"));
        assertEquals(20, o.get("chardelay-scale"));
        assertEquals(1000, o.get("chardelay-min"));
        assertEquals(20000, o.get("chardelay-max"));
        assertEquals(64, o.get("dev-to-net-bufsize"));
        assertEquals(64, o.get("net-to-dev-bufsize"));
        assertEquals(1, o.get("max-connections"));
        assertEquals(10, o.get("accepter-retry-time"));
        assertEquals(10, o.get("connector-retry-time"));
        assertEquals("ser2net", o.get("signature"));
        assertEquals("/usr/share/ser2net/auth", o.get("authdir"));
        assertEquals(-1, o.get("mdns-interface"));
        assertEquals("unspec", o.get("mdns-nettype"));
        assertEquals(false, o.get("trace-read-hexdump"));
        assertEquals(false, o.get("no-con-to-acc"));
        for (String unset : List.of("banner", "openstr", "closestr", "closeon", "sendon", "remaddr", "connback",
                "pamauth", "allowed-users", "trace-read", "led-rx", "mdns-name", "mdns-txt")) {
            assertTrue(!o.containsKey(unset), unset);
        }
    }
}
