package org.jser2net.gensio.unix.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.jser2net.gensio.api.GensioException;
import org.jser2net.gensio.base.LayerOptions;

/**
 * The permissions and ownership a unix accepter gives its socket file ({@code umode}, {@code gmode},
 * {@code omode}, {@code perm}, {@code owner}, {@code group}). As in gensio, once any mode is given the
 * unspecified ones are {@code rw}, and the file is changed only for what was asked.
 */
final class SocketFileAccess {

    private final Integer mode;
    private final String owner;
    private final String group;

    private SocketFileAccess(Integer mode, String owner, String group) {
        this.mode = mode;
        this.owner = owner;
        this.group = group;
    }

    static SocketFileAccess from(LayerOptions options) throws GensioException {
        Optional<String> perm = options.value("perm");
        Optional<String> u = options.value("umode");
        Optional<String> g = options.value("gmode");
        Optional<String> o = options.value("omode");
        Integer mode = null;
        if (perm.isPresent() || u.isPresent() || g.isPresent() || o.isPresent()) {
            int m = perm.isPresent() ? parsePerm(perm.get()) : 0666;
            m = part(m, 6, u);
            m = part(m, 3, g);
            m = part(m, 0, o);
            mode = m;
        }
        return new SocketFileAccess(mode, options.value("owner").orElse(null), options.value("group").orElse(null));
    }

    private static int part(int mode, int shift, Optional<String> value) throws GensioException {
        if (value.isEmpty()) {
            return mode;
        }
        return (mode & ~(7 << shift)) | (parseMode(value.get()) << shift);
    }

    /** One digit 0-7, or a combination of r, w and x. */
    static int parseMode(String s) throws GensioException {
        if (s.length() == 1 && s.charAt(0) >= '0' && s.charAt(0) <= '7') {
            return s.charAt(0) - '0';
        }
        int m = 0;
        for (char c : s.toCharArray()) {
            switch (c) {
                case 'r': m |= 4; break;
                case 'w': m |= 2; break;
                case 'x': m |= 1; break;
                default: throw new GensioException("unix: invalid mode '" + s + "' (a digit 0-7 or r, w, x)");
            }
        }
        return m;
    }

    /** Three octal digits such as {@code 660}. */
    static int parsePerm(String s) throws GensioException {
        String t = s.trim();
        if (t.matches("0?[0-7]{3}")) {
            return Integer.parseInt(t, 8);
        }
        throw new GensioException("unix: invalid perm '" + s + "' (three octal digits such as 660)");
    }

    /** Applies what was asked to the freshly bound socket file. */
    void apply(Path file) throws IOException {
        if (mode != null) {
            Files.setPosixFilePermissions(file, permissions(mode));
        }
        if (owner != null || group != null) {
            UserPrincipalLookupService users = file.getFileSystem().getUserPrincipalLookupService();
            PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (owner != null) {
                view.setOwner(users.lookupPrincipalByName(owner));
            }
            if (group != null) {
                view.setGroup(users.lookupPrincipalByGroupName(group));
            }
        }
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ ... OTHERS_EXECUTE
        for (int i = 0; i < 9; i++) {
            if ((mode & (0400 >> i)) != 0) {
                out.add(bits[i]);
            }
        }
        return out;
    }
}
