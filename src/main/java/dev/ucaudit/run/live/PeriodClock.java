package dev.ucaudit.run.live;

import java.time.Duration;

/**
 * The periods of a live run in capture time: aligned on the clock (a 1h period starts on the hour), the
 * first starting when the run does. Without a period there is one window, which never ends by time.
 */
public final class PeriodClock {
    private final Duration period;
    private long runStartNanos = Long.MIN_VALUE;
    private long startNanos;
    private long boundaryNanos = Long.MAX_VALUE;

    /** @param period the length of a period, or null for one window */
    public PeriodClock(Duration period) {
        this.period = period;
    }

    /** The current window starts at {@code nanos}. */
    public void begin(long nanos) {
        if (runStartNanos == Long.MIN_VALUE) {
            runStartNanos = nanos;
        }
        startNanos = nanos;
        if (period != null) {
            long p = period.toNanos();
            boundaryNanos = Math.floorDiv(nanos, p) * p + p;
        }
    }

    /** True when capture time {@code nanos} is at or past the current period's end. */
    public boolean ended(long nanos) {
        return nanos >= boundaryNanos;
    }

    /** Where the current period ends (Long.MAX_VALUE without periods). */
    public long boundary() {
        return boundaryNanos;
    }

    /**
     * Where the period after the current one starts, capture time being {@code nanos}: at the boundary, but a
     * jump over whole periods (a capture clock set forward) skips them rather than writing each empty.
     */
    public long nextStart(long nanos) {
        long p = period.toNanos();
        return nanos - boundaryNanos >= p ? Math.floorDiv(nanos, p) * p : boundaryNanos;
    }

    /** The end of the last window when the run stops at {@code nanos}: never past the period's boundary. */
    public long lastEnd(long nanos) {
        return Math.min(nanos, boundaryNanos);
    }

    public long startNanos() {
        return startNanos;
    }

    public long runStartNanos() {
        return runStartNanos;
    }

    public boolean rotates() {
        return period != null;
    }
}
