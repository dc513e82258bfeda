package org.jser2net.gensio.serialdev.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Sets the two termios flags jSerialComm does not manage, CLOCAL and HUPCL, with stty(1) on the open
 * device: a tty's settings are shared by everyone who opens it, so they apply to our descriptor too.
 * jSerialComm switches CLOCAL on at every reconfiguration, so this runs after each one.
 */
final class SttyFlags {

    private static final boolean BSD_STYLE = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).matches(
            ".*(mac|bsd|darwin).*");

    private SttyFlags() {
    }

    /** True when the device needs stty after jSerialComm configured it (CLOCAL off, or HUPCL chosen). */
    static boolean needed(SerialConfig config) {
        return config.termios() && (!config.local() || config.hangupWhenDone() != null);
    }

    /** Applies CLOCAL and, unless null, HUPCL to {@code device}. */
    static void apply(String device, boolean clocal, Boolean hupcl) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("stty", BSD_STYLE ? "-f" : "-F", device, clocal ? "clocal" : "-clocal"));
        if (hupcl != null) {
            cmd.add(hupcl ? "hupcl" : "-hupcl");
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            p.getOutputStream().close();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", cmd) + " did not finish");
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", cmd) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + " interrupted", e);
        }
    }
}
