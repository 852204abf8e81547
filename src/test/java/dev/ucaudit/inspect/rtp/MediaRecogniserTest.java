package dev.ucaudit.inspect.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ucaudit.inspect.Direction;
import dev.ucaudit.inspect.Look;
import dev.ucaudit.synth.Messages;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What counts as media on a media port (issue 20 §4): each kind RFC 7983 demultiplexes, and what is not. */
class MediaRecogniserTest {
    private static Look look(MediaRecogniser r, byte[] b) {
        return r.look(Direction.FROM_INITIATOR, b, 0, b.length);
    }

    private static MediaRecogniser fresh() {
        return (MediaRecogniser) new MediaRecogniser().forFlow(17);
    }

    @Test
    void rtpNeedsTwoPacketsOfOneSourceWithRisingSequence() {
        MediaRecogniser r = fresh();
        assertEquals(Look.MORE, look(r, Messages.rtp(10, 160, 7, 160)));
        assertEquals(Look.YES, look(r, Messages.rtp(11, 320, 7, 160)));
        MediaRecogniser back = fresh();
        look(back, Messages.rtp(10, 160, 7, 160));
        assertEquals(Look.NO, look(back, Messages.rtp(9000, 320, 7, 160)), "a sequence number jumping away is not a stream");
    }

    @Test
    void srtpIsAnRtpHeaderWithAnEncryptedPayload() {
        Random random = new Random(7);
        MediaRecogniser r = fresh();
        for (int seq = 100; seq < 102; seq++) {
            byte[] p = Messages.rtp(seq, 160L * seq, 0x5eed, 170);
            byte[] cipher = new byte[158];
            random.nextBytes(cipher);
            System.arraycopy(cipher, 0, p, 12, cipher.length);
            p[1] = 96; // dynamic payload type
            Look l = look(r, p);
            assertEquals(seq == 100 ? Look.MORE : Look.YES, l);
        }
    }

    @Test
    void rtcpStunDtlsZrtpAndUdptlAreMediaAtOnce() {
        assertEquals(Look.YES, look(fresh(), Messages.rtcpSenderReport(9)));
        byte[] stun = new byte[20];
        stun[1] = 0x01;
        stun[4] = 0x21;
        stun[5] = 0x12;
        stun[6] = (byte) 0xa4;
        stun[7] = 0x42;
        assertEquals(Look.YES, look(fresh(), stun), "STUN binding request (ICE)");
        byte[] dtls = new byte[13 + 20];
        dtls[0] = 22;
        dtls[1] = (byte) 0xfe;
        dtls[2] = (byte) 0xfd;
        dtls[12] = 20;
        assertEquals(Look.YES, look(fresh(), dtls), "DTLS 1.2 handshake (DTLS-SRTP)");
        byte[] zrtp = ByteBuffer.allocate(28).put((byte) 0x10).put((byte) 0).putShort((short) 1)
                .put("ZRTP".getBytes(StandardCharsets.US_ASCII)).array();
        assertEquals(Look.YES, look(fresh(), zrtp));
        byte[] udptl = {0x00, 0x05, 0x02, 0x40, 0x11, 0x00}; // seq 5, IFP of 2 bytes, no redundancy
        assertEquals(Look.YES, look(fresh(), udptl), "T.38 over UDPTL");
    }

    @Test
    void httpTextAndAlcatelSignallingAreNot() {
        assertEquals(Look.NO, look(fresh(), "GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
        byte[] ua = {7, 0, 1, 0, 2, 0x04, 0x01, 0x00, 0x12, 0x00, 0x05, 0x21, 0x22, 0x05};
        assertEquals(Look.NO, look(fresh(), ua), "UA/UDP DATA (opcode 7)");
        assertEquals(Look.NO, look(fresh(), new byte[] {4}), "UA/UDP KEEPALIVE");
    }
}
