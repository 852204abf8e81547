package dev.ucaudit.decode;

import static dev.ucaudit.decode.Frames.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LoopbackFramerTest {
    private final PacketDecoder decoder = new PacketDecoder();
    private final DecodedPacket out = new DecodedPacket();

    private DecodeStatus decode(int dlt, byte[] family, byte[] packet) {
        return decoder.decode(raw(dlt, concat(family, packet)), out);
    }

    @Test
    void nullInBothByteOrders() {
        byte[] v4 = ipv4(6, tcp(8443, 1234, 0, 0, 0x10, new byte[0]));
        assertEquals(DecodeStatus.IP, decode(0, new byte[] {2, 0, 0, 0}, v4));
        assertEquals(8443, out.srcPort);
        assertEquals(DecodeStatus.IP, decode(0, new byte[] {0, 0, 0, 2}, v4));
        assertEquals(4, out.ipVersion);
    }

    @Test
    void ipv6FamiliesOfTheBsds() {
        byte[] v6 = ipv6(17, udp(1, 2, new byte[0]));
        for (int family : new int[] {24, 28, 30}) {
            assertEquals(DecodeStatus.IP, decode(0, new byte[] {(byte) family, 0, 0, 0}, v6), "AF " + family);
            assertEquals(6, out.ipVersion);
            assertEquals(DecodeStatus.IP, decode(108, new byte[] {0, 0, 0, (byte) family}, v6), "LOOP AF " + family);
        }
    }

    @Test
    void loopIsNetworkOrderAndOtherFamiliesAreNotIp() {
        assertEquals(DecodeStatus.NOT_IP, decode(108, new byte[] {2, 0, 0, 0}, new byte[20]),
                "LOOP reads 0x02000000, not AF_INET");
        assertEquals(DecodeStatus.NOT_IP, decode(0, new byte[] {7, 0, 0, 0}, new byte[20]));
        assertEquals(DecodeStatus.MALFORMED, decoder.decode(raw(0, new byte[3]), out));
    }
}
