package dev.ucaudit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TcpGapEstimatorTest {
    private static final int SYN = 0x02;
    private static final int ACK = 0x10;
    private static final int PSH_ACK = 0x18;
    private static final int SYN_ACK = 0x12;
    private static final int FIN_ACK = 0x11;

    @Test
    void completeConversationHasNoGap() {
        TcpGapEstimator e = new TcpGapEstimator(100);
        Object c = "c";
        e.segment(c, 0, SYN, 1000, 0, 0);
        e.segment(c, 1, SYN_ACK, 5000, 1001, 0);
        e.segment(c, 0, ACK, 1001, 5001, 0);
        e.segment(c, 0, PSH_ACK, 1001, 5001, 100);
        e.segment(c, 1, ACK, 5001, 1101, 0);
        e.segment(c, 1, ACK, 5001, 1101, 0); // duplicate ACK: not a new event
        e.segment(c, 0, FIN_ACK, 1101, 5001, 0);
        e.segment(c, 1, ACK, 5001, 1102, 0);
        TcpGapEstimator.Snapshot s = e.snapshot();
        assertEquals(0, s.gaps());
        assertEquals(4, s.acks());
        assertEquals(0.0, s.percent());
    }

    @Test
    void ackForDataNeverSeenIsAGap() {
        TcpGapEstimator e = new TcpGapEstimator(100);
        Object c = "c";
        e.segment(c, 0, PSH_ACK, 1000, 9000, 100);   // seen: 1000..1100
        e.segment(c, 1, ACK, 9000, 1100, 0);          // acks what was seen
        // the mirror lost 1100..1300; the next segment seen is 1300..1400
        e.segment(c, 1, ACK, 9000, 1300, 0);          // acks 200 bytes never seen: a gap
        e.segment(c, 0, PSH_ACK, 1300, 9000, 100);
        e.segment(c, 1, ACK, 9000, 1400, 0);
        TcpGapEstimator.Snapshot s = e.snapshot();
        // ACK events: 1100, 1300 (gap), 1400 from side 1; side 0's first ACK of 9000 once side 1 was seen
        assertEquals(4, s.acks());
        assertEquals(1, s.gaps());
        assertEquals(200, s.gapBytes());
        assertEquals(25.0, s.percent(), 1e-9);
    }

    @Test
    void sequenceWrapIsNotAGap() {
        TcpGapEstimator e = new TcpGapEstimator(100);
        Object c = "c";
        e.segment(c, 0, PSH_ACK, 0xFFFF_FFC0L, 1, 0x80); // ends at 0x40 after the wrap
        e.segment(c, 1, ACK, 1, 0x40, 0);
        assertEquals(0, e.snapshot().gaps());
        assertEquals(1, e.snapshot().acks());
    }

    @Test
    void oneWayMirroringRevealsNothing() {
        TcpGapEstimator e = new TcpGapEstimator(100);
        e.segment("c", 1, ACK, 9000, 123456, 0); // the other direction was never seen
        assertEquals(0, e.snapshot().acks());
        assertEquals(0, e.snapshot().gaps());
    }

    @Test
    void memoryIsBounded() {
        TcpGapEstimator e = new TcpGapEstimator(10);
        for (int i = 0; i < 1000; i++) {
            e.segment(i, 0, SYN, i, 0, 0);
        }
        assertEquals(10, e.connectionsTracked());
    }
}
