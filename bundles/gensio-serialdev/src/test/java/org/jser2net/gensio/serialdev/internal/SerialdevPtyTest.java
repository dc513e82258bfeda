package org.jser2net.gensio.serialdev.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.GensioHandler;
import org.jser2net.gensio.api.serial.FlowControl;
import org.jser2net.gensio.api.serial.Parity;
import org.jser2net.gensio.api.serial.SerialControl;
import org.jser2net.gensio.api.serial.SerialControl.Line;
import org.jser2net.gensio.api.serial.SerialEvent;
import org.jser2net.gensio.core.testkit.Completion;
import org.jser2net.gensio.core.testkit.OnLoop;
import org.jser2net.gensio.core.testkit.Recorder;
import org.jser2net.gensio.core.testkit.TestRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** serialdev on socat pty pairs: settings read back with stty while open, data, vanishing, draining. */
@Timeout(60)
class SerialdevPtyTest {

    @TempDir
    Path dir;

    private final TestRegistry registry = new TestRegistry(1).terminal("serialdev", new SerialdevProvider())
            .terminal("sdev", new SerialdevProvider());
    private final List<Gensio> opened = new ArrayList<>();
    private PtyPair pty;

    @BeforeEach
    void startPty() throws Exception {
        pty = new PtyPair(dir);
    }

    @AfterEach
    void stop() throws Exception {
        for (Gensio g : opened) {
            Completion c = new Completion();
            OnLoop.run(g.loop(), () -> g.close(c));
            c.await();
        }
        pty.close();
        registry.close();
    }

    static Gensio open(TestRegistry registry, List<Gensio> opened, String stack) throws Exception {
        Gensio g = registry.connector(stack);
        Completion c = new Completion();
        OnLoop.run(g.loop(), () -> g.open(c));
        c.awaitSuccess();
        opened.add(g);
        return g;
    }

    private Gensio open(String stack) throws Exception {
        return open(registry, opened, stack);
    }

    private static void close(Gensio g) {
        Completion c = new Completion();
        g.loop().execute(() -> g.close(c));
        c.awaitSuccess();
    }

    static <T> T answer(Gensio g, Function<SerialControl, CompletionStage<T>> op) throws Exception {
        SerialControl ctl = g.capability(SerialControl.class).orElseThrow();
        return OnLoop.call(g.loop(), () -> op.apply(ctl)).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static void assertHas(List<String> stty, String... words) {
        for (String w : words) {
            assertTrue(stty.contains(w), "stty lacks " + w + ": " + stty);
        }
    }

    @Test
    void openSettingsReachTheDevice() throws Exception {
        Gensio g = open("serialdev," + pty.a + ",19200N82,rtscts,hangup-when-done");
        assertHas(PtyPair.stty(pty.a), "speed=19200", "cstopb", "crtscts", "-clocal", "hupcl", "-ixon", "-ixoff");
        close(g);
        open("sdev," + pty.a + ",38400,xonxoff,local,hangup-when-done=false");
        assertHas(PtyPair.stty(pty.a), "speed=38400", "-cstopb", "-crtscts", "ixon", "ixoff", "clocal", "-hupcl");
    }

    @Test
    void controlsChangeTheDeviceAndAnswerWithWhatThePtyHolds() throws Exception {
        Gensio g = open("serialdev," + pty.a + ",9600N81");
        assertEquals(115200, (int) answer(g, c -> c.baud(115200)));
        assertHas(PtyPair.stty(pty.a), "speed=115200", "-clocal");
        assertEquals(2, (int) answer(g, c -> c.stopBits(2)));
        assertEquals(FlowControl.RTSCTS, answer(g, c -> c.flowControl(FlowControl.RTSCTS)));
        assertHas(PtyPair.stty(pty.a), "cstopb", "crtscts", "-clocal");
        assertEquals(FlowControl.XONXOFF, answer(g, c -> c.flowControl(FlowControl.XONXOFF)));
        assertHas(PtyPair.stty(pty.a), "-crtscts", "ixon", "ixoff");
        assertEquals(8, (int) answer(g, c -> c.dataSize(7)), "a pty forces CS8");
        assertEquals(Parity.NONE, answer(g, c -> c.parity(Parity.EVEN)), "a pty forces no parity");
        assertHas(PtyPair.stty(pty.a), "cs8", "-parenb", "speed=115200");
        assertEquals(115200, (int) answer(g, c -> c.baud(0)), "0 only queries");
        assertEquals(false, answer(g, c -> c.line(Line.DTR, true)), "a pty has no modem lines");
        assertEquals(0, (int) answer(g, SerialControl::modemState));
        assertNull(answer(g, c -> c.signature(null)));
        assertEquals(true, answer(g, c -> c.breakState(true)));
        assertEquals(false, answer(g, c -> c.breakState(false)));
        assertNull(answer(g, c -> c.purge(true, true)));
        String raddr = OnLoop.call(g.loop(), g::remoteAddress);
        assertTrue(raddr.startsWith(pty.a + ",115200N82,XONXOFF"), raddr);
    }

    @Test
    void aMebibyteEachWayArrivesIntact() throws Exception {
        Gensio g = open("serialdev(readbuf=1024)," + pty.a + ",115200N81,local");
        byte[] down = new byte[1 << 20];
        byte[] up = new byte[1 << 20];
        new Random(1).nextBytes(down);
        new Random(2).nextBytes(up);
        Recorder r = new Recorder().consumeAtMost(700);
        OnLoop.run(g.loop(), () -> {
            g.setHandler(new ResumingHandler(r));
            g.setReadEnabled(true);
        });
        try (InputStream in = new FileInputStream(pty.b.toFile());
                FileOutputStream out = new FileOutputStream(pty.b.toFile())) {
            CompletableFuture<byte[]> got = CompletableFuture.supplyAsync(() -> readFully(in, down.length));
            CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> writeFully(out, up));
            r.send(g, down);
            assertArrayEquals(down, got.get(20, TimeUnit.SECONDS));
            sent.get(20, TimeUnit.SECONDS);
            assertArrayEquals(up, r.awaitBytes(up.length));
        }
    }

