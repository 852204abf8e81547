package dev.ucaudit.decode;

import static dev.ucaudit.decode.Frames.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TransportDecoderTest {
    private final PacketDecoder decoder = new PacketDecoder();
    private final DecodedPacket out = new DecodedPacket();

    private DecodeStatus decode(byte[] ip) {
        return decoder.decode(raw(PacketDecoder.DLT_RAW, ip), out);
    }

    @Test
    void tcpFieldsAndPayload() {
        byte[] ip = ipv4(6, tcp(2000, 51000, 0xfffffff0L, 42, 0x18, new byte[] {1, 2, 3, 4, 5}));
        assertEquals(DecodeStatus.IP, decode(ip));
        assertEquals(2000, out.srcPort);
        assertEquals(51000, out.dstPort);
        assertEquals(0xfffffff0L, out.tcpSeq);
        assertEquals(42, out.tcpAck);
        assertEquals(0x18, out.tcpFlags);
        assertEquals(40, out.payloadOffset);
        assertEquals(5, out.payloadLength);
        assertEquals(5, out.payloadWireLength);
        assertFalse(out.truncated);
    }

    @Test
    void tcpWithOptionsAndBadDataOffset() {
        byte[] t = concat(tcp(1, 2, 0, 0, 2, new byte[0]), new byte[8]);
        t[12] = 0x70;
        assertEquals(DecodeStatus.IP, decode(ipv4(6, t)));
        assertEquals(0, out.payloadLength);
        t[12] = 0x40;
        assertEquals(DecodeStatus.MALFORMED, decode(ipv4(6, t)));
        assertEquals("TCP data offset says the header is 16 bytes, less than the minimum 20", decoder.lastProblem());
        t[12] = (byte) 0xf0;
        assertEquals(DecodeStatus.MALFORMED, decode(ipv4(6, t)));
        assertEquals("TCP header says it is 60 bytes long but the IP packet holds only 28 bytes of TCP",
                decoder.lastProblem());
        assertEquals(DecodeStatus.MALFORMED, decode(ipv4(6, new byte[12])));
        assertEquals("the IP packet holds only 12 bytes of TCP, less than a TCP header (20)", decoder.lastProblem());
    }

    @Test
    void udpLengthChecks() {
        byte[] u = udp(5060, 5060, new byte[10]);
        u[5] = 30;
        assertEquals(DecodeStatus.MALFORMED, decode(ipv4(17, u)));
        assertEquals("UDP header says length 30 but the IP packet holds only 18 bytes of UDP", decoder.lastProblem());
        u[5] = 4;
        assertEquals(DecodeStatus.MALFORMED, decode(ipv4(17, u)));
        assertEquals("UDP header says length 4, less than its own 8 bytes", decoder.lastProblem());
        u[5] = 12;
        assertEquals(DecodeStatus.IP, decode(ipv4(17, u)));
        assertEquals(4, out.payloadLength, "UDP length shorter than the IP payload: trailing bytes are not payload");
    }

    @Test
    void transportHeaderCutBySnaplenIsTruncatedNotMalformed() {
        byte[] ip = ipv4(6, tcp(1, 2, 0, 0, 2, new byte[100]));
        assertEquals(DecodeStatus.IP, decoder.decode(cut(101, ip, 30), out));
        assertTrue(out.truncated);
        assertEquals(-1, out.srcPort);
        assertEquals(6, out.protocol);
    }

    @Test
    void otherProtocolsHaveNoPorts() {
        for (int protocol : new int[] {1, 47, 50, 51}) {
            assertEquals(DecodeStatus.IP, decode(ipv4(protocol, new byte[16])));
            assertEquals(protocol, out.protocol);
            assertEquals(-1, out.srcPort);
            assertEquals(-1, out.dstPort);
            assertEquals(16, out.payloadLength);
            assertEquals(20, out.payloadOffset);
        }
    }

    @Test
    void sctpHasPortsAndItsChunksArePayload() {
        byte[] sctp = concat(u16(5060), u16(5061), u32(0xabcdef01L), u32(0), new byte[20]);
        assertEquals(DecodeStatus.IP, decode(ipv4(132, sctp)));
        assertEquals(132, out.protocol);
        assertEquals(5060, out.srcPort);
        assertEquals(5061, out.dstPort);
        assertEquals(32, out.payloadOffset);
        assertEquals(20, out.payloadLength);
        assertEquals(DecodeStatus.MALFORMED, decode(ipv4(132, new byte[8])));
        assertTrue(decoder.lastProblem().contains("less than its common header (12)"), decoder.lastProblem());
    }
}
