package dev.ucaudit.decode;

import static dev.ucaudit.decode.Frames.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.packet.RawPacket;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PacketDecoderTest {
    private final PacketDecoder decoder = new PacketDecoder();
    private final DecodedPacket out = new DecodedPacket();

    @Test
    void rawIpLinkTypesFollowTheVersionNibble() {
        byte[] v4 = ipv4(17, udp(1, 2, new byte[0]));
        byte[] v6 = ipv6(17, udp(1, 2, new byte[0]));
        for (int dlt : new int[] {101, 12, 14}) {
            assertEquals(DecodeStatus.IP, decoder.decode(raw(dlt, v4), out));
            assertEquals(4, out.ipVersion);
            assertEquals(DecodeStatus.IP, decoder.decode(raw(dlt, v6), out));
            assertEquals(6, out.ipVersion);
        }
        assertEquals(DecodeStatus.IP, decoder.decode(raw(228, v4), out));
        assertEquals(DecodeStatus.IP, decoder.decode(raw(229, v6), out));
        assertEquals(DecodeStatus.MALFORMED, decoder.decode(raw(228, v6), out));
        assertEquals("IPv4 header has IP version 6", decoder.lastProblem());
        assertEquals(DecodeStatus.IP, decoder.decode(raw(229, v6), out));
        assertNull(decoder.lastProblem(), "a good packet clears the previous problem");
    }

    @Test
    void unknownLinkType() {
        assertEquals(DecodeStatus.UNKNOWN_LINK_TYPE, decoder.decode(raw(274, new byte[60]), out));
        assertTrue(decoder.lastProblem().startsWith("link type 274 is not one ucaudit decodes"), decoder.lastProblem());
    }

    @Test
    void resetClearsThePreviousPacket() {
        decoder.decode(raw(1, concat(MAC_B, MAC_A, vlanTag(0x8100, 7), u16(0x0800),
                ipv4(6, tcp(1, 2, 3, 4, 0x12, new byte[0])))), out);
        assertEquals(7, out.vlan);
        assertEquals(DecodeStatus.IP, decoder.decode(raw(101, ipv4(1, new byte[8])), out));
        assertEquals(-1, out.vlan);
        assertEquals(0, out.tcpFlags);
        assertEquals(-1, out.srcPort);
    }

    @Test
    void packetAtAnOffsetInsideALargerBuffer() {
        byte[] frame = ethernet(0x0800, ipv4(17, udp(9, 10, new byte[3])));
        byte[] buffer = concat(new byte[100], frame, new byte[50]);
        RawPacket p = new RawPacket().set("x", 1, 0, 1, buffer, 100, frame.length, frame.length);
        assertEquals(DecodeStatus.IP, decoder.decode(p, out));
        assertEquals(10, out.dstPort);
        assertEquals(100 + 14 + 20 + 8, out.payloadOffset);
        assertEquals(3, out.payloadLength);
    }

    @Test
    void randomBytesNeverThrowAndNeverHitTheLastGuard() {
        Random random = new Random(42);
        int[] dlts = {0, 1, 12, 101, 108, 113, 228, 229, 239, 258, 276};
        byte[] seed = ethernet(0x0800, ipv4(6, tcp(1, 2, 3, 4, 5, new byte[20])));
        for (int i = 0; i < 50_000; i++) {
            byte[] b = random.nextInt(2) == 0 ? new byte[random.nextInt(120)] : seed.clone();
            for (int j = 0; j < b.length; j++) {
                if (random.nextInt(8) == 0) {
                    b[j] = (byte) random.nextInt(256);
                }
            }
            int len = b.length == 0 ? 0 : random.nextInt(b.length + 1);
            RawPacket p = new RawPacket().set("fuzz", i, 0, dlts[random.nextInt(dlts.length)], b, 0, len,
                    len + random.nextInt(3) * random.nextInt(100));
            DecodeStatus s = decoder.decode(p, out);
            if (s == DecodeStatus.MALFORMED) {
                assertTrue(!decoder.lastProblem().startsWith("internal decoder error"), decoder.lastProblem());
            }
        }
    }
}
