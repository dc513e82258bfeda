package org.jser2net.ser2net.core.internal;

/**
 * The raw values of ser2net's {@code trace-*} options: three file name templates (with ser2net escapes)
 * and each file's hexdump and timestamp flags. {@code trace-hexdump} and {@code trace-timestamp} are not
 * fields: they set the flag of all three files, so whoever reads the options applies them in order.
 *
 * @param read {@code trace-read}: device to network data, or null
 * @param write {@code trace-write}: network to device data, or null
 * @param both {@code trace-both}: both directions, or null
 * @param readHexdump {@code trace-read-hexdump}
 * @param readTimestamp {@code trace-read-timestamp}
 * @param writeHexdump {@code trace-write-hexdump}
 * @param writeTimestamp {@code trace-write-timestamp}
 * @param bothHexdump {@code trace-both-hexdump}
 * @param bothTimestamp {@code trace-both-timestamp}
 */
record TraceSettings(String read, String write, String both, boolean readHexdump, boolean readTimestamp,
        boolean writeHexdump, boolean writeTimestamp, boolean bothHexdump, boolean bothTimestamp) {

    /** No tracing at all. */
    static final TraceSettings NONE = new TraceSettings(null, null, null, false, false, false, false, false, false);

    /** An empty file name means no file, as an unset option does. */
    TraceSettings {
        read = blankToNull(read);
        write = blankToNull(write);
        both = blankToNull(both);
    }

    /** The three files with the same flags for all, as {@code trace-hexdump} and {@code trace-timestamp} set. */
    static TraceSettings of(String read, String write, String both, boolean hexdump, boolean timestamp) {
        return new TraceSettings(read, write, both, hexdump, timestamp, hexdump, timestamp, hexdump, timestamp);
    }

    /** Whether any trace file is named. */
    boolean any() {
        return read != null || write != null || both != null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
