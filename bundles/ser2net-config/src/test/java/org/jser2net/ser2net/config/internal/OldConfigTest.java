package org.jser2net.ser2net.config.internal;

import static org.jser2net.ser2net.config.internal.Configs.connection;
import static org.jser2net.ser2net.config.internal.Configs.errors;
import static org.jser2net.ser2net.config.internal.Configs.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The old ser2net.conf format (files not named .yaml and not starting with %YAML, and -C lines). */
class OldConfigTest {

    @TempDir
    Path dir;

    @Test
    void portAndDefinitionLines() throws Exception {
        Path f = Configs.write(dir, "ser2net.conf",
                "# old style",
                "BANNER:b1:Old banner for \\p dev \\d\\r\\n",
                "CONTROLPORT:127.0.0.1,3300",
                "3301:raw:600:/dev/ttyC:9600 NONE 1STOPBIT 8DATABITS LOCAL banner=b1",
                "127.0.0.1,3302:telnet:0:/dev/ttyC:19200 EVEN 7DATABITS remctl",
                "3303:raw:0:/dev/ttyD:b1 kickolduser",
                "DEVICE:dev1:/dev/ttyUSB0",
                "DEFAULT:max-connections:3:ser2net",
                "3304:rawlp:0:dev1:",
                "3305:off:0:/dev/ttyE:\\",
                "  -RTSCTS",
                "::1,3306:telnet:0:/dev/ttyF:",
                "TRACEFILE:tr1:/tmp/trace-\\p",
                "RS485CONF:r1:1:2:3:4",
                "3307:raw:0:/dev/ttyG:tr=tr1 rs485=r1",
                "ROTATOR:3310:3301 3303",
                "LED:l1:sysfs:device=a:b duration=5");
        Ser2netModel m = Configs.read(f);
        assertEquals(List.of(), errors(m));
        assertEquals(List.of(f + ": Using old config file format, this will go away soon."
                + "  Please switch to the yaml-based format."), m.warnings());
        assertEquals(List.of("3301", "127.0.0.1,3302", "3303", "3304", "3305", "::1,3306", "3307"), names(m));
        ConnectionDef a = connection(m, "3301");
        assertEquals("tcp,3301", a.accepter());
        assertEquals("serialdev,/dev/ttyC,9600,NONE,1STOPBIT,8DATABITS,LOCAL", a.connector());
        assertEquals(600, a.timeout());
        assertEquals("b1", a.options().get("banner"));
        assertEquals(1, a.options().get("max-connections"));
        ConnectionDef b = connection(m, "127.0.0.1,3302");
        assertEquals("telnet(rfc2217=true),tcp,127.0.0.1,3302", b.accepter());
        assertEquals("serialdev,/dev/ttyC,19200,EVEN,7DATABITS", b.connector());
        assertEquals("Old banner for \\p dev \\d\\r\\n", connection(m, "3303").options().get("banner"));
        assertEquals(true, connection(m, "3303").options().get("kickolduser"));
        ConnectionDef lp = connection(m, "3304");
        assertEquals("serialdev,/dev/ttyUSB0,WRONLY", lp.connector());
        assertEquals(3, lp.options().get("max-connections"));
        assertEquals(false, connection(m, "3305").enable());
        assertEquals("serialdev,/dev/ttyE,rtscts=false", connection(m, "3305").connector());
        assertEquals("telnet,tcp,::1,3306", connection(m, "::1,3306").accepter());
        ConnectionDef t = connection(m, "3307");
        assertEquals("/tmp/trace-\\p", t.options().get("trace-read"));
        assertEquals("serialdev,/dev/ttyG,rs485=1:2:3:4", t.connector());
        assertEquals("tcp,127.0.0.1,3300", m.admin().accepter());
        assertEquals("tcp,3310", m.rotators().get(0).accepter());
        assertEquals(List.of("3301", "3303"), m.rotators().get(0).connections());
        assertEquals(Map.of("device", "a:b", "duration", 5, "state", 1, "mode", "transient"),
                m.leds().get(0).options());
        assertEquals(f + ":4", a.location());
    }

    @Test
    void badLinesAreReportedWithTheirLineNumber() throws Exception {
        Path f = Configs.write(dir, "ser2net.conf",
                "3301:bogus:0:/dev/ttyS0:",
                "3302:raw:soon:/dev/ttyS0:",
                "3303:raw:0::",
                "3304:raw:0:/dev/ttyS0:bogusopt",
                "DELDEFAULT:speed:ser2net",
                "3305:raw:0:/dev/ttyS0:");
        Ser2netModel m = Configs.read(f);
        assertEquals(List.of(f + ":1: No state given", f + ":2: Invalid timeout 'soon'",
                f + ":3: No device name given", f + ":4: Unknown config item: bogusopt",
                f + ":5: Can only delete class default"), errors(m));
        assertEquals(List.of("3305"), names(m));
    }

    @Test
    void commandLineLinesAndFormatDetection() throws Exception {
        Ser2netModel m = Configs.source(Map.of(ConfigSource.CONF + 0, "BANNER:b:hi",
                ConfigSource.CONF + 1, "3801:telnet:0:/dev/ttyS0:b")).read();
        assertEquals(List.of(), errors(m));
        assertEquals("hi", connection(m, "3801").options().get("banner"));
        assertEquals("telnet,tcp,3801", connection(m, "3801").accepter());
        Path yamlWithoutSuffix = Configs.write(dir, "conf", "%YAML 1.1", "---", "connection: &y", "  accepter: tcp,1",
                "  connector: echo");
        assertEquals(List.of("y"), names(Configs.read(yamlWithoutSuffix)));
        assertTrue(Configs.read(yamlWithoutSuffix).warnings().isEmpty());
    }
}
