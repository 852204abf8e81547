package dev.ucaudit.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class FragmentReassemblerTest {
    static final byte[] SRC = {10, 0, 0, 1};
    static final byte[] DST = {10, 0, 0, 2};

    static byte[] datagram() {
        byte[] d = new byte[40];
        d[0] = 0x13; d[1] = (byte) 0xc4; d[2] = 0x13; d[3] = (byte) 0xc4; // UDP 5060 -> 5060
        for (int i = 8; i < d.length; i++) {
            d[i] = (byte) i;
        }
        return d;
    }

    @Test
    void outOfOrderFragmentsComplete() {
        FragmentReassembler f = new FragmentReassembler();
        byte[] d = datagram();
        assertTrue(f.offer(4, SRC, DST, 17, 7, 16, true, d, 16, 16).isEmpty());
        assertTrue(f.offer(4, SRC, DST, 17, 7, 32, false, d, 32, 8).isEmpty());
        Optional<FragmentReassembler.Reassembled> r = f.offer(4, SRC, DST, 17, 7, 0, true, d, 0, 16);
        assertArrayEquals(d, r.orElseThrow().ipPayload());
        assertEquals(5060, r.get().udpDestinationPort());
        assertEquals(0, f.pending());
    }

    @Test
    void conflictingOverlapAndLyingLengthsDropped() {
        FragmentReassembler f = new FragmentReassembler(16, 64, java.time.Duration.ofSeconds(5));
        byte[] d = datagram();
        byte[] other = d.clone();
        other[20] = 99;
        f.offer(4, SRC, DST, 17, 1, 16, true, d, 16, 16);
        assertTrue(f.offer(4, SRC, DST, 17, 1, 16, true, other, 16, 16).isEmpty());
        assertEquals(1, f.dropped());
        assertTrue(f.offer(4, SRC, DST, 17, 2, 8, true, d, 0, 7).isEmpty()); // non-last not multiple of 8
        assertTrue(f.offer(4, SRC, DST, 17, 3, 60, false, d, 0, 8).isEmpty()); // past the 64-byte bound
        f.offer(4, SRC, DST, 17, 4, 32, false, d, 32, 8);
        assertTrue(f.offer(4, SRC, DST, 17, 4, 24, false, d, 24, 8).isEmpty()); // second, different end
        assertEquals(4, f.dropped());
    }
}
