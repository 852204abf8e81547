package dev.ucaudit.capture.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnsignedCounterTest {
    @Test
    void countsAcrossTheThirtyTwoBitWrap() {
        UnsignedCounter c = new UnsignedCounter();
        assertEquals(100, c.sample(100));
        assertEquals(0xFFFF_FFF0L, c.sample(0xFFFF_FFF0L));
        // wrapped: 0xFFFFFFF0 -> 0x10 is 0x20 more
        assertEquals(0xFFFF_FFF0L + 0x20, c.sample(0x10));
        assertEquals(0x1_0000_0010L + 5, c.sample(0x15));
    }

    @Test
    void readsNegativeIntsAsUnsigned() {
        UnsignedCounter c = new UnsignedCounter();
        // a binding that hands the u_int over as a signed int gives -1 for 4294967295
        assertEquals(0xFFFF_FFFFL, c.sample(-1));
        assertEquals(0x1_0000_0001L, c.sample(1));
    }

    @Test
    void pcapCountersAccumulateEachFigureAndSubtractPeriods() {
        PcapCounters p = new PcapCounters();
        p.sample(0xFFFF_FFFEL, 3, 0);
        PcapCounters.Snapshot first = p.snapshot();
        p.sample(4, 5, 1);
        PcapCounters.Snapshot second = p.snapshot();
        assertEquals(new PcapCounters.Snapshot(0x1_0000_0004L, 5, 1), second);
        assertEquals(new PcapCounters.Snapshot(6, 2, 1), second.minus(first));
    }
}
