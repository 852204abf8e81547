package dev.ucaudit.run.live;

/**
 * Capture time when no packet comes: once none came for {@link #MARGIN_NANOS} of wall time, capture time is
 * taken to run on with the wall clock from the last packet, so that idle flows and pinholes expire and
 * periods end even when the network is quiet. Driven from the analysis thread, between batches.
 */
public final class IdleClock {
    /**
     * How long after the last packet the idle clock starts moving: packets read by libpcap but not yet
     * handed over (its read timeout, the queue's partial block) must not arrive behind the clock.
     */
    public static final long MARGIN_NANOS = 1_000_000_000L;

    /** The latest packet timestamp analysed, and at which wall time (System.nanoTime) a tick first saw it. */
    private long lastPacketNanos = Long.MIN_VALUE;
    private long sawPacketNanos = Long.MIN_VALUE;
    private long sawPacketAtWall;
    private boolean ticked;

    /** A packet of capture time {@code nanos} was analysed. */
    public void packet(long nanos) {
        if (nanos > lastPacketNanos) {
            lastPacketNanos = nanos;
        }
    }

    /** The latest packet's time, or Long.MIN_VALUE before the first. */
    public long lastPacketNanos() {
        return lastPacketNanos;
    }

    /**
     * A tick at wall time {@code wallNanos} (System.nanoTime): the capture time the idle clock reached, or
     * Long.MIN_VALUE when it does not move (packets came recently). Before any packet, the wall clock's time
     * ({@code nowMillis}) less the margin.
     */
    public long tick(long wallNanos, long nowMillis) {
        if (!ticked || lastPacketNanos != sawPacketNanos) {
            ticked = true;
            sawPacketNanos = lastPacketNanos;
            sawPacketAtWall = wallNanos;
            return Long.MIN_VALUE;
        }
        long idle = wallNanos - sawPacketAtWall - MARGIN_NANOS;
        if (idle <= 0) {
            return Long.MIN_VALUE;
        }
        return lastPacketNanos == Long.MIN_VALUE ? nowMillis * 1_000_000L - MARGIN_NANOS : lastPacketNanos + idle;
    }
}
