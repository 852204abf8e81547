package dev.ucaudit.decode;

/** DLT 1: Ethernet II and 802.3 frames. */
final class EthernetFramer {
    static final int HEADER = 14;
    private final EtherTypes etherTypes;

    EthernetFramer(EtherTypes etherTypes) {
        this.etherTypes = etherTypes;
    }

    int frame(FrameCursor c, DecodedPacket out) {
        if (!c.need(HEADER, "Ethernet header")) {
            return Link.MALFORMED;
        }
        int type = c.u16(c.offset + 12);
        c.offset += HEADER;
        return etherTypes.follow(c, type, out);
    }
}
