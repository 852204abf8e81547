package dev.ucaudit.decode;

/**
 * DLT 239: Linux NFLOG. A 4-byte header (family, version, resource id) and TLVs whose length and
 * type are in the capturing host's byte order (little-endian in practice); type 9 holds the packet.
 */
final class NflogFramer {
    static final int DLT = 239;
    private static final int PAYLOAD = 9;
    private static final int MAX_TLVS = 64;

    int frame(FrameCursor c) {
        if (!c.need(4, "NFLOG header")) {
            return Link.MALFORMED;
        }
        int family = c.u8(c.offset);
        int p = c.offset + 4;
        for (int i = 0; i < MAX_TLVS && p + 4 <= c.end; i++) {
            int length = c.u16le(p);
            int type = c.u16le(p + 2) & 0x7fff;
            if (length < 4 || p + length > c.wireEnd) {
                int be = c.u16(p);
                if (be >= 4 && p + be <= c.wireEnd) {
                    length = be;
                    type = c.u16(p + 2) & 0x7fff;
                } else {
                    c.problem = "NFLOG attribute at byte " + (p - c.offset) + " has an impossible length of " + length;
                    return Link.MALFORMED;
                }
            }
            if (type == PAYLOAD) {
                c.offset = p + 4;
                if (p + length < c.end) {
                    c.end = p + length;
                }
                if (!c.cut() || p + length < c.wireEnd) {
                    c.wireEnd = p + length;
                }
                return family == 2 ? Link.IPV4 : family == 10 ? Link.IPV6 : Link.IP;
            }
            p += (length + 3) & ~3;
        }
        if (c.cut()) {
            c.problem = "NFLOG packet attribute not found in the captured bytes (the snapshot length cut the frame)";
            return Link.MALFORMED;
        }
        return Link.NOT_IP;
    }
}
