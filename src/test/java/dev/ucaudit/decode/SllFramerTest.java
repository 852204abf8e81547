package dev.ucaudit.decode;

import static dev.ucaudit.decode.Frames.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SllFramerTest {
    private final PacketDecoder decoder = new PacketDecoder();
    private final DecodedPacket out = new DecodedPacket();

    static byte[] sll(int hatype, int protocol, byte[] payload) {
        return concat(u16(0), u16(hatype), u16(6), MAC_A, new byte[2], u16(protocol), payload);
    }

    static byte[] sll2(int protocol, int hatype, byte[] payload) {
        return concat(u16(protocol), u16(0), u32(2), u16(hatype), new byte[] {0, 6}, MAC_A, new byte[2], payload);
    }

    @Test
    void sllV1Ipv4() {
        byte[] frame = sll(1, 0x0800, ipv4(6, tcp(5060, 40000, 7, 0, 0x02, new byte[0])));
        assertEquals(DecodeStatus.IP, decoder.decode(raw(113, frame), out));
        assertEquals(5060, out.srcPort);
        assertEquals(7, out.tcpSeq);
    }

    @Test
    void sllV1VlanAndNonIp() {
        byte[] tagged = sll(1, 0x8100, concat(u16(42), u16(0x86dd), ipv6(17, udp(1, 2, new byte[0]))));
        assertEquals(DecodeStatus.IP, decoder.decode(raw(113, tagged), out));
        assertEquals(42, out.vlan);
        assertEquals(DecodeStatus.NOT_IP, decoder.decode(raw(113, sll(1, 0x0806, new byte[28])), out));
        assertEquals(DecodeStatus.NOT_IP, decoder.decode(raw(113, sll(824, 0x0800, new byte[28])), out), "netlink");
    }

    @Test
    void sllV2() {
        byte[] frame = sll2(0x86dd, 1, ipv6(58, new byte[8]));
        assertEquals(DecodeStatus.IP, decoder.decode(raw(276, frame), out));
        assertEquals(58, out.protocol);
        assertEquals(-1, out.srcPort);
        assertEquals(DecodeStatus.MALFORMED, decoder.decode(raw(276, new byte[19]), out));
        assertEquals("Linux cooked (SLL2) header needs 20 bytes but the frame ends after 19", decoder.lastProblem());
    }
}
