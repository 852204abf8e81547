package dev.ucaudit.decode;

/**
 * Recognises a tunnel in the packet just decoded (its transport is in {@link DecodedPacket}) and
 * moves the cursor to what the tunnel carries: GRE (RFC 2784/2890, and PPTP's version 1) with
 * IPv4, IPv6, Ethernet, PPP or ERSPAN type I/II/III inside, VXLAN on the configured UDP ports,
 * IPv4 or IPv6 inside IP (protocols 4 and 41). Every header is bounds-checked before it is read;
 * what it does not recognise (GRE with source routing, an unknown GRE protocol, VXLAN without its
 * I flag, a fragment) is left alone, and the outer packet stays the packet.
 */
final class TunnelDecoder {
    /** Not a tunnel the decoder opens. */
    static final int NONE = -100;
    /** The cursor points at an Ethernet header. */
    static final int ETHERNET = -101;
    /** The cursor points at a PPP frame (address/control and protocol fields). */
    static final int PPP = -102;

    private static final int GRE = 47;
    private static final int IPIP = 4;
    private static final int IPV6_IN_IP = 41;
    private static final int UDP = 17;
    private static final int GRE_PROTOCOL_PPP = 0x880B;
    private static final int GRE_PROTOCOL_ETHERNET = 0x6558;
    private static final int GRE_PROTOCOL_ERSPAN_I_II = 0x88BE;
    private static final int GRE_PROTOCOL_ERSPAN_III = 0x22EB;

    private TunnelType type;

    /** The tunnel {@link #open} found last. */
    TunnelType type() {
        return type;
    }

    /**
     * @return {@link #NONE}, or what the cursor now points at: {@link Link#IPV4}, {@link Link#IPV6},
     *         {@link Link#IP}, {@link #ETHERNET}, {@link #PPP}. A tunnel header cut short by the
     *         snapshot length gives {@link #NONE}: the outer packet stays the packet
     */
    int open(FrameCursor c, DecodedPacket d, Decapsulation config) {
        if (d.fragment || d.payloadOffset <= 0) {
            return NONE; // a fragment's tunnel payload is incomplete: the outer packet stays the packet
        }
        int start = d.payloadOffset;
        int capturedEnd = start + d.payloadLength;
        int wireEnd = start + Math.max(d.payloadWireLength, d.payloadLength);
        switch (d.protocol) {
            case IPIP -> {
                return enter(c, start, capturedEnd, wireEnd, TunnelType.IPV4_IN_IP, Link.IPV4);
            }
            case IPV6_IN_IP -> {
                return enter(c, start, capturedEnd, wireEnd, TunnelType.IPV6_IN_IP, Link.IPV6);
            }
            case GRE -> {
                return gre(c, start, capturedEnd, wireEnd);
            }
            case UDP -> {
                if (d.srcPort < 0 || !config.isVxlanPort(d.dstPort) || d.payloadLength < 8
                        || (c.u8(start) & 0x08) == 0) {
                    return NONE;
                }
                return enter(c, start + 8, capturedEnd, wireEnd, TunnelType.VXLAN, ETHERNET);
            }
            default -> {
                return NONE;
            }
        }
    }

