package dev.ucaudit.inspect.sdp;

import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.inspect.Channel;
import dev.ucaudit.inspect.Expectation;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns SDP media into expectations: audio -> rtp, video -> video, image (T.38) -> t38, plus
 * rtcp for RTP transports. Port 0 (disabled) and media without a connection address give
 * nothing; other media types (application, text, ...) are not expected.
 */
public final class SdpExpectations {
    private SdpExpectations() {
    }

    /**
     * @param call names the call, e.g. "SIP call 3c26@10.0.0.5"
     * @param where names the message, e.g. "SDP in INVITE"
     */
    public static List<Expectation> of(SdpDescription sdp, String inspector, String call, String where) {
        List<Expectation> out = new ArrayList<>();
        for (SdpMedia m : sdp.media()) {
            if (m.port() == 0 || m.address() == null) {
                continue;
            }
            Channel kind = switch (m.type()) {
                case "audio" -> Channel.RTP;
                case "video" -> Channel.VIDEO;
                case "image" -> Channel.T38;
                default -> null;
            };
            if (kind == null) {
                continue;
            }
            IpProtocol proto = m.proto().toUpperCase().startsWith("TCP") ? IpProtocol.TCP : IpProtocol.UDP;
            String label = kind == Channel.RTP ? "RTP" : kind == Channel.VIDEO ? "video RTP" : "T.38";
            String tail = " of " + call + " (" + where + ", m=" + m.type() + ")";
            out.add(new Expectation(m.address(), m.port(), proto, inspector, kind, label + tail, null));
            if (m.rtcpPort() >= 0 && m.rtcpAddress() != null && !(m.rtcpPort() == m.port() && m.rtcpAddress().equals(m.address()))) {
                out.add(new Expectation(m.rtcpAddress(), m.rtcpPort(), proto, inspector, Channel.RTCP, "RTCP" + tail, null));
            }
        }
        return out;
    }
}
