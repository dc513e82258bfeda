package org.jser2net.gensio.serialdev.internal;

import java.io.IOException;
import java.nio.file.Path;

/** What kind of terminal a device path names, for the defaults that differ (as gensio decides them). */
final class DeviceKind {

    private DeviceKind() {
    }

    /**
     * True for a pseudo-terminal: the path (after symbolic links) is under {@code /dev/pts/}, or is a
     * BSD-style slave {@code /dev/tty[p-za-e][0-9a-f]}. A pty has no modem lines and forces CS8
     * without parity.
     */
    static boolean isPty(String device) {
        String real;
        try {
            real = Path.of(device).toRealPath().toString();
        } catch (IOException | RuntimeException e) {
            real = device;
        }
        if (real.startsWith("/dev/pts/")) {
            return true;
        }
        if (!real.startsWith("/dev/tty") || real.length() != 10) {
            return false;
        }
        char a = real.charAt(8);
        char b = real.charAt(9);
        return ((a >= 'a' && a <= 'e') || (a >= 'p' && a <= 'z')) && ((b >= '0' && b <= '9') || (b >= 'a' && b <= 'f'));
    }

    /** True for {@code /dev/tty} itself (the controlling terminal), which is never locked. */
    static boolean isControllingTty(String device) {
        int slash = device.lastIndexOf('/');
        return device.substring(slash + 1).equals("tty");
    }
}
