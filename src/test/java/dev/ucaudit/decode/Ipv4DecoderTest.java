package dev.ucaudit.decode;

import static dev.ucaudit.decode.Frames.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Ipv4DecoderTest {
    private final PacketDecoder decoder = new PacketDecoder();
    private final DecodedPacket out = new DecodedPacket();

    private DecodeStatus decode(byte[] ip) {
        return decoder.decode(raw(PacketDecoder.DLT_RAW, ip), out);
    }

    @Test
    void addressesProtocolAndLength() {
        assertEquals(DecodeStatus.IP, decode(ipv4(17, udp(2427, 2727, new byte[5]))));
        assertArrayEquals(IP_A, Arrays.copyOf(out.src, 4));
        assertArrayEquals(IP_B, Arrays.copyOf(out.dst, 4));
        assertEquals(17, out.protocol);
        assertEquals(33, out.ipLength);
        assertFalse(out.fragment);
    }

    @Test
    void totalLengthLargerThanCapturedIsMalformed() {
        assertEquals(DecodeStatus.MALFORMED, decode(ipv4(17, 1500, 0, 1, new byte[40])));
        assertEquals("IPv4 header says total length 1500 but only 60 bytes were captured", decoder.lastProblem());
    }

    @Test
    void totalLengthLargerThanWireIsMalformedEvenWhenCut() {
        byte[] ip = ipv4(17, 1500, 0, 1, new byte[80]);
        assertEquals(DecodeStatus.MALFORMED, decoder.decode(cut(101, ip, 60), out));
        assertEquals("IPv4 header says total length 1500 but only 100 bytes were on the wire", decoder.lastProblem());
    }

    @Test
    void totalLengthSmallerThanHeaderIsMalformed() {
        assertEquals(DecodeStatus.MALFORMED, decode(ipv4(17, 12, 0, 1, new byte[8])));
        assertTrue(decoder.lastProblem().startsWith("IPv4 header says total length 12, less than its own header length 20"));
    }

    @Test
    void snaplenCutPacketIsNotMalformed() {
        byte[] ip = ipv4(17, udp(5060, 5060, new byte[400]));
        assertEquals(DecodeStatus.IP, decoder.decode(cut(101, ip, 68), out));
        assertEquals(5060, out.dstPort);
        assertEquals(40, out.payloadLength);
        assertEquals(400, out.payloadWireLength);
        assertTrue(out.truncated);
    }

    @Test
    void badVersionAndIhl() {
        byte[] ip = ipv4(17, udp(1, 2, new byte[0]));
        ip[0] = 0x55;
        assertEquals(DecodeStatus.MALFORMED, decode(ip));
        assertEquals("raw IP packet has IP version 5", decoder.lastProblem());
        assertEquals(DecodeStatus.MALFORMED, decoder.decode(raw(PacketDecoder.DLT_IPV4, ip), out));
        assertEquals("IPv4 header has IP version 5", decoder.lastProblem());
        ip[0] = 0x44;
        assertEquals(DecodeStatus.MALFORMED, decode(ip));
        assertEquals("IPv4 header length field says 16 bytes, less than the minimum 20", decoder.lastProblem());
        ip[0] = 0x4f;
        assertEquals(DecodeStatus.MALFORMED, decode(ip));
        assertTrue(decoder.lastProblem().startsWith("IPv4 header with options needs 60 bytes"), decoder.lastProblem());
    }

    @Test
    void firstFragmentHasPortsLaterFragmentsDoNot() {
        byte[] first = ipv4(17, 20 + 16, 0x2000, 777, udp(5060, 5060, new byte[1000]));
        byte[] firstCut = Arrays.copyOf(first, 36);
        assertEquals(DecodeStatus.IP, decode(firstCut));
        assertTrue(out.fragment);
        assertTrue(out.moreFragments);
        assertEquals(0, out.fragmentOffset);
        assertEquals(5060, out.srcPort);
        assertEquals(777, out.fragmentId);

        byte[] later = ipv4(17, 20 + 24, 185, 777, new byte[24]);
        assertEquals(DecodeStatus.IP, decode(later));
        assertTrue(out.fragment);
        assertFalse(out.moreFragments);
        assertEquals(1480, out.fragmentOffset);
        assertEquals(-1, out.srcPort);
        assertEquals(-1, out.dstPort);
        assertEquals(24, out.payloadLength);
    }

    @Test
    void ethernetPaddingIsNotPayload() {
        byte[] frame = concat(ethernet(0x0800, ipv4(17, udp(1, 2, new byte[2]))), new byte[16]);
        assertEquals(DecodeStatus.IP, decoder.decode(raw(1, frame), out));
        assertEquals(2, out.payloadLength);
        assertEquals(30, out.ipLength);
    }
}
