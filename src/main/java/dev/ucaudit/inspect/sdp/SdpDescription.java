package dev.ucaudit.inspect.sdp;

import java.net.InetAddress;
import java.util.List;

/**
 * The parts of an SDP body the inspectors need.
 *
 * @param sessionAddress session-level {@code c=} address or null
 * @param media the {@code m=} sections in order
 * @param problems count of lines that could not be parsed (bad c=, m= or a=rtcp)
 */
public record SdpDescription(InetAddress sessionAddress, List<SdpMedia> media, int problems) {
    public SdpDescription {
        media = List.copyOf(media);
    }
}
