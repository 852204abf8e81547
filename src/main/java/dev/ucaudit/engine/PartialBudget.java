package dev.ucaudit.engine;

import java.io.IOException;
import java.util.Locale;

/**
 * What the partial audits read for one merge may cost, in all: the memory their parts and blocks
 * take (counted as each is read, before its arrays are made) and the packets and bytes they claim.
 * A partial that would pass the bound is refused with a message naming it and the bound, never an
 * OutOfMemoryError part-way. Thread-safe: the spark command's driver decodes several sites' partials at once.
 */
public final class PartialBudget {
    /** Most packets one merge may count: more than any capture holds (a 100 Gb/s link for weeks). */
    public static final long MAX_PACKETS = 1L << 48;
    /** Most bytes one merge may count. */
    public static final long MAX_BYTES = 1L << 60;
    /** What a part costs beside its blocks (its counts, names, objects), about. */
    static final int PART_COST = 1024;

    private final long limit;
    private long used;
    private long packets;
    private long bytes;

    /** The budget this one is a share of (what it takes is taken there too), or null. */
    private final PartialBudget whole;

    /** @param limit the memory the partials read may take in all, in bytes */
    public PartialBudget(long limit) {
        this.limit = limit;
        this.whole = null;
    }

    private PartialBudget(PartialBudget whole) {
        this.limit = whole.limit;
        this.whole = whole;
    }

    /**
     * A share of this budget for one partial read while others are read on other threads: what it takes is
     * taken from this budget (and refused when this one would pass its bound), and its {@link #used()} is
     * that partial's alone, to be {@link #release released} here when the partial is let go.
     */
    public PartialBudget share() {
        return new PartialBudget(this);
    }

    /** Half this Java's heap (-Xmx): the other half is the classification's (flows, pinholes, the report). */
    public static PartialBudget ofHeap() {
        return new PartialBudget(Runtime.getRuntime().maxMemory() / 2);
    }

    synchronized void take(long cost, String name) throws IOException {
        if (whole != null) {
            whole.take(cost, name);
            used += cost;
            return;
        }
        if (cost > limit - used) {
            throw new IOException(String.format(Locale.ROOT, "%s: the partial audits read so far hold more than this run may"
                    + " hold in memory (%,d MB: half the Java heap); merge fewer at a time, or give Java more heap"
                    + " (UCAUDIT_JAVA_OPTS=-Xmx…)", name, limit >> 20));
        }
        used += cost;
    }

    synchronized void count(long partPackets, long partBytes, String name) throws IOException {
        if (whole != null) {
            whole.count(partPackets, partBytes, name);
        }
        if (partPackets > MAX_PACKETS - packets || partBytes > MAX_BYTES - bytes) {
            throw new IOException(name + ": damaged partial audit: its parts claim more than " + MAX_PACKETS
                    + " packets or " + MAX_BYTES + " bytes in all");
        }
        packets += partPackets;
        bytes += partBytes;
    }

    /** What a partial read took ({@link #used()} before and after) is free again: it is no longer held. */
    public synchronized void release(long cost) {
        used = Math.max(0, used - cost);
    }

    /** The memory taken so far by what was read, about. */
    public synchronized long used() {
        return used;
    }
}
