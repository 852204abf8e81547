package dev.ucaudit.inspect.stream;

import java.util.Arrays;

/**
 * One direction of a TCP stream: appends payload in sequence order, drops retransmitted bytes,
 * and on a gap (a lost segment) throws away what it holds and restarts at the new segment. The
 * buffer is bounded: appending past the bound resets the stream. Counts gaps and overflows.
 *
 * <p>Consumers read {@link #buffer()} from 0 to {@link #length()} and {@link #consume} what they framed.
 */
public final class StreamReassembler {
    public static final int DEFAULT_LIMIT = 64 * 1024;

    private final int limit;
    private byte[] buf = new byte[1024];
    private int length;
    private boolean synced;
    private long nextSeq;
    private long gaps;
    private long overflows;
    private long retransmittedBytes;

    public StreamReassembler() {
        this(DEFAULT_LIMIT);
    }

    public StreamReassembler(int limit) {
        if (limit < 16) {
            throw new IllegalArgumentException("limit too small: " + limit);
        }
        this.limit = limit;
    }

    /** Result of an append. */
    public enum Append { APPENDED, RETRANSMISSION, GAP_RESET, OVERFLOW_RESET, EMPTY }

    /**
     * Appends a segment. {@code seq} is the sequence number of {@code data[off]}, or -1 when
     * unknown (then bytes are appended as they come). A SYN consumes one sequence number.
     */
    public Append append(byte[] data, int off, int len, long seq, int tcpFlags) {
        if (data == null || !Bytes.has(off, len, data.length)) {
            return Append.EMPTY;
        }
        boolean syn = (tcpFlags & 0x02) != 0;
        boolean gap = false;
        if (seq >= 0) {
            long s = syn ? (seq + 1) & 0xffffffffL : seq & 0xffffffffL;
            if (!synced) {
                synced = true;
                nextSeq = s;
            }
            int delta = (int) (s - nextSeq); // 32-bit wrap-around distance
            // exactly 2^31 away is neither ahead nor behind (-MIN_VALUE is MIN_VALUE): treat it as a gap
            if (delta > 0 || delta == Integer.MIN_VALUE) {
                gaps++;
                gap = true;
                length = 0;
                nextSeq = s;
            } else if (delta < 0) {
                int dup = -delta;
                if (dup >= len) {
                    retransmittedBytes += len;
                    return len == 0 ? Append.EMPTY : Append.RETRANSMISSION;
                }
                retransmittedBytes += dup;
                off += dup;
                len -= dup;
            }
            nextSeq = (nextSeq + len) & 0xffffffffL;
        }
        if (len == 0) {
            return Append.EMPTY;
        }
        Append result = gap ? Append.GAP_RESET : Append.APPENDED;
        if (length + len > limit) {
            overflows++;
            length = 0;
            return Append.OVERFLOW_RESET;
        }
        if (length + len > buf.length) {
            buf = Arrays.copyOf(buf, Math.min(limit, Math.max(buf.length * 2, length + len)));
        }
        System.arraycopy(data, off, buf, length, len);
        length += len;
        return result;
    }

    public byte[] buffer() {
        return buf;
    }

    public int length() {
        return length;
    }

    /** Drops the first {@code n} buffered bytes. */
    public void consume(int n) {
        if (n <= 0) {
            return;
        }
        if (n >= length) {
            length = 0;
            return;
        }
        System.arraycopy(buf, n, buf, 0, length - n);
        length -= n;
    }

    /** Drops everything buffered (keeps sequence tracking). */
    public void clear() {
        length = 0;
    }

    public long gaps() {
        return gaps;
    }

    public long overflows() {
        return overflows;
    }

    public long retransmittedBytes() {
        return retransmittedBytes;
    }
}
