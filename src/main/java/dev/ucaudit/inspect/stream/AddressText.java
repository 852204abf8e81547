package dev.ucaudit.inspect.stream;

import java.net.InetAddress;

/** Parses IPv4/IPv6 address literals without ever resolving names. Returns null when not a literal. */
public final class AddressText {
    private AddressText() {
    }

    public static InetAddress parse(String s) {
        if (s == null || s.isEmpty() || s.length() > 45) {
            return null;
        }
        return s.indexOf(':') >= 0 ? parseV6(s) : parseV4(s);
    }

    public static InetAddress parseV4(String s) {
        byte[] out = new byte[4];
        return parseV4Into(s, out, 0) ? Bytes.address(out, 0, 4) : null;
    }

    private static boolean parseV4Into(String s, byte[] out, int at) {
        int part = 0;
        int value = -1;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : '.';
            if (c >= '0' && c <= '9') {
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (value > 255) {
                    return false;
                }
            } else if (c == '.') {
                if (value < 0 || part > 3) {
                    return false;
                }
                out[at + part++] = (byte) value;
                value = -1;
            } else {
                return false;
            }
        }
        return part == 4;
    }

    /** RFC 4291 text forms: hex groups, one "::", optional trailing dotted IPv4. No zone ids. */
    public static InetAddress parseV6(String s) {
        int dbl = s.indexOf("::");
        if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) {
            return null;
        }
        byte[] out = new byte[16];
        if (dbl < 0) {
            return fillGroups(s, out, 0, 16, true) == 16 ? Bytes.address(out, 0, 16) : null;
        }
        String head = s.substring(0, dbl);
        String tail = s.substring(dbl + 2);
        byte[] tailBytes = new byte[16];
        int h = head.isEmpty() ? 0 : fillGroups(head, out, 0, 16, false);
        int t = tail.isEmpty() ? 0 : fillGroups(tail, tailBytes, 0, 16, true);
        if (h < 0 || t < 0 || h + t > 14) {
            return null;
        }
        System.arraycopy(tailBytes, 0, out, 16 - t, t);
        return Bytes.address(out, 0, 16);
    }

    /** Fills groups into out from {@code at}; returns bytes written or -1. */
    private static int fillGroups(String s, byte[] out, int at, int max, boolean allowV4Tail) {
        String[] groups = s.split(":", -1);
        int pos = at;
        for (int g = 0; g < groups.length; g++) {
            String grp = groups[g];
            if (g == groups.length - 1 && allowV4Tail && grp.indexOf('.') >= 0) {
                if (pos + 4 > max || !parseV4Into(grp, out, pos)) {
                    return -1;
                }
                pos += 4;
                continue;
            }
            if (grp.isEmpty() || grp.length() > 4 || pos + 2 > max) {
                return -1;
            }
            int v = 0;
            for (int i = 0; i < grp.length(); i++) {
                int d = Character.digit(grp.charAt(i), 16);
                if (d < 0) {
                    return -1;
                }
                v = v * 16 + d;
            }
            out[pos++] = (byte) (v >> 8);
            out[pos++] = (byte) v;
        }
        return pos - at;
    }
}
