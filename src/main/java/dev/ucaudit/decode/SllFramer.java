package dev.ucaudit.decode;

/** DLT 113 (Linux cooked v1, 16 bytes, protocol at 14) and DLT 276 (v2, 20 bytes, protocol at 0). */
final class SllFramer {
    static final int SLL = 113;
    static final int SLL2 = 276;
    private static final int ARPHRD_NETLINK = 824;
    private final EtherTypes etherTypes;

    SllFramer(EtherTypes etherTypes) {
        this.etherTypes = etherTypes;
    }

    int frame(FrameCursor c, DecodedPacket out, boolean v2) {
        int header = v2 ? 20 : 16;
        if (!c.need(header, v2 ? "Linux cooked (SLL2) header" : "Linux cooked (SLL) header")) {
            return Link.MALFORMED;
        }
        int protocol = c.u16(c.offset + (v2 ? 0 : 14));
        int hatype = c.u16(c.offset + (v2 ? 8 : 2));
        c.offset += header;
        if (hatype == ARPHRD_NETLINK) {
            return Link.NOT_IP;
        }
        return etherTypes.follow(c, protocol, out);
    }
}
