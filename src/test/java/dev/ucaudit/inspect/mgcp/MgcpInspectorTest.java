package dev.ucaudit.inspect.mgcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.inspect.Detection;
import dev.ucaudit.inspect.Direction;
import dev.ucaudit.inspect.RecordingContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MgcpInspectorTest {
    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static final String CRCX = "CRCX 1204 aaln/1@gw1.example.net MGCP 1.0\r\nC: A3C47F21456789F0\r\nL: p:10, a:PCMU\r\nM: sendrecv\r\n\r\n"
            + "v=0\r\nc=IN IP4 10.9.0.1\r\nm=audio 3456 RTP/AVP 0\r\n";
    static final String RESP = "200 1204 OK\r\nI: FDE234C8\r\n\r\nv=0\r\nc=IN IP4 10.9.0.2\r\nm=audio 16000 RTP/AVP 0\r\n";

    @Test
    void commandAndResponseWithSdp() {
        RecordingContext c = new RecordingContext("10.9.0.1", 2727, "10.9.0.2", 2427, IpProtocol.UDP);
        MgcpInspector m = new MgcpInspector();
        byte[] a = b(CRCX);
        byte[] r = b(RESP);
        m.onPayload(c, Direction.FROM_INITIATOR, a, 0, a.length, -1, 0);
        m.onPayload(c, Direction.FROM_RESPONDER, r, 0, r.length, -1, 0);
        assertEquals(List.of("rtp 10.9.0.1:3456/udp", "rtcp 10.9.0.1:3457/udp", "rtp 10.9.0.2:16000/udp",
                "rtcp 10.9.0.2:16001/udp"), c.summary());
        assertEquals("RTP of MGCP endpoint aaln/1@gw1.example.net connection FDE234C8 (transaction 1204, call "
                + "A3C47F21456789F0) (SDP in 200 response to CRCX, m=audio)", c.expectations.get(2).reason());
    }

    @Test
    void piggybackedMessages() {
        byte[] d = b("200 1203 OK\r\n.\r\n" + CRCX);
        MgcpParser.Result r = MgcpParser.parse(d, 0, d.length);
        assertEquals(2, r.messages().size());
        assertEquals("CRCX", r.messages().get(1).verb());
        assertTrue(r.messages().get(1).bodyLength() > 0);
    }

    @Test
    void detectThreeWay() {
        assertEquals(Detection.NEEDS_MORE_DATA, MgcpParser.detect(b("CRC"), 0, 3));
        assertEquals(Detection.INVALID, MgcpParser.detect(b("HELLO world"), 0, 11));
        assertEquals(Detection.DETECTED, MgcpParser.detect(b("RQNT 1 x MGCP 1.0"), 0, 17));
    }
}
