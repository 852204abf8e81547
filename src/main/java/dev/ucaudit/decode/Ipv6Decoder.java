package dev.ucaudit.decode;

/**
 * IPv6 header and extension headers (hop-by-hop, routing, destination options, mobility,
 * fragment), then the transport. AH (51) and ESP (50) are reported as the transport protocol:
 * what they protect is not looked into.
 */
final class Ipv6Decoder {
    static final int HEADER = 40;
    private static final int MAX_EXTENSIONS = 12;
    private final TransportDecoder transport;

    Ipv6Decoder(TransportDecoder transport) {
        this.transport = transport;
    }

    /** @return false when malformed ({@code c.problem} says why) */
    boolean decode(FrameCursor c, DecodedPacket out) {
        if (!c.need(HEADER, "IPv6 header")) {
            return false;
        }
        int o = c.offset;
        int version = c.u8(o) >> 4;
        if (version != 6) {
            return c.malformed("IPv6 header has IP version " + version);
        }
        int payloadLength = c.u16(o + 4);
        int next = c.u8(o + 6);
        int total = HEADER + payloadLength;
        if (payloadLength == 0 && next == 0) {
            total = c.onWire(); // jumbogram: the real length is in a hop-by-hop option
        }
        if (total > c.onWire()) {
            return c.malformed("IPv6 header says payload length " + payloadLength + " (" + total
                    + " bytes with the header) but only " + c.onWire() + " bytes "
                    + (c.cut() ? "were on the wire" : "were captured"));
        }
        out.ipVersion = 6;
        out.ipLength = total;
        System.arraycopy(c.buf, o + 8, out.src, 0, 16);
        System.arraycopy(c.buf, o + 24, out.dst, 0, 16);
        int end = o + total;
        int capEnd = Math.min(c.end, end);
        int p = o + HEADER;
        for (int i = 0; i <= MAX_EXTENSIONS; i++) {
            out.protocol = next;
            switch (next) {
                case 0, 43, 60, 135 -> {
                    int need = 2;
                    if (p + need > end) {
                        return c.malformed("IPv6 extension header " + next + " starts past the end of the packet");
                    }
                    if (p + need > capEnd) {
                        return truncated(p, out);
                    }
                    int length = (c.u8(p + 1) + 1) * 8;
                    if (p + length > end) {
                        return c.malformed("IPv6 extension header " + next + " says it is " + length
                                + " bytes long, past the end of the packet");
                    }
                    next = c.u8(p);
                    p += length;
                }
                case 44 -> {
                    if (p + 8 > end) {
                        return c.malformed("IPv6 fragment header runs past the end of the packet");
                    }
                    if (p + 8 > capEnd) {
                        return truncated(p, out);
                    }
                    next = c.u8(p);
                    int offsetFlags = c.u16(p + 2);
                    out.fragmentOffset = offsetFlags & 0xfff8;
                    out.moreFragments = (offsetFlags & 1) != 0;
                    out.fragment = out.moreFragments || out.fragmentOffset != 0;
                    out.fragmentId = c.u32(p + 4);
                    p += 8;
                    if (out.fragmentOffset != 0) {
                        out.protocol = next;
                        out.payloadOffset = p;
                        out.payloadLength = Math.max(0, capEnd - p);
                        out.payloadWireLength = end - p;
                        out.truncated = out.payloadLength < out.payloadWireLength;
                        return true;
                    }
                }
                default -> {
                    return transport.decode(c, p, capEnd, end - p, out.moreFragments, out);
                }
            }
        }
        return c.malformed("more than " + MAX_EXTENSIONS + " IPv6 extension headers");
    }

    private static boolean truncated(int p, DecodedPacket out) {
        out.truncated = true;
        out.payloadOffset = p;
        return true;
    }
}
