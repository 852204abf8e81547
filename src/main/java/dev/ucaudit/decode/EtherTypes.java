package dev.ucaudit.decode;

/**
 * Follows an Ethernet type field to the network layer: 802.1Q/802.1ad/QinQ tags (stacked),
 * PPPoE session frames carrying PPP IPv4/IPv6, MPLS label stacks. Shared by the Ethernet and
 * Linux cooked framers.
 */
final class EtherTypes {
    static final int IPV4 = 0x0800;
    static final int IPV6 = 0x86DD;
    static final int VLAN = 0x8100;
    static final int QINQ = 0x88A8;
    static final int QINQ_OLD = 0x9100;
    static final int QINQ_OLD2 = 0x9200;
    static final int PPPOE_SESSION = 0x8864;
    static final int MPLS = 0x8847;
    static final int MPLS_MULTICAST = 0x8848;
    private static final int MAX_TAGS = 8;

    /** @param type the type field just read; the cursor points right after it */
    int follow(FrameCursor c, int type, DecodedPacket out) {
        for (int depth = 0; depth <= MAX_TAGS; depth++) { // MAX_TAGS tags, then the type inside them
            switch (type) {
                case IPV4:
                    return Link.IPV4;
                case IPV6:
                    return Link.IPV6;
                case VLAN, QINQ, QINQ_OLD, QINQ_OLD2:
                    if (!c.need(4, "802.1Q VLAN tag")) {
                        return Link.MALFORMED;
                    }
                    if (out.vlan < 0) {
                        out.vlan = c.u16(c.offset) & 0x0fff;
                    }
                    type = c.u16(c.offset + 2);
                    c.offset += 4;
                    break;
                case PPPOE_SESSION:
                    return pppoe(c);
                case MPLS, MPLS_MULTICAST:
                    return mpls(c);
                default:
                    return Link.NOT_IP; // ARP, LLDP, 802.3 length fields (CDP, STP), ...
            }
        }
        c.problem = "more than " + MAX_TAGS + " stacked VLAN tags";
        return Link.MALFORMED;
    }

    private static int pppoe(FrameCursor c) {
        if (!c.need(8, "PPPoE session header")) {
            return Link.MALFORMED;
        }
        int ppp = c.u16(c.offset + 6);
        c.offset += 8;
        return switch (ppp) {
            case 0x0021 -> Link.IPV4;
            case 0x0057 -> Link.IPV6;
            default -> Link.NOT_IP; // LCP, IPCP, authentication
        };
    }

    private static int mpls(FrameCursor c) {
        for (int label = 0; label < MAX_TAGS; label++) {
            if (!c.need(4, "MPLS label")) {
                return Link.MALFORMED;
            }
            boolean bottom = (c.u8(c.offset + 2) & 1) != 0;
            c.offset += 4;
            if (bottom) {
                if (!c.need(1, "packet inside MPLS")) {
                    return Link.MALFORMED;
                }
                int version = c.u8(c.offset) >> 4;
                return version == 4 ? Link.IPV4 : version == 6 ? Link.IPV6 : Link.NOT_IP;
            }
        }
        c.problem = "more than " + MAX_TAGS + " MPLS labels";
        return Link.MALFORMED;
    }
}
