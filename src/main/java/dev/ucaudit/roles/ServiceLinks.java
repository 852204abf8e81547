package dev.ucaudit.roles;

import java.util.List;

/**
 * The services a host uses, read from their answers: an NTP server's reply (UDP 123: mode 4, or
 * mode 2, the symmetric passive answer of a time source to ntpd's symmetric active mode 1) and a
 * DNS response (port 53, TCP with its two-byte length) name the answering host the server of the one
 * it answers; whether that makes it the site's NTP or DNS server depends on the client being a CUCM
 * node ({@link Relation#NTP}, {@link Relation#DNS}).
 */
public final class ServiceLinks {
    private static final int NTP_LENGTH = 48;
    private static final int DNS_HEADER = 12;

    private ServiceLinks() {
    }

    /** An NTP packet: version 1-4; a server's reply (mode 4, or symmetric passive 2) links its client (the anchor) to it. */
    public static Scan ntp(byte[] b, int off, int len, List<Link> out) {
        if (len < NTP_LENGTH) {
            return len >= 1 && !ntpVersion(b[off]) ? Scan.INVALID : Scan.NEEDS_MORE;
        }
        if (!ntpVersion(b[off]) || (b[off] & 7) == 0) {
            return Scan.INVALID;
        }
        int mode = b[off] & 7;
        if (mode == 4 || mode == 2) {
            out.add(new Link(Relation.NTP, Claim.About.DESTINATION));
        }
        return Scan.DETECTED;
    }

    private static boolean ntpVersion(byte first) {
        int v = (first >> 3) & 7;
        return v >= 1 && v <= 4;
    }

    /**
     * A DNS message (over TCP after its two-byte length): a header with a known opcode and plausible
     * counts, and the first question's name within bounds; a response links its client to the server.
     */
    public static Scan dns(byte[] b, int off, int len, boolean tcp, List<Link> out) {
        if (tcp) {
            if (len < 2) {
                return Scan.NEEDS_MORE;
            }
            int length = Bytes.be16(b, off);
            if (length < DNS_HEADER) {
                return Scan.INVALID;
            }
            off += 2;
            len = Math.min(len - 2, length);
        }
        if (len < DNS_HEADER) {
            return Scan.NEEDS_MORE;
        }
        int opcode = (b[off + 2] >> 3) & 0x0f;
        int questions = Bytes.be16(b, off + 4);
        if (opcode == 3 || opcode > 6 || questions > 16
                || Bytes.be16(b, off + 6) + Bytes.be16(b, off + 8) + Bytes.be16(b, off + 10) > 4096) {
            return Scan.INVALID;
        }
        if (questions > 0) {
            Scan name = name(b, off + DNS_HEADER, off + len);
            if (name != Scan.DETECTED) {
                return name;
            }
        }
        if ((b[off + 2] & 0x80) != 0) {
            out.add(new Link(Relation.DNS, Claim.About.DESTINATION));
        }
        return Scan.DETECTED;
    }

    /** A name of labels of at most 63 bytes, 255 in all, ending in a zero byte or a compression pointer. */
    private static Scan name(byte[] b, int p, int end) {
        int total = 0;
        while (p < end) {
            int l = b[p] & 0xff;
            if (l == 0 || (l & 0xc0) == 0xc0) {
                return Scan.DETECTED;
            }
            if (l > 63 || (total += l + 1) > 255) {
                return Scan.INVALID;
            }
            p += l + 1;
        }
        return Scan.NEEDS_MORE;
    }
}
