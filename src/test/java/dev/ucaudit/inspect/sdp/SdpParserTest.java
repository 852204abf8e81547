package dev.ucaudit.inspect.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class SdpParserTest {
    @Test
    void sessionAndMediaLevelConnection() {
        SdpDescription d = SdpParser.parse("v=0\r\no=- 1 1 IN IP4 10.0.0.5\r\nc=IN IP4 10.0.0.5\r\nt=0 0\r\n"
                + "m=audio 16384 RTP/AVP 0 8\r\nm=video 20000 RTP/AVP 97\r\nc=IN IP4 10.0.0.9\r\n");
        assertEquals(2, d.media().size());
        assertEquals("10.0.0.5", d.media().get(0).address().getHostAddress());
        assertEquals(16385, d.media().get(0).rtcpPort());
        assertEquals("10.0.0.9", d.media().get(1).address().getHostAddress());
    }

    @Test
    void ipv6RtcpAttributePortZeroAndT38() {
        SdpDescription d = SdpParser.parse("v=0\nc=IN IP6 2001:db8::1\nm=audio 5004 RTP/AVP 0\n"
                + "a=rtcp:5010 IN IP4 192.0.2.7\nm=video 0 RTP/AVP 97\nm=image 6000 udptl t38\n");
        List<SdpMedia> m = d.media();
        assertEquals("2001:db8:0:0:0:0:0:1", m.get(0).address().getHostAddress());
        assertEquals(5010, m.get(0).rtcpPort());
        assertEquals("192.0.2.7", m.get(0).rtcpAddress().getHostAddress());
        assertEquals(-1, m.get(2).rtcpPort());
        List<String> kinds = SdpExpectations.of(d, "sip", "SIP call x", "SDP in INVITE").stream()
                .map(e -> e.kind() + ":" + e.port()).toList();
        assertEquals(List.of("rtp:5004", "rtcp:5010", "t38:6000"), kinds);
    }

    @Test
    void holdAddressAndGarbageLinesGiveNoMedia() {
        SdpDescription d = SdpParser.parse("c=IN IP4 0.0.0.0\nm=audio 4000 RTP/AVP 0\nc=IN IP4 999.1.1.1\nm=audio x RTP/AVP\n");
        assertNull(d.media().get(0).address());
        assertEquals(2, d.problems());
        assertEquals(0, SdpExpectations.of(d, "sip", "c", "w").size());
    }

    @Test
    void rtcpMuxMeansNoSeparateRtcp() {
        SdpDescription d = SdpParser.parse("c=IN IP4 10.1.1.1\nm=audio 7000 RTP/SAVPF 111\na=rtcp-mux\n");
        assertEquals(1, SdpExpectations.of(d, "sip", "c", "w").size());
    }
}
