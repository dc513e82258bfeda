package org.jser2net.runtime;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ser2net's daemon mode: the command line is checked in the foreground (so errors reach the
 * terminal), then the same JVM command is started again in a new session ({@code setsid}) with
 * stdio on {@code /dev/null}, and this process exits 0.
 */
final class Detacher {

    /** Set in the detached child's environment so it does not detach again. */
    static final String MARKER = "JSER2NET_DETACHED";

    private Detacher() {
    }

    /** True when ser2net would detach: no -n, -d, -G, and this is not already the detached child. */
    static boolean wanted(Options options) {
        return !options.foreground() && System.getenv(MARKER) == null;
    }

    /**
     * Starts the detached copy; {@code stdinText} (for {@code -c -}) is handed to it on its stdin.
     * Returns false if this JVM's command line is unknown, so the caller runs in the foreground.
     */
    static boolean respawn(String stdinText) throws IOException {
        ProcessHandle.Info info = ProcessHandle.current().info();
        Optional<String> command = info.command();
        Optional<String[]> arguments = info.arguments();
        if (command.isEmpty() || arguments.isEmpty()) {
            return false;
        }
        List<String> cmd = new ArrayList<>();
        Path setsid = Path.of("/usr/bin/setsid");
        if (Files.isExecutable(setsid)) {
            cmd.add(setsid.toString());
        } else if (Files.isExecutable(Path.of("/bin/setsid"))) {
            cmd.add("/bin/setsid");
        }
        cmd.add(command.get());
        cmd.addAll(List.of(arguments.get()));
        ProcessBuilder builder = new ProcessBuilder(cmd);
        builder.environment().put(MARKER, "1");
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.redirectInput(stdinText == null ? ProcessBuilder.Redirect.from(new File("/dev/null"))
                : ProcessBuilder.Redirect.PIPE);
        Process child = builder.start();
        if (stdinText != null) {
            try (OutputStream in = child.getOutputStream()) {
                in.write(stdinText.getBytes(StandardCharsets.UTF_8));
            }
        }
        return true;
    }
}
