package dev.ucaudit.roles;

import java.nio.charset.StandardCharsets;

/** Bounds-checked reads for the decoders of this package: callers check lengths first. */
final class Bytes {
    private Bytes() {
    }

    static long le32(byte[] b, int off) {
        return (b[off] & 0xffL) | (b[off + 1] & 0xffL) << 8 | (b[off + 2] & 0xffL) << 16 | (b[off + 3] & 0xffL) << 24;
    }

    static int be16(byte[] b, int off) {
        return (b[off] & 0xff) << 8 | b[off + 1] & 0xff;
    }

    static long be32(byte[] b, int off) {
        return (long) be16(b, off) << 16 | be16(b, off + 2);
    }

    /** ASCII up to the first NUL within {@code max} bytes. */
    static String cString(byte[] b, int off, int max) {
        int end = off;
        while (end < off + max && b[end] != 0) {
            end++;
        }
        return new String(b, off, end - off, StandardCharsets.US_ASCII);
    }

    /** Printable ASCII of at most {@code max} characters (others as '?'), for evidence texts. */
    static String printable(byte[] b, int off, int len, int max) {
        StringBuilder s = new StringBuilder(Math.min(len, max));
        for (int i = 0; i < len && s.length() < max; i++) {
            int c = b[off + i] & 0xff;
            if (c == 0) {
                break;
            }
            s.append(c >= 0x20 && c < 0x7f ? (char) c : '?');
        }
        return s.toString().trim();
    }
}
