package dev.ucaudit.inspect.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.inspect.Detection;
import dev.ucaudit.inspect.Direction;
import dev.ucaudit.inspect.RecordingContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

public class SipInspectorTest {
    public static final String SDP = "v=0\r\no=- 1 1 IN IP4 10.0.0.5\r\ns=-\r\nc=IN IP4 10.0.0.5\r\nt=0 0\r\nm=audio 16384 RTP/AVP 0\r\n";
    public static final String INVITE = "INVITE sip:bob@10.0.0.6 SIP/2.0\r\nVia: SIP/2.0/TCP 10.0.0.5\r\nCall-ID: 3c26@10.0.0.5\r\n"
            + "CSeq: 1 INVITE\r\nContent-Type: application/sdp\r\nContent-Length: " + SDP.length() + "\r\n\r\n" + SDP;
    public static final String SDP2 = "v=0\r\nc=IN IP4 10.0.0.6\r\nm=audio 30000 RTP/AVP 0\r\n";
    public static final String OK_COMPACT = "SIP/2.0 200 OK\r\ni: 3c26@10.0.0.5\r\nCSeq: 1 INVITE\r\nc: application/sdp\r\nl: "
            + SDP2.length() + "\r\n\r\n" + SDP2;
    public static final String BYE = "BYE sip:bob@10.0.0.6 SIP/2.0\r\nCall-ID: 3c26@10.0.0.5\r\nContent-Length: 0\r\n\r\n";

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static RecordingContext tcp() {
        return new RecordingContext("10.0.0.5", 40000, "10.0.0.6", 5060, IpProtocol.TCP);
    }

    @Test
    void udpInviteGivesRtpAndRtcpNamedByCallId() {
        RecordingContext ctx = new RecordingContext("10.0.0.5", 5060, "10.0.0.6", 5060, IpProtocol.UDP);
        byte[] m = b(INVITE);
        new SipInspector().onPayload(ctx, Direction.FROM_INITIATOR, m, 0, m.length, -1, 0);
        assertEquals(List.of("rtp 10.0.0.5:16384/udp", "rtcp 10.0.0.5:16385/udp"), ctx.summary());
        assertEquals("RTP of SIP call 3c26@10.0.0.5 (SDP in INVITE, m=audio)", ctx.expectations.get(0).reason());
    }

    @Test
    void severalMessagesInOneSegmentWithCompactHeaders() {
        RecordingContext ctx = tcp();
        byte[] m = b(INVITE + OK_COMPACT + BYE);
        new SipInspector().onPayload(ctx, Direction.FROM_INITIATOR, m, 0, m.length, 1000, 0);
        assertEquals(List.of("INVITE", "200", "BYE"), ctx.messages);
        assertEquals("rtp 10.0.0.6:30000/udp", ctx.summary().get(2));
        assertTrue(ctx.expectations.get(2).reason().contains("SDP in 200 to INVITE"));
    }

    @Test
    void oneMessageAcrossSegmentsAndRetransmissionIgnored() {
        RecordingContext ctx = tcp();
        SipInspector s = new SipInspector();
        byte[] m = b(INVITE);
        int cut = 100;
        s.onPayload(ctx, Direction.FROM_INITIATOR, m, 0, cut, 5000, 0);
        assertEquals(0, ctx.messages.size());
        s.onPayload(ctx, Direction.FROM_INITIATOR, m, 0, cut, 5000, 0); // retransmission
        s.onPayload(ctx, Direction.FROM_INITIATOR, m, cut, m.length - cut, 5000 + cut, 0);
        assertEquals(List.of("INVITE"), ctx.messages);
        assertEquals(2, ctx.expectations.size());
        assertEquals(0, ctx.malformed.size());
    }

    @Test
    void framerThreeWay() {
        SipFramer f = new SipFramer(false);
        assertEquals(Detection.NEEDS_MORE_DATA, f.frame(b("INV"), 0, 3).detection());
        assertEquals(Detection.NEEDS_MORE_DATA, f.frame(b("SIP/2"), 0, 5).detection());
        assertEquals(Detection.INVALID, f.frame(b("\u0016\u0003\u0001hello"), 0, 8).detection());
        assertEquals(Detection.INVALID, f.frame(b("BYE x SIP/2.0\r\nContent-Length: -5\r\n\r\n"), 0, 38).detection());
        byte[] lying = b("BYE x SIP/2.0\r\nl: 999999\r\n\r\n");
        assertEquals(Detection.INVALID, f.frame(lying, 0, lying.length).detection());
        byte[] shortBody = b("BYE x SIP/2.0\r\nl: 10\r\n\r\nabc");
        assertEquals(Detection.NEEDS_MORE_DATA, f.frame(shortBody, 0, shortBody.length).detection());
        assertEquals(Detection.DETECTED, new SipFramer(true).frame(shortBody, 0, shortBody.length).detection());
    }

    @Test
    void garbageOnTcpIsCountedNotThrown() {
        RecordingContext ctx = tcp();
        byte[] g = {0x16, 0x03, 0x01, 0x00, 0x05, 1, 2, 3, 4, 5};
        new SipInspector().onPayload(ctx, Direction.FROM_INITIATOR, g, 0, g.length, 1, 0);
        assertEquals(1, ctx.malformed.size());
    }
}
