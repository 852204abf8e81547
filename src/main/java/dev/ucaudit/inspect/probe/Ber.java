package dev.ucaudit.inspect.probe;

/** The start of a BER-encoded value (X.690), as LDAP and SNMP messages begin: tag, then a definite length. */
public final class Ber {
    private Ber() {
    }

    /**
     * The offset of the content after the tag at {@code p} and its length field, or -1 when the length
     * is not a definite length of at most 4 bytes, -2 when the bytes end before it does. {@code len[0]}
     * receives the content length.
     */
    public static int content(byte[] buf, int p, int end, long[] len) {
        if (p + 2 > end) {
            return -2;
        }
        int first = buf[p + 1] & 0xff;
        if (first < 0x80) {
            len[0] = first;
            return p + 2;
        }
        int n = first & 0x7f;
        if (n == 0 || n > 4) {
            return -1;
        }
        if (p + 2 + n > end) {
            return -2;
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = v << 8 | (buf[p + 2 + i] & 0xff);
        }
        len[0] = v;
        return p + 2 + n;
    }
}
