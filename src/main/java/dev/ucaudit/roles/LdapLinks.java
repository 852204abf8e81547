package dev.ucaudit.roles;

import java.util.List;

/**
 * LDAP (TCP 389 and the global catalog's 3268), BER: a SEQUENCE (0x30, short or long length),
 * the messageID (an INTEGER of 1-4 bytes), then the protocol operation, an APPLICATION tag. A
 * bindRequest ([APPLICATION 0], 0x60) links its sender to the directory it binds to; a bindResponse
 * ([APPLICATION 1], 0x61) links the client it answers to the directory. Other operations are LDAP
 * but name no role here. Only the headers are read, so a bind split over segments is still read.
 */
public final class LdapLinks {
    private LdapLinks() {
    }

    public static Scan read(byte[] b, int off, int len, List<Link> out) {
        if (len < 1) {
            return Scan.NEEDS_MORE;
        }
        if ((b[off] & 0xff) != 0x30) {
            return Scan.INVALID;
        }
        int p = off + 1;
        int end = off + len;
        if (p >= end) {
            return Scan.NEEDS_MORE;
        }
        int first = b[p] & 0xff;
        if (first == 0x80 || first > 0x84) {
            return Scan.INVALID; // indefinite, or a length no LDAP message has
        }
        p += first < 0x80 ? 1 : 1 + (first & 0x7f);
        if (p + 2 > end) {
            return Scan.NEEDS_MORE;
        }
        int idLength = b[p + 1] & 0xff;
        if ((b[p] & 0xff) != 0x02 || idLength < 1 || idLength > 4) {
            return Scan.INVALID;
        }
        p += 2 + idLength;
        if (p >= end) {
            return Scan.NEEDS_MORE;
        }
        int op = b[p] & 0xff;
        if ((op & 0xc0) != 0x40) {
            return Scan.INVALID; // not an APPLICATION tag: not an LDAPMessage
        }
        if (op == 0x60) {
            out.add(new Link(Relation.LDAP_BIND, Claim.About.SOURCE));
        } else if (op == 0x61) {
            out.add(new Link(Relation.LDAP_BOUND, Claim.About.DESTINATION));
        }
        return Scan.DETECTED;
    }
}
