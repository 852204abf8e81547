package dev.ucaudit.diff;

import dev.ucaudit.report.FlowRow;
import java.util.Comparator;

/**
 * What makes two flows "the same" for the nightly diff: initiator host and role, responder host,
 * protocol and responder port. The initiator's port is dropped; a responder port in the media range
 * (16384-32767) or the ephemeral range (32768-61000) is replaced by that range, so calls and
 * callbacks on fresh ports do not show up as new flows every night.
 */
public record FlowSignature(String initiator, String initiatorRole, String responder, String protocol, String port)
        implements Comparable<FlowSignature> {
    public static final int MEDIA_LO = 16384;
    public static final int MEDIA_HI = 32767;
    public static final int EPHEMERAL_LO = 32768;
    public static final int EPHEMERAL_HI = 61000;
    public static final String MEDIA_RANGE = MEDIA_LO + "-" + MEDIA_HI;
    public static final String EPHEMERAL_RANGE = EPHEMERAL_LO + "-" + EPHEMERAL_HI;

    private static final Comparator<FlowSignature> ORDER = Comparator.comparing(FlowSignature::initiator)
            .thenComparing(FlowSignature::responder).thenComparing(FlowSignature::protocol)
            .thenComparing(FlowSignature::port).thenComparing(FlowSignature::initiatorRole);

    public static FlowSignature of(FlowRow f) {
        return new FlowSignature(f.initiator(), f.initiatorRole(), f.responder(), f.protocol(), portLabel(f.responderPort()));
    }

    /** The responder port as the signature writes it: empty, a number, or a collapsed range. */
    public static String portLabel(int port) {
        if (port < 0) {
            return "";
        }
        if (port >= MEDIA_LO && port <= MEDIA_HI) {
            return MEDIA_RANGE;
        }
        if (port >= EPHEMERAL_LO && port <= EPHEMERAL_HI) {
            return EPHEMERAL_RANGE;
        }
        return Integer.toString(port);
    }

    /** {@code 10.20.0.21 (phone) → 10.10.1.11 2000/tcp}. */
    public String describe() {
        String service = port.isEmpty() ? protocol : port + "/" + protocol;
        return initiator + " (" + initiatorRole + ") → " + responder + " " + service;
    }

    @Override
    public int compareTo(FlowSignature o) {
        return ORDER.compare(this, o);
    }
}
