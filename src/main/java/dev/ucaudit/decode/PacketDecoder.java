package dev.ucaudit.decode;

import dev.ucaudit.packet.RawPacket;

/**
 * Decodes a captured frame in place: link layer, IPv4/IPv6, TCP/UDP. One instance per thread;
 * nothing is allocated for a well-formed packet. A short or self-contradicting header gives
 * {@link DecodeStatus#MALFORMED} and {@link #lastProblem()} says what is wrong; a frame cut by the
 * snapshot length is not malformed ({@link DecodedPacket#truncated} is set instead).
 *
 * <p>With {@link Decapsulation#AUTO} a tunnelled packet (GRE, ERSPAN, VXLAN, IP-in-IP) is decoded down
 * to the packet it carries, and the tunnel is recorded in the {@link DecodedPacket}'s tunnel fields.
 *
 * <p>Link types: Ethernet (1), Linux cooked SLL (113) and SLL2 (276), raw IP (101, 12, 14, 228,
 * 229), BSD null (0) and loop (108), NFLOG (239), PKTAP (258).
 */
public final class PacketDecoder {
    public static final int DLT_NULL = 0;
    public static final int DLT_EN10MB = 1;
    public static final int DLT_RAW_12 = 12;
    public static final int DLT_RAW_14 = 14;
    public static final int DLT_RAW = 101;
    public static final int DLT_LOOP = 108;
    public static final int DLT_LINUX_SLL = 113;
    public static final int DLT_IPV4 = 228;
    public static final int DLT_IPV6 = 229;
    public static final int DLT_NFLOG = 239;
    public static final int DLT_PKTAP = 258;
    public static final int DLT_LINUX_SLL2 = 276;

    private final FrameCursor cursor = new FrameCursor();
    private final EtherTypes etherTypes = new EtherTypes();
    private final EthernetFramer ethernet = new EthernetFramer(etherTypes);
    private final SllFramer sll = new SllFramer(etherTypes);
    private final LoopbackFramer loopback = new LoopbackFramer();
    private final NflogFramer nflog = new NflogFramer();
    private final PktapFramer pktap = new PktapFramer();
    private final TransportDecoder transport = new TransportDecoder();
    private final Ipv4Decoder ipv4 = new Ipv4Decoder(transport);
    private final Ipv6Decoder ipv6 = new Ipv6Decoder(transport);
    private final TunnelDecoder tunnels = new TunnelDecoder();
    private final Decapsulation decapsulation;
    private String lastProblem;

    /** Opens tunnels ({@link Decapsulation#AUTO}). */
    public PacketDecoder() {
        this(Decapsulation.AUTO);
    }

    public PacketDecoder(Decapsulation decapsulation) {
        this.decapsulation = decapsulation;
    }

    public DecodeStatus decode(RawPacket raw, DecodedPacket out) {
        out.reset();
        lastProblem = null;
        if (raw.data == null || raw.offset < 0 || raw.length < 0 || raw.offset > raw.data.length) {
            lastProblem = "the packet has no bytes";
            return DecodeStatus.MALFORMED;
        }
        cursor.reset(raw);
        try {
            return network(link(raw.linkType, out, true), out);
        } catch (RuntimeException e) {
            // Bounds are checked before every read; this is a last guard so one packet never ends the run.
            lastProblem = "internal decoder error at byte " + (cursor.offset - raw.offset) + ": " + e;
            return DecodeStatus.MALFORMED;
        }
    }

    /** What was wrong with the last packet that was MALFORMED or of an UNKNOWN_LINK_TYPE; else null. */
    public String lastProblem() {
        return lastProblem;
    }

    private int link(int linkType, DecodedPacket out, boolean outer) {
        switch (linkType) {
            case DLT_EN10MB:
                return ethernet.frame(cursor, out);
            case DLT_LINUX_SLL:
                return sll.frame(cursor, out, false);
            case DLT_LINUX_SLL2:
                return sll.frame(cursor, out, true);
            case DLT_RAW, DLT_RAW_12, DLT_RAW_14:
                return Link.IP;
            case DLT_IPV4:
                return Link.IPV4;
            case DLT_IPV6:
                return Link.IPV6;
            case DLT_NULL:
                return loopback.frame(cursor, false);
            case DLT_LOOP:
                return loopback.frame(cursor, true);
            case DLT_NFLOG:
                return nflog.frame(cursor);
            case DLT_PKTAP:
                if (outer) {
                    int inner = pktap.innerLinkType(cursor);
                    return inner < 0 ? Link.MALFORMED : link(inner, out, false);
                }
                return unknown(linkType, " inside PKTAP");
            default:
                return unknown(linkType, "");
        }
    }

    private int unknown(int linkType, String where) {
        cursor.problem = "link type " + linkType + where + " is not one ucaudit decodes"
                + " (Ethernet, Linux cooked, raw IP, loopback, NFLOG, PKTAP)";
        return Link.UNKNOWN;
    }

    private DecodeStatus network(int kind, DecodedPacket out) {
        switch (kind) {
            case Link.NOT_IP:
                return DecodeStatus.NOT_IP;
            case Link.UNKNOWN:
                lastProblem = cursor.problem;
                return DecodeStatus.UNKNOWN_LINK_TYPE;
            case Link.MALFORMED:
                lastProblem = cursor.problem;
                return DecodeStatus.MALFORMED;
            case Link.IP:
                if (!cursor.need(1, "IP header")) {
                    lastProblem = cursor.problem;
                    return DecodeStatus.MALFORMED;
                }
                int version = cursor.u8(cursor.offset) >> 4;
                if (version != 4 && version != 6) {
                    lastProblem = "raw IP packet has IP version " + version;
                    return DecodeStatus.MALFORMED;
                }
                return network(version == 4 ? Link.IPV4 : Link.IPV6, out);
            default:
                boolean ok = kind == Link.IPV4 ? ipv4.decode(cursor, out) : ipv6.decode(cursor, out);
                if (!ok) {
                    lastProblem = cursor.problem + insideTunnel(out);
                    return DecodeStatus.MALFORMED;
                }
                return decapsulation.enabled() ? tunnel(out) : DecodeStatus.IP;
        }
    }

    /** Opens the tunnel the packet is, if any, and decodes what it carries (bounded nesting). */
    private DecodeStatus tunnel(DecodedPacket out) {
        int inner = tunnels.open(cursor, out, decapsulation);
        if (inner == TunnelDecoder.NONE) {
            return DecodeStatus.IP;
        }
        if (out.tunnelDepth == DecodedPacket.MAX_TUNNEL_DEPTH) {
            lastProblem = "tunnel nesting too deep: more than " + DecodedPacket.MAX_TUNNEL_DEPTH
                    + " tunnels inside each other" + insideTunnel(out);
            return DecodeStatus.MALFORMED;
        }
        out.enterTunnel(tunnels.type());
        if (inner == TunnelDecoder.ETHERNET) {
            inner = ethernet.frame(cursor, out);
        } else if (inner == TunnelDecoder.PPP) {
            inner = TunnelDecoder.ppp(cursor);
        }
        if (inner == Link.MALFORMED) {
            lastProblem = cursor.problem + insideTunnel(out);
            return DecodeStatus.MALFORMED;
        }
        return network(inner, out);
    }

    private static String insideTunnel(DecodedPacket out) {
        if (out.tunnelDepth == 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder(" (inside ");
        for (int i = 0; i < out.tunnelDepth; i++) {
            sb.append(i == 0 ? "" : " in ").append(out.tunnels[out.tunnelDepth - 1 - i].label());
        }
        return sb.append(")").toString();
    }
}
