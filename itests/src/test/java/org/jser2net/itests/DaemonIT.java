package org.jser2net.itests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole daemon as a user runs it: flags, Ready, the echo demo, signals, bad configuration. */
class DaemonIT {

    @TempDir
    Path dir;

    private static String echoConnection(String name, int port) {
        return "connection: &" + name + "\n  accepter: tcp,127.0.0.1," + port + "\n  connector: echo\n";
    }

    private static void assertEchoes(int port, String text) throws Exception {
        try (Socket s = Net.connect(port, 10)) {
            OutputStream out = s.getOutputStream();
            out.write(text.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] back = Net.readN(s.getInputStream(), text.length());
            assertEquals(text, new String(back, StandardCharsets.US_ASCII));
        }
    }

    @Test
    void shippedDefaultConfigIsReadyAndEchoes() throws Exception {
        Path shipped = Daemon.HOME.resolve("conf/ser2net.yaml");
        try (Daemon d = Daemon.ready(shipped)) {
            assertEchoes(2000, "hello jser2net\n");
        }
    }

    @Test
    void rootScriptRunsTheShippedDemo() throws Exception {
        Path root = Path.of(System.getProperty("jser2net.root", ".."));
        try (Daemon d = Daemon.run(root.resolve("jser2net"), "-n", "-r", "-c",
                root.resolve("config/ser2net.yaml").toString())) {
            d.awaitLine("Ready", 30);
            assertEchoes(2000, "from ./jser2net\n");
        }
    }

    @Test
    void sigtermStopsWithinTwoSeconds() throws Exception {
        int port = Net.freePort();
        try (Daemon d = Daemon.ready(Daemon.writeConfig(dir, echoConnection("e", port)))) {
            assertEchoes(port, "x");
            long t0 = System.nanoTime();
            d.signal("TERM");
            assertTrue(d.process.waitFor(2, TimeUnit.SECONDS), "still running 2 s after SIGTERM");
            System.out.printf("SIGTERM -> exit %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        }
    }

    @Test
    void sighupReloadAddsAndRemovesConnections() throws Exception {
        int p1 = Net.freePort();
        int p2 = Net.freePort();
        Path cfg = Daemon.writeConfig(dir, echoConnection("one", p1));
        try (Daemon d = Daemon.ready(cfg)) {
            assertEchoes(p1, "before");
            Daemon.writeConfig(dir, echoConnection("two", p2));
            d.signal("HUP");
            assertEchoes(p2, "after reload");
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            boolean gone = false;
            while (!gone && System.nanoTime() < end) {
                try (Socket s = new Socket("127.0.0.1", p1)) {
                    Thread.sleep(50);
                } catch (java.net.ConnectException e) {
                    gone = true;
                }
            }
            assertTrue(gone, "connection 'one' still listens after it was removed and reloaded");
        }
    }

    @Test
    void reloadWhileAUserIsConnectedNeitherCrashesNorDropsThem() throws Exception {
        int p1 = Net.freePort();
        int p2 = Net.freePort();
        Path cfg = Daemon.writeConfig(dir, echoConnection("busy", p1));
        try (Daemon d = Daemon.ready(cfg)) {
            Socket user = Net.connect(p1, 10);
            assertEquals("a", echo(user, "a"));
            d.signal("HUP");
            assertEquals("b", echo(user, "b"));
            Daemon.writeConfig(dir, echoConnection("busy", p2));
            d.signal("HUP");
            assertEquals("c", echo(user, "c"));
            user.close();
            assertEchoes(p2, "moved after the user left");
            assertTrue(d.process.isAlive(), "the daemon must survive (4.3.11 aborts here)");
        }
    }

    private static String echo(Socket s, String text) throws Exception {
        s.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        return new String(Net.readN(s.getInputStream(), text.length()), StandardCharsets.US_ASCII);
    }

    @Test
    void badConnectionIsReportedAndTheRestServes() throws Exception {
        int good = Net.freePort();
        Path cfg = Daemon.writeConfig(dir, echoConnection("good", good)
                + "connection: &bad\n  accepter: tcp,127.0.0.1,1\n  connector: echo\n  options:\n    bogusopt: 1\n");
        try (Daemon d = Daemon.ready(cfg)) {
            assertEchoes(good, "still serving");
            assertTrue(d.stderr().contains(cfg + ":8:5: Unknown config item: bogusopt=1"), d.stderr());
        }
    }

    @Test
    void strictMakesAConfigErrorFatal() throws Exception {
        Path cfg = Daemon.writeConfig(dir, "connection: &bad\n  accepter: tcp,127.0.0.1,1\n  bogus: 1\n");
        try (Daemon d = Daemon.start("-n", "-r", "--strict", "-c", cfg.toString())) {
            assertTrue(d.process.waitFor(30, TimeUnit.SECONDS), "did not exit");
            assertEquals(1, d.process.exitValue());
            assertTrue(d.stderr().contains(cfg + ":3:3: Invalid token in the connection bad: bogus"), d.stderr());
        }
    }

    @Test
    void yamlFragmentsOnTheCommandLine() throws Exception {
        int port = Net.freePort();
        try (Daemon d = Daemon.start("-n", "-r", "-Y", "connection: &y1#  accepter: tcp,127.0.0.1," + port
                + "#  connector: echo")) {
            d.awaitLine("Ready", 30);
            assertEchoes(port, "from -Y");
        }
    }

    @Test
    void severalLoopsServeSeveralPorts() throws Exception {
        int[] ports = {Net.freePort(), Net.freePort(), Net.freePort(), Net.freePort()};
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < ports.length; i++) {
            // distinct connector strings: ser2net gives one device (connector) to one connection at a time
            yaml.append(echoConnection("c" + i, ports[i]).replace("connector: echo", "connector: echo(readbuf=" + (1000 + i) + ")"));
        }
        try (Daemon d = Daemon.ready(Daemon.writeConfig(dir, yaml.toString()), "-t", "4")) {
            for (int i = 0; i < ports.length; i++) {
                assertEchoes(ports[i], "port " + i);
            }
        }
    }

    @Test
    void versionFlag() throws Exception {
        try (Daemon d = Daemon.start("-v")) {
            d.awaitLineMatching(".*/bin/jser2net version \\d+\\.\\d+\\.\\d+.*", 30);
            assertTrue(d.process.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, d.process.exitValue());
        }
    }

    @Test
    void secondClientIsRefusedWithSer2netsMessage() throws Exception {
        int port = Net.freePort();
        try (Daemon d = Daemon.ready(Daemon.writeConfig(dir, echoConnection("e", port)));
             Socket first = Net.connect(port, 10)) {
            first.getOutputStream().write('a');
            assertEquals('a', first.getInputStream().read());
            try (Socket second = Net.connect(port, 10)) {
                byte[] msg = second.getInputStream().readAllBytes();
                assertArrayEquals("Port already in use\r\n".getBytes(StandardCharsets.US_ASCII), msg);
            }
        }
    }
}
