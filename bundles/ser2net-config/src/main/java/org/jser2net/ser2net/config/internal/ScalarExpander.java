package org.jser2net.ser2net.config.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * ser2net's text substitutions inside scalars: {@code *(name)} is the alias's text and
 * {@code *{file}} the file's contents ({@code =(name)} and {@code ={file}} in version 2 files);
 * {@code *(*} and {@code *{*} give the two characters literally, {@code **} gives one {@code *}.
 */
final class ScalarExpander {

    private final Map<String, String> aliases;
    private final Map<Path, String> files;

    ScalarExpander(Map<String, String> aliases, Map<Path, String> files) {
        this.aliases = aliases;
        this.files = files;
    }

    /**
     * Expands {@code text}; {@code mark} is {@code *} or {@code =}, {@code base} the directory that
     * relative file names are read from. The exception's message says what is wrong.
     */
    String expand(String text, char mark, Path base) {
        if (text.indexOf(mark) < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != mark || i + 1 >= text.length()) {
                out.append(c);
                i++;
                continue;
            }
            char next = text.charAt(i + 1);
            if (next == mark) {
                out.append(mark);
                i += 2;
            } else if (next == '(' || next == '{') {
                i = substitute(text, i, mark, next, base, out);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private int substitute(String text, int at, char mark, char open, Path base, StringBuilder out) {
        int start = at + 2;
        if (start < text.length() && text.charAt(start) == mark) {
            out.append(mark).append(open);
            return start + 1;
        }
        char close = open == '(' ? ')' : '}';
        int end = text.indexOf(close, start);
        if (end < 0) {
            throw new IllegalArgumentException((open == '(' ? "Missing ')' for alias" : "Missing '}' for filename")
                    + " at '" + text.substring(at) + "'");
        }
        String name = text.substring(start, end);
        if (open == '(') {
            String value = aliases.get(name);
            if (value == null) {
                throw new IllegalArgumentException("unknown alias at '" + text.substring(at) + "'");
            }
            out.append(value);
        } else {
            out.append(file(base == null ? Path.of(name) : base.resolve(name)));
        }
        return end + 1;
    }

    private String file(Path path) {
        Path key = path.toAbsolutePath().normalize();
        String cached = files.get(key);
        if (cached != null) {
            return cached;
        }
        try {
            String content = Files.readString(key, StandardCharsets.UTF_8);
            files.put(key, content);
            return content;
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("Error opening " + path + ": No such file or directory", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("Error opening " + path + ": " + e.getMessage(), e);
        }
    }
}
