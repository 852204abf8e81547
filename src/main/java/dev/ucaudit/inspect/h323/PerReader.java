package dev.ucaudit.inspect.h323;

/**
 * A bit reader for ASN.1 aligned PER (X.691) over {@code buf[start, end)}. Reads past the end
 * never throw: they return 0 and set {@link #failed()}, so a decoder checks once at the end of a
 * step. Only the constructs the H.225/H.245 decoders need are provided.
 */
final class PerReader {
    private final byte[] buf;
    private final int end;
    private long bit;
    private boolean failed;

    PerReader(byte[] buf, int start, int end) {
        this.buf = buf;
        boolean ok = buf != null && start >= 0 && end >= start && end <= buf.length;
        this.end = ok ? end : 0;
        this.bit = ok ? (long) start * 8 : 0;
        this.failed = !ok;
    }

    boolean failed() {
        return failed;
    }

    void fail() {
        failed = true;
    }

    int bit() {
        if (failed || bit >= (long) end * 8) {
            failed = true;
            return 0;
        }
        int b = (buf[(int) (bit >>> 3)] >> (7 - (int) (bit & 7))) & 1;
        bit++;
        return b;
    }

    int bits(int n) {
        int v = 0;
        for (int i = 0; i < n; i++) {
            v = v << 1 | bit();
        }
        return v;
    }

    void align() {
        bit = (bit + 7) & ~7L;
    }

    /** Byte offset after aligning. */
    int bytePos() {
        align();
        return (int) (bit >>> 3);
    }

    /** Aligned unsigned byte. */
    int u8() {
        align();
        return bits(8);
    }

    int u16() {
        align();
        return bits(16);
    }

    /** Skips n aligned octets. */
    void skip(int n) {
        align();
        if (n < 0 || (bit >>> 3) + n > end) {
            failed = true;
            return;
        }
        bit += (long) n * 8;
    }

    /** Aligned length determinant (X.691 10.9) for lengths below 16K; fragmented lengths fail. */
    int length() {
        int first = u8();
        if ((first & 0x80) == 0) {
            return first;
        }
        if ((first & 0x40) == 0) {
            return (first & 0x3f) << 8 | u8();
        }
        failed = true;
        return 0;
    }

    /** Normally small non-negative whole number (X.691 10.6), for extension bitmaps and choice indexes. */
    int normallySmall() {
        if (bit() == 0) {
            return bits(6);
        }
        failed = true;
        return 0;
    }

    /** Skips the extension additions of a SEQUENCE whose extension bit was set (X.691 18.7). */
    void skipExtensions() {
        int n = normallySmall() + 1;
        int present = 0;
        for (int i = 0; i < n; i++) {
            present += bit();
        }
        for (int i = 0; i < present && !failed; i++) {
            skip(length());
        }
    }

    /** An OBJECT IDENTIFIER: length + contents octets. */
    void skipObjectIdentifier() {
        skip(length());
    }

    /** Skips an OCTET STRING (SIZE(lb..ub)) with range up to 256: one aligned octet for the length. */
    void skipSmallOctetString(int lb) {
        int n = u8() + lb;
        skip(n);
    }

    byte[] buffer() {
        return buf;
    }

    /** Current bit position (for tests). */
    long position() {
        return bit;
    }
}
