package dev.ucaudit.inspect;

import dev.ucaudit.catalog.IpProtocol;
import java.net.InetAddress;
import java.util.Objects;

/**
 * A pinhole: traffic to {@code address:port} over {@code protocol} is expected because signalling
 * negotiated it.
 *
 * @param inspector the inspector that saw the negotiation: sip, sccp, h225, mgcp, tftp
 * @param kind what the pinhole opens the way for: rtp, rtcp, video, t38, h245, tftp-data
 * @param reason human text naming the call (call id, conference, transaction, file name)
 * @param peer the other side when the signalling names it (TFTP: the server), else null
 */
public record Expectation(InetAddress address, int port, IpProtocol protocol, String inspector,
        Channel kind, String reason, InetAddress peer) {
    public Expectation {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(inspector, "inspector");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }
}
