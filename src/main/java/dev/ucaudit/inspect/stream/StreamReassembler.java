package dev.ucaudit.inspect.stream;

import java.util.Arrays;

/**
 * One direction of a TCP stream: appends payload in sequence order, drops retransmitted bytes,
 * and on a gap (a lost segment) throws away what it holds and restarts at the new segment. The
 * buffer is bounded: appending past the bound resets the stream. Counts gaps and overflows.
 * The buffer exists only while bytes wait for the rest of their message (an empty stream holds no
 * array), and with a {@link BufferBudget} it is counted against the run's total: when the budget
 * drops it to make room for another flow, its waiting bytes are lost and counted as a reset.
 *
 * <p>Consumers read {@link #buffer()} from 0 to {@link #length()} and {@link #consume} what they framed.
 */
public final class StreamReassembler {
    public static final int DEFAULT_LIMIT = 64 * 1024;

    private static final byte[] NONE = new byte[0];
    private static final int FIRST_CAPACITY = 1024;

    private final int limit;
    private final BufferBudget budget;
    private byte[] buf = NONE;
    private int length;
    private boolean synced;
    private long nextSeq;
    private long gaps;
    private long overflows;
    private long retransmittedBytes;
    private long budgetDrops;
    /** Set when the budget dropped the buffer; the next append reports it. */
    private boolean dropped;

    public StreamReassembler() {
        this(DEFAULT_LIMIT);
    }

    public StreamReassembler(int limit) {
        this(limit, null);
    }

    /** @param budget the run's reassembly memory, or null for none but {@code limit} */
    public StreamReassembler(int limit, BufferBudget budget) {
        if (limit < 16) {
            throw new IllegalArgumentException("limit too small: " + limit);
        }
        this.limit = limit;
        this.budget = budget;
    }

    /** Result of an append. */
    public enum Append { APPENDED, RETRANSMISSION, GAP_RESET, OVERFLOW_RESET, EMPTY, BUDGET_RESET }

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
                empty();
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
        Append result = gap ? Append.GAP_RESET : dropped ? Append.BUDGET_RESET : Append.APPENDED;
        dropped = false;
        if (length + len > limit) {
            overflows++;
            empty();
            return Append.OVERFLOW_RESET;
        }
        if (length + len > buf.length) {
            int capacity = Math.min(limit, Math.max(Math.max(FIRST_CAPACITY, buf.length * 2), length + len));
            if (budget != null && !budget.reserve(this, capacity)) {
                overflows++;
                empty();
                return Append.OVERFLOW_RESET;
            }
            buf = Arrays.copyOf(buf, capacity);
        }
        System.arraycopy(data, off, buf, length, len);
        length += len;
        return result;
    }

    /** Called by the budget: the buffer and its waiting bytes are dropped (sequence tracking kept). */
    void dropForBudget() {
        length = 0;
        buf = NONE;
        budgetDrops++;
        dropped = true;
    }

    /** No bytes wait: the array is let go and its bytes given back to the budget. */
    private void empty() {
        length = 0;
        if (buf != NONE) {
            buf = NONE;
            if (budget != null) {
                budget.release(this);
            }
        }
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
            empty();
            return;
        }
        System.arraycopy(buf, n, buf, 0, length - n);
        length -= n;
    }

    /** Drops everything buffered (keeps sequence tracking). */
    public void clear() {
        empty();
    }

    public long gaps() {
        return gaps;
    }

    public long overflows() {
        return overflows;
    }

    /** Times the budget dropped this stream's waiting bytes. */
    public long budgetDrops() {
        return budgetDrops;
    }

    public long retransmittedBytes() {
        return retransmittedBytes;
    }
}
