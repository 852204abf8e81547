package dev.ucaudit.flow;

import com.github.benmanes.caffeine.cache.Ticker;

/**
 * Time as the packets tell it. Idle timeouts of the flow table run on capture time, so a recorded
 * capture expires flows exactly as a live run would have, however fast it is read.
 */
public final class CaptureClock implements Ticker {
    private long nowNanos;

    /** Moves the clock forward to a packet's timestamp; never backwards. */
    public void advanceTo(long timestampNanos) {
        if (timestampNanos > nowNanos) {
            nowNanos = timestampNanos;
        }
    }

    @Override
    public long read() {
        return nowNanos;
    }
}
