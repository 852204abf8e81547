package dev.ucaudit.run.live;

import dev.ucaudit.capture.live.LivePacketSource;

/**
 * Drop bursts of a live capture: packets lost by the kernel, the interface or ucaudit's queue. A burst is
 * told once, as soon as drops are seen; drops that follow within {@link #QUIET_NANOS} belong to it, and a
 * later drop after that much quiet starts the next burst.
 */
public final class DropWatch {
    /** Wall time without a drop that ends a burst. */
    public static final long QUIET_NANOS = 10_000_000_000L;

    /** A burst as first seen: the drops since the previous look, by where they happened. */
    public record Burst(long kernel, long byInterface, long byUcaudit) {
        public long total() {
            return kernel + byInterface + byUcaudit;
        }
    }

    private LivePacketSource.Stats last = LivePacketSource.Stats.ZERO;
    private long lastDropWall;
    private boolean inBurst;

    /** The capture's counters at wall time {@code wallNanos}: a burst when a new one starts, else null. */
    public Burst check(LivePacketSource.Stats now, long wallNanos) {
        LivePacketSource.Stats d = now.minus(last);
        last = now;
        Burst b = new Burst(Math.max(0, d.pcap().dropped()), Math.max(0, d.pcap().ifDropped()), Math.max(0, d.droppedByUcaudit()));
        if (b.total() == 0) {
            if (inBurst && wallNanos - lastDropWall >= QUIET_NANOS) {
                inBurst = false;
            }
            return null;
        }
        lastDropWall = wallNanos;
        if (inBurst) {
            return null;
        }
        inBurst = true;
        return b;
    }
}
