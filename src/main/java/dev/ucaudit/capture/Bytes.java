package dev.ucaudit.capture;

/** Unsigned reads in either byte order; callers check bounds first. */
final class Bytes {
    private Bytes() {
    }

    static int u16(byte[] b, int off, boolean bigEndian) {
        return bigEndian
                ? (b[off] & 0xff) << 8 | (b[off + 1] & 0xff)
                : (b[off + 1] & 0xff) << 8 | (b[off] & 0xff);
    }

    static long u32(byte[] b, int off, boolean bigEndian) {
        return i32(b, off, bigEndian) & 0xffffffffL;
    }

    static int i32(byte[] b, int off, boolean bigEndian) {
        return bigEndian
                ? (b[off] & 0xff) << 24 | (b[off + 1] & 0xff) << 16 | (b[off + 2] & 0xff) << 8 | (b[off + 3] & 0xff)
                : (b[off + 3] & 0xff) << 24 | (b[off + 2] & 0xff) << 16 | (b[off + 1] & 0xff) << 8 | (b[off] & 0xff);
    }

    static String hex(byte[] b, int off, int len) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < len; i++) {
            if (i > 0) {
                s.append(' ');
            }
            s.append(String.format("%02x", b[off + i] & 0xff));
        }
        return s.toString();
    }
}
