package org.jser2net.gensio.base;

import java.net.Inet6Address;
import java.net.NetworkInterface;
import java.net.SocketException;

/** Prints an IPv6 address as inet_ntop(3) does ({@code ::1}, {@code fe80::1%eth0}), unlike Java's own form. */
final class Ipv6Text {

    private Ipv6Text() {
    }

    static String of(Inet6Address a) {
        byte[] b = a.getAddress();
        int[] w = new int[8];
        for (int i = 0; i < 8; i++) {
            w[i] = (b[2 * i] & 0xff) << 8 | (b[2 * i + 1] & 0xff);
        }
        // the longest run of two or more zero words is written as "::"
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8;) {
            int j = i;
            while (j < 8 && w[j] == 0) {
                j++;
            }
            if (j - i > bestLen && j - i >= 2) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append(':');
                i += bestLen - 1;
                if (i == 7) {
                    sb.append(':');
                }
                continue;
            }
            if (i > 0) {
                sb.append(':');
            }
            if (i == 6 && bestStart == 0 && (bestLen == 6 || (bestLen == 5 && w[5] == 0xffff))) {
                // IPv4-compatible and IPv4-mapped forms end in dotted quad, as glibc prints them
                sb.append(b[12] & 0xff).append('.').append(b[13] & 0xff).append('.')
                        .append(b[14] & 0xff).append('.').append(b[15] & 0xff);
                break;
            }
            sb.append(Integer.toHexString(w[i]));
        }
        if (a.isLinkLocalAddress()) {
            String scope = scopeName(a);
            if (scope != null) {
                sb.append('%').append(scope);
            }
        }
        return sb.toString();
    }

    private static String scopeName(Inet6Address a) {
        if (a.getScopedInterface() != null) {
            return a.getScopedInterface().getName();
        }
        if (a.getScopeId() > 0) {
            try {
                NetworkInterface nif = NetworkInterface.getByIndex(a.getScopeId());
                return nif == null ? null : nif.getName();
            } catch (SocketException e) {
                return null;
            }
        }
        return null;
    }
}
