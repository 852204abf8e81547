package dev.ucaudit.decode;

import static dev.ucaudit.decode.Frames.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Ipv6DecoderTest {
    private final PacketDecoder decoder = new PacketDecoder();
    private final DecodedPacket out = new DecodedPacket();

    private DecodeStatus decode(byte[] ip) {
        return decoder.decode(raw(PacketDecoder.DLT_IPV6, ip), out);
    }

    static byte[] ext(int next, int lengthUnits) {
        byte[] e = new byte[(lengthUnits + 1) * 8];
        e[0] = (byte) next;
        e[1] = (byte) lengthUnits;
        return e;
    }

    @Test
    void plainUdp() {
        assertEquals(DecodeStatus.IP, decode(ipv6(17, udp(5060, 5060, new byte[3]))));
        assertEquals(6, out.ipVersion);
        assertArrayEquals(IP6_A, out.src);
        assertArrayEquals(IP6_B, out.dst);
        assertEquals(51, out.ipLength);
        assertEquals(3, out.payloadLength);
    }

    @Test
    void extensionHeadersAreSkipped() {
        byte[] payload = concat(ext(43, 0), ext(60, 1), ext(6, 0), tcp(389, 50000, 5, 6, 0x18, new byte[4]));
        assertEquals(DecodeStatus.IP, decode(ipv6(0, payload)));
        assertEquals(6, out.protocol);
        assertEquals(389, out.srcPort);
        assertEquals(4, out.payloadLength);
    }

    @Test
    void fragmentHeaders() {
        byte[] frag0 = concat(new byte[] {17, 0, 0, 1}, u32(0xabcdef), udp(5060, 5060, new byte[100]));
        byte[] first = ipv6(44, 16, frag0);
        assertEquals(DecodeStatus.IP, decode(java.util.Arrays.copyOf(first, 56)));
        assertTrue(out.fragment);
        assertTrue(out.moreFragments);
        assertEquals(0xabcdef, out.fragmentId);
        assertEquals(5060, out.dstPort);

        byte[] later = ipv6(44, concat(new byte[] {17, 0, 0x05, (byte) 0xa8}, u32(0xabcdef), new byte[32]));
        assertEquals(DecodeStatus.IP, decode(later));
        assertEquals(1448, out.fragmentOffset);
        assertEquals(17, out.protocol);
        assertEquals(-1, out.srcPort);
        assertEquals(32, out.payloadLength);
    }

    @Test
    void espAndAhAreTheTransport() {
        assertEquals(DecodeStatus.IP, decode(ipv6(50, new byte[24])));
        assertEquals(50, out.protocol);
        assertEquals(-1, out.srcPort);
        assertEquals(DecodeStatus.IP, decode(ipv6(51, new byte[24])));
        assertEquals(51, out.protocol);
    }

    @Test
    void lyingLengths() {
        assertEquals(DecodeStatus.MALFORMED, decode(ipv6(17, 200, udp(1, 2, new byte[0]))));
        assertEquals("IPv6 header says payload length 200 (240 bytes with the header) but only 48 bytes were captured",
                decoder.lastProblem());
        assertEquals(DecodeStatus.MALFORMED, decode(ipv6(0, java.util.Arrays.copyOf(ext(17, 4), 16))));
        assertTrue(decoder.lastProblem().contains("past the end of the packet"), decoder.lastProblem());
        byte[] loop = new byte[0];
        for (int i = 0; i < 14; i++) {
            loop = concat(loop, ext(60, 0));
        }
        assertEquals(DecodeStatus.MALFORMED, decode(ipv6(60, loop)));
        assertEquals("more than 12 IPv6 extension headers", decoder.lastProblem());
        assertEquals(DecodeStatus.MALFORMED, decode(new byte[39]));
    }
}
