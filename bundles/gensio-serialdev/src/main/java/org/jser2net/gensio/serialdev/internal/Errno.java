package org.jser2net.gensio.serialdev.internal;

import java.util.Map;

/** Linux errno numbers as jSerialComm reports them, turned into words for messages. */
final class Errno {

    private static final Map<Integer, String> TEXT = Map.ofEntries(
            Map.entry(1, "Operation not permitted"),
            Map.entry(2, "No such file or directory"),
            Map.entry(5, "Input/output error"),
            Map.entry(6, "No such device or address"),
            Map.entry(9, "Bad file descriptor"),
            Map.entry(11, "Resource temporarily unavailable (locked by another program?)"),
            Map.entry(13, "Permission denied"),
            Map.entry(16, "Device or resource busy"),
            Map.entry(19, "No such device"),
            Map.entry(22, "Invalid argument"),
            Map.entry(25, "Inappropriate ioctl for device"),
            Map.entry(32, "Broken pipe"),
            Map.entry(71, "Protocol error"),
            Map.entry(108, "Cannot send after transport endpoint shutdown"));

    private Errno() {
    }

    /** {@code "Input/output error (errno 5)"}, or just the number when it is not a known one. */
    static String describe(int errno) {
        String t = TEXT.get(errno);
        return t == null ? "errno " + errno : t + " (errno " + errno + ")";
    }
}
