package org.jser2net.gensio.telnet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jser2net.gensio.api.Accepter;
import org.jser2net.gensio.api.AccepterHandler;
import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.serial.FlowControl;
import org.jser2net.gensio.api.serial.Parity;
import org.jser2net.gensio.api.serial.SerialEvent;
import org.jser2net.gensio.api.serial.SerialEvent.Kind;
import org.jser2net.gensio.core.testkit.Completion;
import org.jser2net.gensio.core.testkit.OnLoop;
import org.jser2net.gensio.core.testkit.Recorder;
import org.jser2net.gensio.core.testkit.TestRegistry;
import org.jser2net.gensio.tcp.internal.TcpTerminalProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real clients against {@code telnet(rfc2217),tcp,127.0.0.1,0}: netkit telnet, pyserial's
 * {@code rfc2217://} and gensiot. Each connection is echoed and its RFC 2217 requests answered by
 * a {@link FakePort}. A missing program fails the test with the package to install.
 */
class TelnetInteropTest {

    private TestRegistry registry;
    private Accepter accepter;
    private final BlockingQueue<FakePort> ports = new LinkedBlockingQueue<>();
    private int port;

    @BeforeEach
    void listen() throws Exception {
        registry = new TestRegistry(1).terminal("tcp", new TcpTerminalProvider()).filter("telnet", new TelnetProvider());
        accepter = registry.accepter("telnet(rfc2217),tcp,127.0.0.1,0");
        accepter.setHandler(new AccepterHandler() {
            @Override
            public void onConnection(Accepter from, Gensio gensio) {
                FakePort p = new FakePort(true, true);
                p.modemState = 0x10; // CTS
                p.attach(gensio);
                ports.add(p);
            }

            @Override
            public void onAcceptError(Accepter from, String remoteAddress, Throwable error) {
            }
        });
        Completion up = new Completion();
        accepter.startup(up);
        up.awaitSuccess();
        port = ((InetSocketAddress) accepter.localAddresses().get(0)).getPort();
    }

    @AfterEach
    void stop() {
        Completion down = new Completion();
        accepter.shutdown(down);
        down.await();
        registry.close();
    }

    private FakePort nextPort() throws InterruptedException {
        FakePort p = ports.poll(Recorder.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (p == null) {
            throw new AssertionError("no connection arrived");
        }
        return p;
    }

    @Test
    void netkitTelnetPassesDataAndDoublesIac() throws Exception {
        ToolProcess.require("/usr/bin/telnet", "telnet");
        try (ToolProcess telnet = ToolProcess.start("/usr/bin/telnet", "127.0.0.1", Integer.toString(port))) {
            FakePort p = nextPort();
            // Until BINARY is on both ways, netkit telnet would turn newlines into CR LF.
            TelnetGensio g = (TelnetGensio) p.gensio;
            OnLoop.waitFor(g.loop(), "BINARY both ways", () -> g.optionEnabled(Telnet.OPT_BINARY, true)
                    && g.optionEnabled(Telnet.OPT_BINARY, false));
            telnet.send("hello\n");
            telnet.awaitStdout("hello\n");
            telnet.send("\u00ffX\u0000\r\n");
            // The client doubles 255 on the wire, we undo it, echo, double it again, and it undoes that.
            telnet.awaitStdout("hello\n\u00ffX\u0000\r\n");
            assertEquals("hello\n\u00ffX\u0000\r\n", new String(p.recorder.awaitBytes(11),
                    java.nio.charset.StandardCharsets.ISO_8859_1));
            assertTrue(p.requests.isEmpty(), "netkit telnet refuses COM-PORT: " + p.requests);
        }
    }

    @Test
    void pyserialOpensSetsTheLineAndExchangesData() throws Exception {
        ToolProcess.require("/usr/bin/python3", "python3");
        String script = String.join("\n",
                "import serial, sys",
                "try:",
                "    import serial.rfc2217",
                "except ImportError:",
                "    sys.exit('python3-serial is missing: apt-get install -y python3-serial')",
                "s = serial.serial_for_url('rfc2217://127.0.0.1:" + port + "', baudrate=19200, bytesize=7,",
                "                          parity='E', stopbits=2, rtscts=True, timeout=5)",
                "s.write(b'ping\\xff\\x00\\r\\n')",
                "data = s.read(8)",
                "print('echo', data.hex())",
                "print('cts', s.cts)",
                "s.baudrate = 38400",
                "s.break_condition = True",
                "s.break_condition = False",
                "s.dtr = False",
                "s.reset_input_buffer()",
                "s.close()",
                "print('done')",
                "");
        try (ToolProcess py = ToolProcess.start("/usr/bin/python3", "-c", script)) {
            FakePort p = nextPort();
            py.closeStdin();
            int rc = py.awaitExit();
            String out = py.stdoutText();
            assertEquals(0, rc, "pyserial failed: " + out + py.stderrText());
            assertTrue(out.contains("echo 70696e67ff000d0a"), out);
            assertTrue(out.contains("cts True"), out);
            assertTrue(out.contains("done"), out);
            assertEquals(38400, p.baud);
            assertEquals(7, p.dataSize);
            assertEquals(Parity.EVEN, p.parity);
            assertEquals(2, p.stopBits);
            assertEquals(FlowControl.RTSCTS, p.flow);
            assertEquals(false, p.dtr);
            List<SerialEvent> asked = p.requests;
            assertTrue(asked.contains(SerialEvent.of(Kind.SET_BAUD, 19200)), asked.toString());
            assertTrue(asked.contains(SerialEvent.of(Kind.SET_BREAK, 1)), asked.toString());
            assertTrue(asked.contains(SerialEvent.of(Kind.SET_BREAK, 2)), asked.toString());
            assertTrue(asked.contains(SerialEvent.of(Kind.PURGE, 1)), asked.toString());
        }
    }

    @Test
    void gensiotTalksRfc2217AndData() throws Exception {
        ToolProcess.require("/usr/bin/gensiot", "gensio-bin");
        try (ToolProcess gensiot = ToolProcess.start("/usr/bin/gensiot", "-e", "0x1c",
                "telnet(rfc2217),tcp,127.0.0.1," + port)) {
            FakePort p = nextPort();
            gensiot.send("hello\u00ff world\n");
            gensiot.awaitStdout("hello\u00ff world\n");
            gensiot.send("\u001cd");
            gensiot.awaitStdout("Signature: ser2net");
            gensiot.awaitStdout("Speed: 9600N81");
            gensiot.send("\u001cs19200\n");
            p.recorder.await(() -> p.baud == 19200, "baud 19200 set by gensiot");
            gensiot.send("\u001cb");
            p.recorder.await(() -> p.requests.contains(SerialEvent.of(Kind.SEND_BREAK, 0)), "gensiot's break");
            assertEquals("hello\u00ff world\n", new String(p.recorder.awaitBytes(13),
                    java.nio.charset.StandardCharsets.ISO_8859_1));
            gensiot.closeStdin();
            gensiot.awaitExit();
        }
    }
}
