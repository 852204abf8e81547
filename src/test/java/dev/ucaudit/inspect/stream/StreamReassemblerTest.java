package dev.ucaudit.inspect.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StreamReassemblerTest {
    final byte[] data = "abcdefghij".getBytes();

    @Test
    void inOrderRetransmitOverlapGapAndWrap() {
        StreamReassembler r = new StreamReassembler(64);
        long base = 0xfffffffcL; // wraps after 4 bytes
        assertEquals(StreamReassembler.Append.APPENDED, r.append(data, 0, 4, base, 0));
        assertEquals(StreamReassembler.Append.RETRANSMISSION, r.append(data, 0, 4, base, 0));
        r.append(data, 2, 4, base + 2 & 0xffffffffL, 0); // overlap: only "ef" is new
        assertEquals("abcdef", new String(r.buffer(), 0, r.length()));
        assertEquals(StreamReassembler.Append.GAP_RESET, r.append(data, 8, 2, 20, 0));
        assertEquals(1, r.gaps());
        assertEquals("ij", new String(r.buffer(), 0, r.length()));
    }

    @Test
    void synConsumesOneSequenceNumberAndOverflowResets() {
        StreamReassembler r = new StreamReassembler(16);
        r.append(data, 0, 0, 99, 0x02);
        r.append(data, 0, 10, 100, 0);
        assertEquals(10, r.length());
        assertEquals(StreamReassembler.Append.OVERFLOW_RESET, r.append(data, 0, 10, 110, 0));
        assertEquals(0, r.length());
        assertEquals(1, r.overflows());
    }

    /** Fuzz crash (seed 99, file inputs 17218, 35778, ...): a segment exactly 2^31 ahead made off negative. */
    @Test
    void segmentExactly2pow31AwayIsAGapNotACrash() {
        StreamReassembler r = new StreamReassembler();
        byte[] data = new byte[600];
        assertEquals(StreamReassembler.Append.APPENDED, r.append(data, 0, 10, 1000, 0));
        assertEquals(StreamReassembler.Append.GAP_RESET, r.append(data, 572, 20, 1010 + 0x80000000L, 0));
        assertEquals(20, r.length());
        assertEquals(1, r.gaps());
        // and with the wrap-around the other way
        StreamReassembler w = new StreamReassembler();
        w.append(data, 0, 10, 0xfffffff0L, 0);
        assertEquals(StreamReassembler.Append.GAP_RESET, w.append(data, 0, 8, (0xfffffffaL + 0x80000000L) & 0xffffffffL, 0));
    }
}
