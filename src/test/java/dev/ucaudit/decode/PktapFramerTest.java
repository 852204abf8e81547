package dev.ucaudit.decode;

import static dev.ucaudit.decode.Frames.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PktapFramerTest {
    private final PacketDecoder decoder = new PacketDecoder();
    private final DecodedPacket out = new DecodedPacket();

    static byte[] pktap(int headerLength, int dlt) {
        byte[] h = new byte[headerLength];
        h[0] = (byte) headerLength;
        h[1] = (byte) (headerLength >> 8);
        h[8] = (byte) dlt;
        return h;
    }

    @Test
    void innerEthernetFrame() {
        byte[] frame = concat(pktap(108, 1), ethernet(0x0800, ipv4(17, udp(53000, 53, new byte[12]))));
        assertEquals(DecodeStatus.IP, decoder.decode(raw(258, frame), out));
        assertEquals(53, out.dstPort);
    }

    @Test
    void badHeaderLengthAndNestedPktap() {
        assertEquals(DecodeStatus.MALFORMED, decoder.decode(raw(258, pktap(12, 1)), out), "no room for Ethernet");
        byte[] lying = pktap(16, 1);
        lying[0] = (byte) 200;
        assertEquals(DecodeStatus.MALFORMED, decoder.decode(raw(258, lying), out));
        assertTrue(decoder.lastProblem().contains("PKTAP header says it is 200 bytes"), decoder.lastProblem());
        assertEquals(DecodeStatus.UNKNOWN_LINK_TYPE, decoder.decode(raw(258, concat(pktap(12, 258), new byte[20])), out));
    }
}
