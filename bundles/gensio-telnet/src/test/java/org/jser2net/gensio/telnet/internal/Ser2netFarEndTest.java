package org.jser2net.gensio.telnet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.serial.Parity;
import org.jser2net.gensio.api.serial.SerialControl;
import org.jser2net.gensio.core.testkit.OnLoop;
import org.jser2net.gensio.core.testkit.Recorder;
import org.jser2net.gensio.core.testkit.TestRegistry;
import org.jser2net.gensio.tcp.internal.TcpTerminalProvider;
import org.jser2net.gensio.telnet.TelnetControl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our RFC 2217 client with the C ser2net 4.3.11 as the far end, over a pty "device" that echoes in
 * upper case and reports its line speed: the settings we ask for reach the device.
 */
class Ser2netFarEndTest {

    /** A pty pair: prints the slave's name, echoes upper case, answers "?" on stdin with the speed. */
    private static final String PTY = String.join("\n",
            "import os, sys, select, termios, tty",
            "m, s = os.openpty()",
            "tty.setraw(m)",
            "print(os.ttyname(s), flush=True)",
            "while True:",
            "    r, _, _ = select.select([m, 0], [], [], 5.0)",
            "    if 0 in r:",
            "        line = sys.stdin.readline()",
            "        if not line:",
            "            break",
            "        a = termios.tcgetattr(s)",
            "        print('speed', a[4], flush=True)",
            "    if m in r:",
            "        try:",
            "            d = os.read(m, 4096)",
            "        except OSError:",
            "            continue",
            "        os.write(m, d.upper())",
            "");

    @TempDir
    Path dir;

    private static <T> T ask(Gensio g, Function<SerialControl, CompletionStage<T>> op) throws Exception {
        SerialControl sc = OnLoop.call(g.loop(), () -> g.capability(SerialControl.class).orElseThrow());
        return OnLoop.call(g.loop(), () -> op.apply(sc)).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void remoteSer2netPortIsDrivenLikeALocalDevice() throws Exception {
        ToolProcess.require("/usr/sbin/ser2net", "ser2net");
        ToolProcess.require("/usr/bin/python3", "python3");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (ToolProcess pty = ToolProcess.start("/usr/bin/python3", "-c", PTY)) {
            String slave = pty.awaitStdout("\n").trim();
            Path config = dir.resolve("ser2net.yaml");
            Files.writeString(config, String.join("\n", "%YAML 1.1", "---", "connection: &far",
                    "  accepter: telnet(rfc2217),tcp,127.0.0.1," + port,
                    "  connector: serialdev," + slave + ",9600n81,local",
                    "  options:", "    signature: far-end", ""), StandardCharsets.UTF_8);
            try (ToolProcess ser2net = ToolProcess.start("/usr/sbin/ser2net", "-n", "-u", "-r", "-c",
                    config.toString());
                    TestRegistry registry = new TestRegistry(1).terminal("tcp", new TcpTerminalProvider())
                            .filter("telnet", new TelnetProvider())) {
                ser2net.awaitStdout("Ready");
                Recorder user = new Recorder();
                Gensio g = registry.connector("telnet(rfc2217),tcp,127.0.0.1," + port);
                Throwable error = OnLoop.open(g, user);
                assertEquals(null, error);
                user.attach(g);
                assertTrue(OnLoop.call(g.loop(), () -> g.capability(TelnetControl.class).orElseThrow().comPortActive()));
                assertEquals("far-end", ask(g, sc -> sc.signature(null)));
                assertEquals(19200, (int) ask(g, sc -> sc.baud(19200)));
                assertEquals(7, (int) ask(g, sc -> sc.dataSize(7)));
                assertEquals(Parity.NONE, ask(g, sc -> sc.parity(null)));
                assertEquals(19200, (int) ask(g, sc -> sc.baud(0)));
                pty.send("?\n");
                pty.awaitStdout("speed 14\n"); // B19200 (a pty keeps CS8 whatever is asked, so no size check)
                user.send(g, "hello \u00ff".getBytes(StandardCharsets.ISO_8859_1));
                assertEquals("HELLO \u00ff", new String(user.awaitBytes(7), StandardCharsets.ISO_8859_1));
                OnLoop.close(g);
            } finally {
                pty.closeStdin();
            }
        }
    }
}
