package dev.ucaudit.inspect.probe;

/**
 * The user messages of an SCTP packet's chunks (RFC 9260 §3.3.1): each DATA chunk (type 0) that
 * holds a whole message (flags B and E both set) gives its user data; fragmented messages and other
 * chunks are skipped. Bounded: every chunk length is checked against the packet before it is used.
 */
public final class SctpData {
    /** Receives one whole user message: {@code buf[off, off+len)}. */
    public interface Sink {
        void message(byte[] buf, int off, int len);
    }

    private static final int CHUNK_HEADER = 4;
    private static final int DATA_HEADER = 16;

    private SctpData() {
    }

    /** @param off first chunk (right after the 12-byte common header); @return messages given */
    public static int forEach(byte[] buf, int off, int len, Sink sink) {
        if (buf == null || off < 0 || len < 0 || len > buf.length - off) {
            return 0;
        }
        int end = off + len;
        int p = off;
        int given = 0;
        while (p + CHUNK_HEADER <= end) {
            int type = buf[p] & 0xff;
            int flags = buf[p + 1] & 0xff;
            int length = (buf[p + 2] & 0xff) << 8 | (buf[p + 3] & 0xff);
            if (length < CHUNK_HEADER || p + length > end) {
                break;
            }
            if (type == 0 && (flags & 0x03) == 0x03 && length > DATA_HEADER) {
                sink.message(buf, p + DATA_HEADER, length - DATA_HEADER);
                given++;
            }
            p += (length + 3) & ~3;
        }
        return given;
    }
}