    private int gre(FrameCursor c, int s, int capturedEnd, int wireEnd) {
        if (capturedEnd - s < 4) {
            return NONE;
        }
        int flags = c.u8(s);
        int version = c.u8(s + 1) & 0x07;
        int protocol = c.u16(s + 2);
        boolean checksum = (flags & 0x80) != 0;
        boolean routing = (flags & 0x40) != 0;
        boolean key = (flags & 0x20) != 0;
        boolean sequence = (flags & 0x10) != 0;
        int header;
        if (version == 0 && !routing) {
            header = 4 + (checksum ? 4 : 0) + (key ? 4 : 0) + (sequence ? 4 : 0);
        } else if (version == 1 && protocol == GRE_PROTOCOL_PPP && key) {
            boolean ack = (c.u8(s + 1) & 0x80) != 0;
            header = 8 + (sequence ? 4 : 0) + (ack ? 4 : 0);
        } else {
            return NONE;
        }
        int p = s + header;
        switch (protocol) {
            case EtherTypes.IPV4 -> {
                return enter(c, p, capturedEnd, wireEnd, TunnelType.GRE, Link.IPV4);
            }
            case EtherTypes.IPV6 -> {
                return enter(c, p, capturedEnd, wireEnd, TunnelType.GRE, Link.IPV6);
            }
            case GRE_PROTOCOL_ETHERNET -> {
                return enter(c, p, capturedEnd, wireEnd, TunnelType.GRE_ETHERNET, ETHERNET);
            }
            case GRE_PROTOCOL_PPP -> {
                return enter(c, p, capturedEnd, wireEnd, TunnelType.GRE_PPP, PPP);
            }
            case GRE_PROTOCOL_ERSPAN_I_II -> {
                if (!sequence) {
                    return enter(c, p, capturedEnd, wireEnd, TunnelType.ERSPAN_I, ETHERNET);
                }
                if (p + 8 > capturedEnd || c.u8(p) >> 4 != 1) {
                    return NONE;
                }
                boolean truncatedByMirror = (c.u8(p + 2) & 0x04) != 0;
                return enter(c, p + 8, capturedEnd, truncatedByMirror ? Integer.MAX_VALUE : wireEnd,
                        TunnelType.ERSPAN_II, ETHERNET);
            }
            case GRE_PROTOCOL_ERSPAN_III -> {
                if (p + 12 > capturedEnd || c.u8(p) >> 4 != 2) {
                    return NONE;
                }
                boolean truncatedByMirror = (c.u8(p + 2) & 0x04) != 0;
                int frameType = (c.u8(p + 10) >> 2) & 0x1f;
                boolean subHeader = (c.u8(p + 11) & 0x01) != 0;
                int inner = p + 12 + (subHeader ? 8 : 0);
                int kind = frameType == 0 ? ETHERNET : frameType == 2 ? Link.IP : NONE;
                if (kind == NONE) {
                    return NONE;
                }
                return enter(c, inner, capturedEnd, truncatedByMirror ? Integer.MAX_VALUE : wireEnd,
                        TunnelType.ERSPAN_III, kind);
            }
            default -> {
                return NONE;
            }
        }
    }

    private int enter(FrameCursor c, int innerStart, int capturedEnd, int wireEnd, TunnelType t, int kind) {
        if (innerStart >= capturedEnd) {
            return NONE; // the tunnel header is all that was captured: the outer packet stays the packet
        }
        type = t;
        c.offset = innerStart;
        c.end = capturedEnd;
        c.wireEnd = Math.max(capturedEnd, wireEnd);
        return kind;
    }

    /** PPP inside GRE: optional address/control (FF 03), then a 1- or 2-byte protocol field. */
    static int ppp(FrameCursor c) {
        if (!c.need(1, "PPP frame")) {
            return Link.MALFORMED;
        }
        if (c.u8(c.offset) == 0xff) {
            if (!c.need(2, "PPP address and control")) {
                return Link.MALFORMED;
            }
            c.offset += 2;
        }
        if (!c.need(1, "PPP protocol")) {
            return Link.MALFORMED;
        }
        int protocol = c.u8(c.offset);
        if ((protocol & 1) == 0) { // two-byte protocol field
            if (!c.need(2, "PPP protocol")) {
                return Link.MALFORMED;
            }
            protocol = c.u16(c.offset);
            c.offset += 2;
        } else {
            c.offset += 1;
        }
        return switch (protocol) {
            case 0x21 -> Link.IPV4;
            case 0x57 -> Link.IPV6;
            default -> Link.NOT_IP; // LCP, IPCP, CCP-compressed data
        };
    }
}
