package org.jser2net.ser2net.config.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jser2net.ser2net.config.internal.ModelBuilder.RawOption;
import org.jser2net.ser2net.config.internal.OldDefinitions.Kind;

/**
 * Reads the old ser2net.conf format of ser2net 3 (still read by 4.3.11): port lines
 * {@code [host,]port:state:timeout:device:options} and the definition lines (BANNER, DEVICE,
 * TRACEFILE, DEFAULT, ROTATOR, LED, CONTROLPORT, ...), into the same model as the YAML.
 */
final class OldConfigReader {

    /** The first {@code :state:} on a port line; everything before it is the port. */
    private static final Pattern STATE = Pattern.compile(":(telnet|rawlp|raw|off|on):");

    private final ModelBuilder model;

    OldConfigReader(ModelBuilder model) {
        this.model = model;
    }

    /** Reads a whole file: lines ending in a backslash continue on the next line. */
    void readFile(String source, String text) {
        StringBuilder pending = new StringBuilder();
        int start = 0;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (pending.length() == 0) {
                start = i + 1;
            }
            if (line.endsWith("\\")) {
                pending.append(line, 0, line.length() - 1);
                continue;
            }
            pending.append(line);
            line(pending.toString(), source + ":" + start);
            pending.setLength(0);
        }
        if (pending.length() > 0) {
            line(pending.toString(), source + ":" + start);
        }
    }

    /** Reads one line (a {@code -C} argument, or a line of a file); {@code where} names it. */
    void line(String line, String where) {
        if (line.isEmpty() || line.startsWith("#")) {
            return;
        }
        int colon = line.indexOf(':');
        String keyword = colon < 0 ? "" : line.substring(0, colon);
        String rest = colon < 0 ? "" : line.substring(colon + 1);
        switch (keyword) {
            case "BANNER": case "SIGNATURE": case "OPENSTR": case "CLOSESTR": case "CLOSEON": case "DEVICE":
                named(Kind.valueOf(keyword), rest, where);
                return;
            case "TRACEFILE": case "RS485CONF":
                String[] nr = nameAndRest(rest);
                if (nr[0] == null || nr[1] == null || nr[1].isEmpty()) {
                    model.error(where, "No " + (keyword.equals("TRACEFILE") ? "tracefile name or file"
                            : "RS485 name or configuration") + " given");
                } else if (keyword.equals("TRACEFILE")) {
                    model.old.traceFile(nr[0], nr[1]);
                } else {
                    model.old.rs485(nr[0], nr[1]);
                }
                return;
            case "CONTROLPORT":
                model.admin(null, rest, List.of(), where);
                return;
            case "DEFAULT":
                setDefault(rest, where);
                return;
            case "DELDEFAULT":
                String[] nc = nameAndRest(rest);
                if (nc[0] == null || nc[1] == null || nc[1].equals("ser2net") || nc[1].equals("default")) {
                    model.error(where, "Can only delete class default");
                } else {
                    model.deleteDefault(nc[1].strip(), nc[0], where);
                }
                return;
            case "ROTATOR":
                String[] rot = nameAndRest(rest);
                List<String> ports = rot[1] == null ? List.of() : words(rot[1]);
                if (rot[0] == null || ports.isEmpty()) {
                    model.error(where, "No rotator name or ports given");
                } else {
                    model.rotator(rot[0], rot[0], ports, List.of(), where);
                }
                return;
            case "LED":
                led(rest, where);
                return;
            default:
                port(line, where);
        }
    }

    private void named(Kind kind, String rest, String where) {
        String[] nr = nameAndRest(rest);
        if (nr[0] == null) {
            model.error(where, "No " + kind.name().toLowerCase(java.util.Locale.ROOT) + " name given");
        } else {
            model.old.string(kind, nr[0], nr[1]);
        }
    }

    private void setDefault(String rest, String where) {
        String[] nr = nameAndRest(rest);
        if (nr[0] == null) {
            model.error(where, "No default name given");
            return;
        }
        String value = nr[1];
        String cls = null;
        if (value != null && value.indexOf(':') >= 0) {
            cls = value.substring(value.indexOf(':') + 1).strip();
            value = value.substring(0, value.indexOf(':'));
        }
        model.setDefault(cls == null || cls.isEmpty() ? null : cls, nr[0],
                value == null || value.isEmpty() ? null : value, where);
    }

    private void led(String rest, String where) {
        String[] nr = nameAndRest(rest);
        String[] dr = nr[1] == null ? new String[] {null, null} : nameAndRest(nr[1]);
        if (nr[0] == null || dr[0] == null) {
            model.error(where, "No LED name or driver given");
            return;
        }
        List<RawOption> options = new ArrayList<>();
        for (String w : dr[1] == null ? List.<String>of() : words(dr[1])) {
            int eq = w.indexOf('=');
            options.add(eq < 0 ? new RawOption(w, null, where) : new RawOption(w.substring(0, eq),
                    w.substring(eq + 1), where));
        }
        model.led(nr[0], dr[0], options, where);
    }

    private void port(String line, String where) {
        Matcher m = STATE.matcher(line);
        if (!m.find()) {
            model.error(where, "No state given");
            return;
        }
        String port = line.substring(0, m.start());
        String state = m.group(1);
        String[] fields = line.substring(m.end()).split(":", 3);
        if (fields[0].isEmpty()) {
            model.error(where, "No timeout given");
            return;
        }
        int timeout;
        try {
            timeout = OptionSpec.integer("timeout", 0, Integer.MAX_VALUE, 0, false)
                    .checkRange(OptionSpec.parseCNumber("timeout", fields[0]));
        } catch (IllegalArgumentException e) {
            model.error(where, "Invalid timeout '" + fields[0] + "'");
            return;
        }
        if (fields.length < 2 || fields[1].isEmpty()) {
            model.error(where, "No device name given");
            return;
        }
        OldDefinitions.Named device = model.old.string(fields[1]);
        String connector = device != null && device.kind() == Kind.DEVICE ? device.text() : fields[1];
        List<RawOption> options = new ArrayList<>();
        for (String w : fields.length < 3 ? List.<String>of() : words(fields[2])) {
            int eq = w.indexOf('=');
            options.add(eq < 0 ? new RawOption(w, null, where)
                    : new RawOption(w.substring(0, eq), w.substring(eq + 1), where));
        }
        model.connection(new ModelBuilder.ConnectionInput(port, port, connector, !state.equals("off"), timeout,
                options, where, true, state.equals("telnet"), state.equals("rawlp")));
    }

    /** ser2net's {@code strtok(":")} then the rest: the name (leading colons skipped) and what follows. */
    private static String[] nameAndRest(String text) {
        int i = 0;
        while (i < text.length() && text.charAt(i) == ':') {
            i++;
        }
        if (i == text.length()) {
            return new String[] {null, null};
        }
        int colon = text.indexOf(':', i);
        if (colon < 0) {
            return new String[] {text.substring(i), null};
        }
        String rest = text.substring(colon + 1);
        return new String[] {text.substring(i, colon), rest.isEmpty() ? null : rest};
    }

    /** Splits at blanks, as gensio's argv parser does; quotes keep blanks in a word. */
    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder w = null;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == 0 && Character.isWhitespace(c)) {
                if (w != null) {
                    out.add(w.toString());
                    w = null;
                }
                continue;
            }
            w = w == null ? new StringBuilder() : w;
            if (quote != 0 && c == quote) {
                quote = 0;
            } else if (quote == 0 && (c == '"' || c == '\'')) {
                quote = c;
            } else if (c == '\\' && i + 1 < text.length()) {
                w.append(text.charAt(++i));
            } else {
                w.append(c);
            }
        }
        if (w != null) {
            out.add(w.toString());
        }
        return out;
    }
}
