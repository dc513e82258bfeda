package org.jser2net.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The hot-swap rule on tcp, in Felix with the bundles the distribution ships: stopping the tcp
 * bundle closes its accepters and the connection reports the missing type; starting it again brings
 * them back; a connection that does not use tcp is not disturbed.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class HotSwapIT {

    @Inject
    private BundleContext context;

    @Inject
    private ConfigurationAdmin configAdmin;

    @Configuration
    public Option[] config() {
        List<Option> opts = new ArrayList<>();
        File root = new File(System.getProperty("itest.bundles"));
        for (String level : List.of("1", "2")) {
            File[] jars = new File(root, level).listFiles((d, n) -> n.endsWith(".jar"));
            Arrays.sort(jars);
            for (File jar : jars) {
                opts.add(bundle(jar.toURI().toString()));
            }
        }
        opts.add(junitBundles());
        opts.add(cleanCaches());
        opts.add(frameworkProperty("gosh.args").value("--nointeractive"));
        opts.add(systemProperty("org.ops4j.pax.url.mvn.localRepository")
                .value(System.getProperty("org.ops4j.pax.url.mvn.localRepository", "")));
        return options(opts.toArray(new Option[0]));
    }

    @Test
    public void stoppingTcpTakesDownOnlyItsConnectionsAndStartingBringsThemBack() throws Exception {
        int tcpPort = freePort();
        int udpPort = freePort();
        connection("viatcp", "tcp,127.0.0.1," + tcpPort, "echo");
        // another connector string: ser2net gives one device to one connection at a time
        connection("viaudp", "udp,127.0.0.1," + udpPort, "echo(readbuf=2048)");
        assertEchoes(tcpPort);

        try (java.net.DatagramSocket udp = new java.net.DatagramSocket()) {
            udp.setSoTimeout(5000);
            udp.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), udpPort));
            assertEquals("u1", udpRoundTrip(udp, "u1"));

            Bundle tcp = installed("org.jser2net.gensio.tcp");
            tcp.stop();
            waitFor("tcp accepter closed", () -> refused(tcpPort));
            waitFor("missing type reported", () -> "waiting".equals(portProperty("viatcp", "ser2net.state")));
            assertTrue(String.valueOf(portProperty("viatcp", "ser2net.problem")).contains("tcp"));
            assertEquals("u2", udpRoundTrip(udp, "u2"));

            tcp.start();
            waitFor("tcp accepter back", () -> !refused(tcpPort));
            assertEchoes(tcpPort);
            assertEquals("up", portProperty("viatcp", "ser2net.state"));
            assertEquals("u3", udpRoundTrip(udp, "u3"));
        }
    }

    private void connection(String name, String accepter, String connector) throws IOException {
        org.osgi.service.cm.Configuration c = configAdmin.getFactoryConfiguration("org.jser2net.connection", name, "?");
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("name", name);
        p.put("accepter", accepter);
        p.put("connector", connector);
        c.update(p);
    }

    private Bundle installed(String bsn) {
        for (Bundle b : context.getBundles()) {
            if (bsn.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("bundle " + bsn + " not installed");
    }

    private Object portProperty(String name, String key) {
        try {
            ServiceReference<?>[] refs = context.getAllServiceReferences(null, "(ser2net.port=" + name + ")");
            return refs == null ? null : refs[0].getProperty(key);
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static boolean refused(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Connects until the port echoes (a probe connection may still hold the only slot for a moment). */
    private static void assertEchoes(int port) throws Exception {
        String[] last = {""};
        waitFor("port " + port + " echoes (last reply: " + last[0] + ")", () -> {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                s.setSoTimeout(5000);
                OutputStream out = s.getOutputStream();
                InputStream in = s.getInputStream();
                out.write("ping".getBytes("US-ASCII"));
                last[0] = new String(in.readNBytes(4), "US-ASCII");
                return "ping".equals(last[0]);
            } catch (IOException e) {
                last[0] = e.toString();
                return false;
            }
        });
    }

    private static String udpRoundTrip(java.net.DatagramSocket udp, String text) throws IOException {
        byte[] b = text.getBytes("US-ASCII");
        udp.send(new java.net.DatagramPacket(b, b.length));
        java.net.DatagramPacket in = new java.net.DatagramPacket(new byte[100], 100);
        udp.receive(in);
        return new String(in.getData(), 0, in.getLength(), "US-ASCII");
    }

    private static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("timed out waiting for: " + what);
            }
            Thread.sleep(50);
        }
    }
}
