package dev.ucaudit.decode;

/** IPv4 header: version, header and total length checks, fragments, then the transport. */
final class Ipv4Decoder {
    private final TransportDecoder transport;

    Ipv4Decoder(TransportDecoder transport) {
        this.transport = transport;
    }

    /** @return false when malformed ({@code c.problem} says why) */
    boolean decode(FrameCursor c, DecodedPacket out) {
        if (!c.need(20, "IPv4 header")) {
            return false;
        }
        int o = c.offset;
        int version = c.u8(o) >> 4;
        if (version != 4) {
            return c.malformed("IPv4 header has IP version " + version);
        }
        int headerLength = (c.u8(o) & 0x0f) * 4;
        if (headerLength < 20) {
            return c.malformed("IPv4 header length field says " + headerLength + " bytes, less than the minimum 20");
        }
        if (!c.need(headerLength, "IPv4 header with options")) {
            return false;
        }
        int total = c.u16(o + 2);
        if (total < headerLength) {
            return c.malformed("IPv4 header says total length " + total + ", less than its own header length "
                    + headerLength + (total == 0 ? " (a capture on the sending host with segmentation offload"
                    + " can leave it 0)" : ""));
        }
        if (total > c.onWire()) {
            return c.malformed("IPv4 header says total length " + total + " but only " + c.onWire() + " bytes "
                    + (c.cut() ? "were on the wire" : "were captured"));
        }
        out.ipVersion = 4;
        out.ipLength = total;
        System.arraycopy(c.buf, o + 12, out.src, 0, 4);
        System.arraycopy(c.buf, o + 16, out.dst, 0, 4);
        out.protocol = c.u8(o + 9);
        int flagsOffset = c.u16(o + 6);
        out.moreFragments = (flagsOffset & 0x2000) != 0;
        out.fragmentOffset = (flagsOffset & 0x1fff) * 8;
        out.fragment = out.moreFragments || out.fragmentOffset != 0;
        out.fragmentId = c.u16(o + 4);
        int start = o + headerLength;
        int capEnd = Math.min(c.end, o + total);
        int wireLen = total - headerLength;
        if (out.fragmentOffset != 0) {
            out.payloadOffset = start;
            out.payloadLength = Math.max(0, capEnd - start);
            out.payloadWireLength = wireLen;
            out.truncated = out.payloadLength < wireLen;
            return true;
        }
        return transport.decode(c, start, capEnd, wireLen, out.moreFragments, out);
    }
}
