package dev.ucaudit.inspect.sdp;

import java.net.InetAddress;

/**
 * One {@code m=} section of an SDP body.
 *
 * @param type audio, video, image, application, ...
 * @param port media port; 0 means the stream is disabled
 * @param proto transport, e.g. RTP/AVP, RTP/SAVP, udptl, TCP/RTP/AVP
 * @param address media-level {@code c=} address, else the session-level one; null when neither parsed
 * @param rtcpPort port of RTCP ({@code a=rtcp:} or port+1; equal to port with {@code a=rtcp-mux}); -1 when none
 * @param rtcpAddress address of RTCP ({@code a=rtcp:PORT IN IP4 addr}), else {@code address}
 */
public record SdpMedia(String type, int port, String proto, InetAddress address, int rtcpPort, InetAddress rtcpAddress) {
}
