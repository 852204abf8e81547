package dev.ucaudit.decode;

import static dev.ucaudit.decode.Frames.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.synth.Tunnels;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Tunnel headers are bounds-checked; what is not a tunnel ucaudit opens stays the outer packet. */
class TunnelDecoderTest {
    private final PacketDecoder decoder = new PacketDecoder();
    private final DecodedPacket out = new DecodedPacket();
    private static final byte[] INNER = ipv4(17, udp(5060, 5060, "INVITE".getBytes()));

    private DecodeStatus decode(byte[] frame) {
        return decoder.decode(raw(1, frame), out);
    }

    @Test
    void greWhoseOptionalFieldsRunPastThePacketStaysTheOuterFlow() {
        // checksum, key and sequence announced (16-byte header), only 8 bytes of GRE present
        byte[] gre = {(byte) 0xb0, 0, 0x08, 0x00, 0, 0, 0, 0};
        assertEquals(DecodeStatus.IP, decode(ethernet(0x0800, ipv4(47, gre))));
        assertEquals(47, out.protocol);
        assertEquals(0, out.tunnelDepth);
    }

    @Test
    void greWithSourceRoutingOrAnUnknownProtocolIsNotOpened() {
        byte[] routed = Tunnels.gre(0x0800, false, false, INNER);
        routed[0] |= 0x40;
        assertEquals(DecodeStatus.IP, decode(ethernet(0x0800, ipv4(47, routed))));
        assertEquals(47, out.protocol);
        assertEquals(DecodeStatus.IP, decode(ethernet(0x0800, ipv4(47, Tunnels.gre(0x1234, false, false, INNER)))));
        assertEquals(47, out.protocol);
    }

    @Test
    void vxlanWithoutItsIFlagStaysUdp() {
        byte[] vx = Tunnels.vxlan(ethernet(0x0800, INNER), 1);
        vx[0] = 0;
        assertEquals(DecodeStatus.IP, decode(ethernet(0x0800, ipv4(17, udp(1, 4789, vx)))));
        assertEquals(17, out.protocol);
        assertEquals(4789, out.dstPort);
    }

    @Test
    void innerFramesKeepTheirOwnVlanAndMpls() {
        byte[] tagged = concat(MAC_A, MAC_B, vlanTag(0x8100, 300), u16(0x8847), new byte[] {0, 0, 1, 64}, INNER);
        assertEquals(DecodeStatus.IP, decode(ethernet(0x0800, ipv4(47, Tunnels.erspanII(tagged, 1)))));
        assertEquals(300, out.vlan);
        assertEquals(5060, out.dstPort);
        assertEquals(TunnelType.ERSPAN_II, out.tunnels[0]);
        assertTrue(Arrays.equals(Arrays.copyOf(out.tunnelSrc, 4), IP_A));
    }

    @Test
    void mirroredFrameTruncatedByErspanIsCutNotMalformed() {
        byte[] bigInner = ipv4(17, udp(5060, 5060, new byte[400]));
        byte[] cutInner = Arrays.copyOf(ethernet(0x0800, bigInner), 100);
        byte[] erspan = Tunnels.erspanII(cutInner, 1);
        erspan[8 + 2] |= 0x04; // the T bit of the ERSPAN header (after the 8-byte GRE header)
        assertEquals(DecodeStatus.IP, decode(ethernet(0x0800, ipv4(47, erspan))));
        assertTrue(out.truncated);
        assertEquals(5060, out.srcPort);
        erspan[8 + 2] &= ~0x04;
        assertEquals(DecodeStatus.MALFORMED, decode(ethernet(0x0800, ipv4(47, erspan))));
        assertTrue(decoder.lastProblem().endsWith("(inside erspan-ii)"), decoder.lastProblem());
    }

    @Test
    void decapsulationNoneLeavesTunnelsAlone() {
        PacketDecoder none = new PacketDecoder(Decapsulation.NONE);
        assertEquals(DecodeStatus.IP, none.decode(raw(1, ethernet(0x0800, ipv4(4, INNER))), out));
        assertEquals(4, out.protocol);
        assertEquals(0, out.tunnelDepth);
        assertEquals(DecodeStatus.IP, decode(ethernet(0x0800, ipv4(4, INNER))));
        assertEquals(17, out.protocol);
        assertFalse(out.fragment);
        assertEquals(1, out.tunnelDepth);
    }
}
