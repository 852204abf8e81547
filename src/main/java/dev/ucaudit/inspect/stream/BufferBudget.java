package dev.ucaudit.inspect.stream;

import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * The memory all TCP reassembly buffers of one run may hold together. A {@link StreamReassembler}
 * given a budget reserves its buffer's bytes here before it grows and gives them back when it is
 * empty again. When a reservation does not fit, the buffers that grew least recently are dropped
 * (their partly read messages are lost, each drop counted by {@link #evictions()}) until it fits.
 * One budget serves one analysis thread.
 */
public final class BufferBudget {
    /** Default for a run: 64 MiB of reassembly buffers over all flows. */
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

    private final long maxBytes;
    private long held;
    private long peak;
    private long evictions;
    /** Holders in least-recently-reserved order, with the bytes each holds. */
    private final LinkedHashMap<StreamReassembler, Integer> holders = new LinkedHashMap<>();

    public BufferBudget(long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /**
     * Makes {@code who} hold {@code bytes} in all (it held what it reserved before); drops the
     * oldest other buffers while the total would exceed the bound. False when {@code bytes} alone
     * is over the bound.
     */
    boolean reserve(StreamReassembler who, int bytes) {
        if (bytes > maxBytes) {
            return false;
        }
        Integer before = holders.remove(who);
        held -= before == null ? 0 : before;
        Iterator<StreamReassembler> oldest = holders.keySet().iterator();
        while (held + bytes > maxBytes && oldest.hasNext()) {
            StreamReassembler victim = oldest.next();
            held -= holders.get(victim);
            oldest.remove();
            victim.dropForBudget();
            evictions++;
        }
        holders.put(who, bytes);
        held += bytes;
        peak = Math.max(peak, held);
        return true;
    }

    /** {@code who} holds nothing any more. */
    void release(StreamReassembler who) {
        Integer before = holders.remove(who);
        held -= before == null ? 0 : before;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Bytes the buffers hold now. */
    public long heldBytes() {
        return held;
    }

    /** The most bytes held at once. */
    public long peakBytes() {
        return peak;
    }

    /** Buffers dropped to make room for others. */
    public long evictions() {
        return evictions;
    }

    /** Buffers holding bytes now. */
    public int holders() {
        return holders.size();
    }
}
