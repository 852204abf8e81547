package dev.ucaudit.decode;

import static dev.ucaudit.decode.Frames.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EthernetFramerTest {
    private final PacketDecoder decoder = new PacketDecoder();
    private final DecodedPacket out = new DecodedPacket();

    private DecodeStatus decode(byte[] frame) {
        return decoder.decode(raw(PacketDecoder.DLT_EN10MB, frame), out);
    }

    @Test
    void plainIpv4Udp() {
        assertEquals(DecodeStatus.IP, decode(ethernet(0x0800, ipv4(17, udp(5060, 5061, new byte[10])))));
        assertEquals(4, out.ipVersion);
        assertEquals(5060, out.srcPort);
        assertEquals(5061, out.dstPort);
        assertEquals(-1, out.vlan);
    }

    @Test
    void singleVlanTagGivesItsId() {
        byte[] frame = concat(MAC_B, MAC_A, vlanTag(0x8100, 0x2064), u16(0x0800), ipv4(17, udp(1, 2, new byte[0])));
        assertEquals(DecodeStatus.IP, decode(frame));
        assertEquals(100, out.vlan);
        assertEquals(2, out.dstPort);
    }

    @Test
    void qinqStackKeepsOuterVlan() {
        byte[] frame = concat(MAC_B, MAC_A, vlanTag(0x88a8, 10), vlanTag(0x9100, 20), vlanTag(0x8100, 30),
                u16(0x86dd), ipv6(6, tcp(3268, 50000, 1, 2, 0x12, new byte[0])));
        assertEquals(DecodeStatus.IP, decode(frame));
        assertEquals(10, out.vlan);
        assertEquals(6, out.ipVersion);
        assertEquals(0x12, out.tcpFlags);
    }

    /** Eight stacked tags are the most accepted (issue 15: exactly 8 were reported as "more than 8"); nine are not. */
    @Test
    void eightVlanTagsDecodeNineAreMalformed() {
        byte[] tags = new byte[0];
        for (int i = 1; i <= 8; i++) {
            tags = concat(tags, vlanTag(0x8100, i));
        }
        assertEquals(DecodeStatus.IP, decode(concat(MAC_B, MAC_A, tags, u16(0x0800), ipv4(17, udp(1, 2, new byte[0])))),
                String.valueOf(decoder.lastProblem()));
        assertEquals(1, out.vlan);
        assertEquals(2, out.dstPort);
        byte[] nine = concat(tags, vlanTag(0x8100, 9));
        assertEquals(DecodeStatus.MALFORMED, decode(concat(MAC_B, MAC_A, nine, u16(0x0800), ipv4(17, udp(1, 2, new byte[0])))));
        assertEquals("more than 8 stacked VLAN tags", decoder.lastProblem());
    }

    @Test
    void pppoeSessionCarriesIpv4AndIpv6() {
        byte[] pppoe4 = concat(new byte[] {0x11, 0, 0, 1}, u16(2 + 28), u16(0x0021), ipv4(17, udp(514, 514, new byte[0])));
        assertEquals(DecodeStatus.IP, decode(ethernet(0x8864, pppoe4)));
        assertEquals(514, out.dstPort);
        byte[] pppoe6 = concat(new byte[] {0x11, 0, 0, 1}, u16(2 + 48), u16(0x0057), ipv6(17, udp(1, 514, new byte[0])));
        assertEquals(DecodeStatus.IP, decode(ethernet(0x8864, pppoe6)));
        assertEquals(6, out.ipVersion);
        byte[] lcp = concat(new byte[] {0x11, 0, 0, 1}, u16(6), u16(0xc021), new byte[4]);
        assertEquals(DecodeStatus.NOT_IP, decode(ethernet(0x8864, lcp)));
    }

    @Test
    void nonIpFramesAreNotIp() {
        assertEquals(DecodeStatus.NOT_IP, decode(ethernet(0x0806, new byte[28])), "ARP");
        assertEquals(DecodeStatus.NOT_IP, decode(ethernet(0x88cc, new byte[30])), "LLDP");
        assertEquals(DecodeStatus.NOT_IP, decode(ethernet(38, new byte[38])), "802.3 length field (CDP, STP)");
        assertEquals(DecodeStatus.NOT_IP, decode(concat(MAC_B, MAC_A, vlanTag(0x8100, 5), u16(0x0806), new byte[28])));
    }

    @Test
    void mplsLabelStackLeadsToIp() {
        byte[] labels = concat(new byte[] {0, 1, 0, 64}, new byte[] {0, 2, 1, 64});
        assertEquals(DecodeStatus.IP, decode(ethernet(0x8847, concat(labels, ipv4(17, udp(7, 8, new byte[0]))))));
        assertEquals(8, out.dstPort);
    }

    @Test
    void shortFramesAreMalformedWithReason() {
        assertEquals(DecodeStatus.MALFORMED, decode(new byte[10]));
        assertEquals("Ethernet header needs 14 bytes but the frame ends after 10", decoder.lastProblem());
        assertEquals(DecodeStatus.MALFORMED, decode(concat(MAC_B, MAC_A, u16(0x8100), new byte[2])));
        assertTrue(decoder.lastProblem().startsWith("802.1Q VLAN tag needs 4 bytes"), decoder.lastProblem());
    }

    @Test
    void frameCutBySnaplenInsideEthernetHeaderSaysSo() {
        byte[] frame = ethernet(0x0800, ipv4(17, udp(1, 2, new byte[40])));
        assertEquals(DecodeStatus.MALFORMED, decoder.decode(cut(PacketDecoder.DLT_EN10MB, frame, 8), out));
        assertTrue(decoder.lastProblem().contains("snapshot length"), decoder.lastProblem());
    }
}
