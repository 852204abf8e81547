package dev.ucaudit.decode;

import static dev.ucaudit.decode.Frames.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NflogFramerTest {
    private final PacketDecoder decoder = new PacketDecoder();
    private final DecodedPacket out = new DecodedPacket();

    /** A little-endian TLV padded to 4 bytes. */
    static byte[] tlv(int type, byte[] value) {
        int length = 4 + value.length;
        byte[] pad = new byte[(4 - length % 4) % 4];
        return concat(new byte[] {(byte) length, (byte) (length >> 8), (byte) type, (byte) (type >> 8)}, value, pad);
    }

    @Test
    void payloadTlvHoldsThePacket() {
        byte[] packet = ipv4(6, tcp(80, 33000, 1, 1, 0x18, new byte[] {'h', 'i', '!'}));
        byte[] frame = concat(new byte[] {2, 0, 0, 0}, tlv(1, new byte[4]), tlv(10, new byte[] {'e', 't', 'h'}),
                tlv(9, packet));
        assertEquals(DecodeStatus.IP, decoder.decode(raw(239, frame), out));
        assertEquals(80, out.srcPort);
        assertEquals(3, out.payloadLength);
        assertEquals('h', frame[out.payloadOffset]);
    }

    @Test
    void noPayloadTlvIsNotIpAndBadLengthIsMalformed() {
        assertEquals(DecodeStatus.NOT_IP, decoder.decode(raw(239, concat(new byte[] {2, 0, 0, 0}, tlv(1, new byte[4]))), out));
        byte[] lying = concat(new byte[] {2, 0, 0, 0}, new byte[] {(byte) 200, 0, 9, 0}, new byte[8]);
        assertEquals(DecodeStatus.MALFORMED, decoder.decode(raw(239, lying), out));
        assertTrue(decoder.lastProblem().contains("impossible length"), decoder.lastProblem());
    }
}
