package dev.ucaudit.roles;

import dev.ucaudit.inspect.Detection;
import dev.ucaudit.inspect.h323.Q931;
import java.util.List;

/**
 * What H.323 call signalling (TCP 1720) and CTIQBE (TCP 2748) say about a pair of hosts.
 *
 * <p>Q.931 in TPKT ({@code 03 00} and a length): a Setup (message type 0x05) makes its caller and
 * callee H.323 peers, gateways or the ends of an intercluster trunk; which, depends on the other end
 * being a CUCM node ({@link Relation#Q931_CALLS_CUCM}, {@link Relation#Q931_CALLED_BY_CUCM}). The
 * message is read by the H.225 inspector's own Q.931 decoder, whole TPKT packets only.
 *
 * <p>CTIQBE's message format is not published; what is read is an answer from port 2748: a
 * payload of at least four bytes that is neither a TLS record nor text (HTTP, SSH, SIP start with
 * printable words). The client it answers is a CTI application when the answering host is a CUCM
 * node ({@link Relation#CTIQBE}).
 */
public final class CallLinks {
    private static final int TPKT_HEADER = 4;
    private static final int SETUP = 0x05;

    private CallLinks() {
    }

    public static Scan q931(byte[] b, int off, int len, List<Link> out) {
        if (len < TPKT_HEADER) {
            return len >= 1 && b[off] != 3 || len >= 2 && b[off + 1] != 0 ? Scan.INVALID : Scan.NEEDS_MORE;
        }
        int length = Bytes.be16(b, off + 2);
        if (b[off] != 3 || b[off + 1] != 0 || length < TPKT_HEADER + 3) {
            return Scan.INVALID;
        }
        if (len < length) {
            return Scan.NEEDS_MORE;
        }
        Q931.Message m = Q931.parse(b, off + TPKT_HEADER, length - TPKT_HEADER);
        if (m.detection() != Detection.DETECTED) {
            return Scan.INVALID; // not Q.931, or a whole TPKT packet that ends inside its Q.931 header
        }
        if (m.messageType() == SETUP) {
            out.add(new Link(Relation.Q931_CALLS_CUCM, Claim.About.DESTINATION));
            out.add(new Link(Relation.Q931_CALLED_BY_CUCM, Claim.About.SOURCE));
        }
        return Scan.DETECTED;
    }

    /** A payload sent from port 2748 (the caller checks the port). */
    public static Scan ctiqbeAnswer(byte[] b, int off, int len, List<Link> out) {
        if (len < 4) {
            return len >= 1 && tlsRecord(b, off, len) ? Scan.INVALID : Scan.NEEDS_MORE;
        }
        if (tlsRecord(b, off, len) || printable(b[off]) && printable(b[off + 1]) && printable(b[off + 2]) && printable(b[off + 3])) {
            return Scan.INVALID;
        }
        out.add(new Link(Relation.CTIQBE, Claim.About.SOURCE));
        return Scan.DETECTED;
    }

    private static boolean tlsRecord(byte[] b, int off, int len) {
        int type = b[off] & 0xff;
        return type >= 0x14 && type <= 0x17 && (len < 2 || b[off + 1] == 3);
    }

    private static boolean printable(byte c) {
        return c >= 0x20 && c < 0x7f;
    }
}
