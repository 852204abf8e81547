package dev.ucaudit.inspect.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.inspect.Direction;
import dev.ucaudit.inspect.RecordingContext;
import dev.ucaudit.inspect.sdp.SdpParser;
import dev.ucaudit.synth.Messages;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SIP messages from our generator: a 65 KB INVITE and WebRTC's a=rtcp:9 IN IP4 0.0.0.0 are read, not malformed. */
class SipBodiesTest {
    private static final String WEBRTC_RTCP = "a=rtcp:9 IN IP4 0.0.0.0\r\n";

    /** An INVITE whose SDP is padded with attribute lines to about {@code bodyBytes}. */
    private static byte[] invite(int bodyBytes, String extra) {
        StringBuilder sdp = new StringBuilder(Messages.sdp("10.0.0.5", 16384, 1)).append(extra);
        while (sdp.length() < bodyBytes) {
            sdp.append("a=x-pad:").append("p".repeat(70)).append("\r\n");
        }
        return Messages.sipRequest("INVITE", "sip:b@cucm", "sip:a@cucm", "sip:b@cucm", "big@10.0.0.5", 1, "10.0.0.5:5060",
                sdp.toString());
    }

    @Test
    void aSixtyFiveKilobyteInviteOverTcpIsRead() {
        byte[] m = invite(65 * 1024, "");
        RecordingContext ctx = new RecordingContext("10.0.0.5", 40000, "10.0.0.6", 5060, IpProtocol.TCP);
        SipInspector s = new SipInspector();
        for (int at = 0; at < m.length; at += 1448) {
            s.onPayload(ctx, Direction.FROM_INITIATOR, m, at, Math.min(1448, m.length - at), 1000 + at, 0);
        }
        assertEquals(List.of(), ctx.malformed);
        assertEquals(List.of("INVITE"), ctx.messages);
        assertEquals(List.of("rtp 10.0.0.5:16384/udp", "rtcp 10.0.0.5:16385/udp"), ctx.summary());
    }

    @Test
    void aBodyOverTheConfiguredBoundIsMalformed() {
        byte[] m = invite(20 * 1024, "");
        RecordingContext ctx = new RecordingContext("10.0.0.5", 40000, "10.0.0.6", 5060, IpProtocol.TCP);
        new SipInspector(16 * 1024).onPayload(ctx, Direction.FROM_INITIATOR, m, 0, m.length, 1000, 0);
        assertEquals(1, ctx.malformed.size(), ctx.malformed.toString());
        assertTrue(SipFramer.DEFAULT_MAX_BODY > 64 * 1024, "the default is well above 64 KB");
    }

    @Test
    void webRtcRtcpLineIsNotMalformed() {
        assertEquals(0, SdpParser.parse(Messages.sdp("10.0.0.5", 16384, 1) + WEBRTC_RTCP).problems());
        byte[] m = invite(0, WEBRTC_RTCP);
        RecordingContext ctx = new RecordingContext("10.0.0.5", 5060, "10.0.0.6", 5060, IpProtocol.UDP);
        new SipInspector().onPayload(ctx, Direction.FROM_INITIATOR, m, 0, m.length, -1, 0);
        assertEquals(List.of(), ctx.malformed);
        assertEquals("rtp 10.0.0.5:16384/udp", ctx.summary().get(0));
    }
}