    @Test
    void noMoreIsReadWhileReadsAreDisabled() throws Exception {
        Gensio g = open("serialdev," + pty.a + ",local");
        Recorder r = new Recorder();
        OnLoop.run(g.loop(), () -> g.setHandler(r));
        byte[] data = new byte[256 * 1024];
        new Random(3).nextBytes(data);
        try (FileOutputStream out = new FileOutputStream(pty.b.toFile())) {
            CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> writeFully(out, data));
            Thread.sleep(500);
            assertFalse(sent.isDone(), "the device was read although reads were off");
            assertEquals(0, r.bytes().length);
            OnLoop.run(g.loop(), () -> g.setReadEnabled(true));
            assertArrayEquals(data, r.awaitBytes(data.length));
            sent.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aVanishingDeviceEndsTheStreamAndReopenWorksOnceItIsBack() throws Exception {
        Gensio g = open("serialdev," + pty.a + ",9600N81");
        Recorder r = new Recorder().attach(g);
        pty.kill();
        Throwable end = r.awaitEnd();
        assertNotNull(end);
        assertTrue(end.getMessage().startsWith("serialdev " + pty.a + ": device disappeared: "), end.getMessage());
        close(g);
        Completion missing = new Completion();
        OnLoop.run(g.loop(), () -> g.open(missing));
        assertEquals("serialdev " + pty.a + ": cannot open: no such device", missing.await().getMessage());
        pty.start();
        Completion reopen = new Completion();
        OnLoop.run(g.loop(), () -> g.open(reopen));
        reopen.awaitSuccess();
        try (InputStream in = new FileInputStream(pty.b.toFile())) {
            Recorder again = new Recorder().attach(g);
            again.send(g, "back");
            assertArrayEquals("back".getBytes(), readFully(in, 4));
        }
    }

    @Test
    void aRemovedDeviceNodeCountsAsVanished() throws Exception {
        Gensio g = open("serialdev," + pty.a + ",local");
        Recorder r = new Recorder().attach(g);
        Files.delete(pty.a);
        assertEquals("serialdev " + pty.a + ": device disappeared: device node " + pty.a + " was removed",
                r.awaitEnd().getMessage());
    }

    @Test
    void somethingThatIsNotATerminalFailsToOpenWithTheReason() throws Exception {
        Path file = Files.writeString(dir.resolve("plain"), "not a tty");
        Gensio g = registry.connector("serialdev," + file);
        Completion c = new Completion();
        OnLoop.run(g.loop(), () -> g.open(c));
        String message = c.await().getMessage();
        assertTrue(message.startsWith("serialdev " + file + ": cannot open: "), message);
    }

    @Test
    void closeDrainsWhatWasWritten() throws Exception {
        Gensio g = open("serialdev," + pty.a + ",local");
        byte[] data = new byte[SerialGensio.WRITE_BUFFER];
        new Random(4).nextBytes(data);
        try (InputStream in = new FileInputStream(pty.b.toFile())) {
            CompletableFuture<byte[]> got = CompletableFuture.supplyAsync(() -> readFully(in, data.length));
            int took = OnLoop.call(g.loop(), () -> g.write(ByteBuffer.wrap(data)));
            assertEquals(data.length, took);
            Completion closed = new Completion();
            OnLoop.run(g.loop(), () -> g.close(closed));
            closed.awaitSuccess();
            assertArrayEquals(data, got.get(10, TimeUnit.SECONDS), "output lost at close");
        }
    }

    @Test
    void closeGivesUpWhenTheOutputDoesNotMove() throws Exception {
        Gensio g = open("serialdev(char_drain_wait=10)," + pty.a + ",local");
        Recorder r = new Recorder().attach(g);
        r.send(g, new byte[1 << 20]);
        r.await(() -> r.sentCount() > 0, "some bytes taken");
        close(g);
        assertTrue(r.sentCount() < (1 << 20), "nobody read the other end, yet everything went out");
    }

    /** Passes events to a recorder and turns reads back on after it left bytes (the leftover rule). */
    static final class ResumingHandler implements GensioHandler {
        private final Recorder r;

        ResumingHandler(Recorder r) {
            this.r = r;
        }

        @Override
        public void onData(Gensio g, ByteBuffer data) {
            r.onData(g, data);
            if (data.hasRemaining()) {
                g.loop().execute(() -> g.setReadEnabled(true));
            }
        }

        @Override
        public void onWriteReady(Gensio g) {
            r.onWriteReady(g);
        }

        @Override
        public void onEnd(Gensio g, Throwable error) {
            r.onEnd(g, error);
        }

        @Override
        public void onSerialEvent(Gensio g, SerialEvent event) {
            r.onSerialEvent(g, event);
        }
    }

    static byte[] readFully(InputStream in, int n) {
        byte[] buf = new byte[n];
        try {
            int off = 0;
            while (off < n) {
                int k = in.read(buf, off, n - off);
                if (k < 0) {
                    throw new IOException("end of stream after " + off + " bytes");
                }
                off += k;
            }
            return buf;
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }

    static void writeFully(FileOutputStream out, byte[] data) {
        try {
            for (int off = 0; off < data.length; off += 4096) {
                out.write(data, off, Math.min(4096, data.length - off));
            }
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }
}
