package dev.ucaudit.inspect;

import dev.ucaudit.catalog.AppProtocol;
import java.util.Objects;
import java.util.Optional;

/**
 * What a pinhole opens the way for (an {@link Expectation}'s kind): media, named here, or a channel a
 * protocol's package names (H.245 opened by H.225, a TFTP transfer). A channel of a protocol with an
 * inspector ({@link #protocol()}) is read by that inspector once it is matched.
 *
 * @param token the kind's name ("rtp", "h245", "tftp-data")
 */
public record Channel(String token) {
    public static final Channel RTP = new Channel("rtp");
    /** RTCP: it does not replace the RTP pinhole of the same endpoint ({@link ExpectationTable}). */
    public static final Channel RTCP = new Channel("rtcp");
    public static final Channel VIDEO = new Channel("video");
    public static final Channel T38 = new Channel("t38");

    public Channel {
        Objects.requireNonNull(token, "token");
    }

    /** The negotiated signalling channel of {@code protocol} (its token as the kind). */
    public static Channel of(AppProtocol protocol) {
        return new Channel(protocol.token());
    }

    /** The protocol whose signalling the channel carries, if it is one. */
    public Optional<AppProtocol> protocol() {
        return AppProtocol.of(token);
    }

    @Override
    public String toString() {
        return token;
    }
}
