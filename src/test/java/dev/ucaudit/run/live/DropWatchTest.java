package dev.ucaudit.run.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ucaudit.capture.live.LivePacketSource;
import dev.ucaudit.capture.live.PcapCounters;
import org.junit.jupiter.api.Test;

/** Issue 22 section 4: a burst of drops is one event, told when first seen; drops after quiet are the next. */
class DropWatchTest {
    private static LivePacketSource.Stats stats(long kernel, long ifDropped, long ucaudit) {
        return new LivePacketSource.Stats(new PcapCounters.Snapshot(1000, kernel, ifDropped), 1000, ucaudit, 1000 - ucaudit);
    }

    @Test
    void aBurstIsToldOnceAndAgainAfterQuiet() {
        DropWatch w = new DropWatch();
        long s = 1_000_000_000L;
        assertNull(w.check(stats(0, 0, 0), 0));
        assertEquals(new DropWatch.Burst(5, 0, 2), w.check(stats(5, 0, 2), s));
        assertNull(w.check(stats(50, 1, 9), 2 * s), "more drops in the same burst");
        assertNull(w.check(stats(50, 1, 9), 5 * s), "quiet, not yet long enough");
        assertNull(w.check(stats(60, 1, 9), 6 * s), "drops within the quiet time go on with the burst");
        assertNull(w.check(stats(60, 1, 9), 6 * s + DropWatch.QUIET_NANOS), "quiet long enough: the burst ended");
        assertEquals(new DropWatch.Burst(0, 0, 4), w.check(stats(60, 1, 13), 7 * s + DropWatch.QUIET_NANOS), "the next burst");
    }
}
