package org.jser2net.ser2net.config.internal;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * An {@code include:} value expanded the way ser2net's {@code wordexp(WRDE_NOCMD)} does it: words
 * split at blanks (quotes keep them together), {@code ~} and {@code $VAR}/{@code ${VAR}} replaced,
 * globs ({@code * ? [..]}) matched in sorted order; a pattern that matches nothing stays as it is.
 * Relative names are taken from the including file's directory.
 */
final class IncludePattern {

    private final UnaryOperator<String> environment;

    IncludePattern(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    List<Path> expand(String value, Path base) {
        List<Path> out = new ArrayList<>();
        for (String word : words(value)) {
            Path p = base == null ? Path.of(word) : base.resolve(word);
            List<Path> matches = hasGlob(word) ? glob(p) : List.of();
            out.addAll(matches.isEmpty() ? List.of(p) : matches);
        }
        return out;
    }

    private List<String> words(String value) {
        List<String> words = new ArrayList<>();
        StringBuilder w = null;
        char quote = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quote == 0 && Character.isWhitespace(c)) {
                if (w != null) {
                    words.add(w.toString());
                    w = null;
                }
                continue;
            }
            w = w == null ? new StringBuilder() : w;
            if (quote != 0 && c == quote) {
                quote = 0;
            } else if (quote == 0 && (c == '\'' || c == '"')) {
                quote = c;
            } else if (c == '$' && quote != '\'') {
                i = variable(value, i, w);
            } else if (c == '~' && quote == 0 && w.length() == 0 && (i + 1 == value.length()
                    || value.charAt(i + 1) == '/')) {
                w.append(environment.apply("HOME") == null ? "~" : environment.apply("HOME"));
            } else {
                w.append(c);
            }
        }
        if (w != null) {
            words.add(w.toString());
        }
        return words;
    }

    /** Appends the value of the variable at {@code at}; returns the index of its last character. */
    private int variable(String s, int at, StringBuilder out) {
        int end;
        String name;
        if (at + 1 < s.length() && s.charAt(at + 1) == '{') {
            end = s.indexOf('}', at);
            if (end < 0) {
                throw new IllegalArgumentException("Syntax error in include directive");
            }
            name = s.substring(at + 2, end);
        } else {
            end = at;
            while (end + 1 < s.length() && (Character.isLetterOrDigit(s.charAt(end + 1)) || s.charAt(end + 1) == '_')) {
                end++;
            }
            name = s.substring(at + 1, end + 1);
            if (name.isEmpty()) {
                out.append('$');
                return at;
            }
        }
        String v = environment.apply(name);
        out.append(v == null ? "" : v);
        return end;
    }

    private static boolean hasGlob(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0;
    }

    private static List<Path> glob(Path pattern) {
        Path abs = pattern.toAbsolutePath().normalize();
        List<Path> current = List.of(abs.getRoot());
        for (Path part : abs.getRoot().relativize(abs)) {
            String name = part.toString();
            List<Path> next = new ArrayList<>();
            for (Path dir : current) {
                if (!hasGlob(name)) {
                    Path p = dir.resolve(name);
                    if (Files.exists(p)) {
                        next.add(p);
                    }
                    continue;
                }
                PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + name);
                try (Stream<Path> entries = Files.list(dir)) {
                    entries.filter(e -> m.matches(e.getFileName()))
                            .filter(e -> name.startsWith(".") || !e.getFileName().toString().startsWith("."))
                            .sorted().forEach(next::add);
                } catch (IOException e) {
                    // an unreadable directory matches nothing, as with glob(3)
                }
            }
            current = next;
        }
        return current;
    }
}
