package dev.ucaudit.inspect.stream;

import java.util.regex.Pattern;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

/** Bounds-checked reads. Callers check {@link #has} first; the getters assume the range is valid. */
public final class Bytes {
    private Bytes() {
    }

    /** True when {@code buf[off, off+n)} lies inside {@code buf[start, end)}. */
    public static boolean has(int off, int n, int end) {
        return n >= 0 && off >= 0 && off <= end && n <= end - off;
    }

    public static int u8(byte[] b, int off) {
        return b[off] & 0xff;
    }

    public static int u16be(byte[] b, int off) {
        return (b[off] & 0xff) << 8 | (b[off + 1] & 0xff);
    }

    public static long u32le(byte[] b, int off) {
        return (b[off] & 0xffL) | (b[off + 1] & 0xffL) << 8 | (b[off + 2] & 0xffL) << 16 | (b[off + 3] & 0xffL) << 24;
    }

    /** An address from 4 or 16 bytes; null for any other length or a range outside the array. */
    public static InetAddress address(byte[] b, int off, int n) {
        if ((n != 4 && n != 16) || !has(off, n, b.length)) {
            return null;
        }
        byte[] a = new byte[n];
        System.arraycopy(b, off, a, 0, n);
        try {
            return InetAddress.getByAddress(a);
        } catch (UnknownHostException e) {
            return null; // only thrown for an illegal length, excluded above
        }
    }

    /** The index of the first LF in {@code buf[pos, end)}, or {@code end} when there is none. */
    public static int lineEnd(byte[] buf, int pos, int end) {
        while (pos < end && buf[pos] != '\n') {
            pos++;
        }
        return pos;
    }

    /** The end of the line {@code buf[start, eol)} without its trailing CR, if it has one. */
    public static int trimCr(byte[] buf, int start, int eol) {
        return eol > start && buf[eol - 1] == '\r' ? eol - 1 : eol;
    }

    public static String ascii(byte[] b, int off, int n) {
        return new String(b, off, n, StandardCharsets.ISO_8859_1);
    }

    public static String hex(byte[] b, int off, int n) {
        StringBuilder sb = new StringBuilder(n * 2);
        for (int i = 0; i < n; i++) {
            sb.append(Character.forDigit((b[off + i] >> 4) & 0xf, 16)).append(Character.forDigit(b[off + i] & 0xf, 16));
        }
        return sb.toString();
    }

    /**
     * Splits {@code s} at runs of whitespace ({@code [ \t\n\x0B\f\r]}, as the regular expression
     * {@code \s+}), the same fields as {@code Pattern.compile("\\s+").split(s)} for a string that does not
     * start or end with whitespace (a trimmed one), without a regular expression matcher.
     */
    public static String[] fields(String s) {
        int n = s.length();
        int count = 0;
        boolean in = false;
        for (int i = 0; i < n; i++) {
            boolean ws = isSpace(s.charAt(i));
            if (!ws && !in) {
                count++;
            }
            in = !ws;
        }
        if (count == 0 || !(n > 0 && !isSpace(s.charAt(0))) || isSpace(s.charAt(n - 1))) {
            return SPLIT.split(s); // empty, or not trimmed: the regular expression's exact answer
        }
        String[] out = new String[count];
        int k = 0;
        int start = -1;
        for (int i = 0; i <= n; i++) {
            boolean ws = i == n || isSpace(s.charAt(i));
            if (!ws && start < 0) {
                start = i;
            } else if (ws && start >= 0) {
                out[k++] = s.substring(start, i);
                start = -1;
            }
        }
        return out;
    }

    private static final Pattern SPLIT = Pattern.compile("\\s+");

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }
}
