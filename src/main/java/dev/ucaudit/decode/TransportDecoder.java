package dev.ucaudit.decode;

/**
 * TCP, UDP and SCTP headers (ports, flags, sequence numbers, payload); any other protocol has no
 * ports and its whole IP payload is the payload. Payload offsets are clipped to what was captured.
 */
final class TransportDecoder {
    static final int TCP = 6;
    static final int UDP = 17;
    static final int SCTP = 132;

    /**
     * @param start   first byte of the transport header
     * @param capEnd  end of the captured bytes of this IP packet
     * @param wireLen bytes of transport the IP header announces
     * @param partial true for a first fragment: the datagram goes on in later fragments
     * @return false when malformed ({@code c.problem} says why)
     */
    boolean decode(FrameCursor c, int start, int capEnd, int wireLen, boolean partial, DecodedPacket out) {
        int captured = Math.max(0, capEnd - start);
        switch (out.protocol) {
            case TCP:
                return tcp(c, start, capEnd, captured, wireLen, out);
            case UDP:
                return udp(c, start, capEnd, captured, wireLen, partial, out);
            case SCTP:
                return sctp(c, start, capEnd, captured, wireLen, out);
            default:
                out.payloadOffset = start;
                out.payloadLength = Math.min(captured, wireLen);
                out.payloadWireLength = wireLen;
                return true;
        }
    }

    private static boolean tcp(FrameCursor c, int s, int capEnd, int captured, int wireLen, DecodedPacket out) {
        if (wireLen < 20) {
            return c.malformed("the IP packet holds only " + wireLen + " bytes of TCP, less than a TCP header (20)");
        }
        if (captured < 20) {
            return truncated(s, out);
        }
        int headerLength = (c.u8(s + 12) >> 4) * 4;
        if (headerLength < 20) {
            return c.malformed("TCP data offset says the header is " + headerLength + " bytes, less than the minimum 20");
        }
        if (headerLength > wireLen) {
            return c.malformed("TCP header says it is " + headerLength + " bytes long but the IP packet holds only "
                    + wireLen + " bytes of TCP");
        }
        out.srcPort = c.u16(s);
        out.dstPort = c.u16(s + 2);
        out.tcpSeq = c.u32(s + 4);
        out.tcpAck = c.u32(s + 8);
        out.tcpFlags = c.u8(s + 13);
        out.payloadWireLength = wireLen - headerLength;
        out.payloadOffset = Math.min(s + headerLength, capEnd);
        out.payloadLength = Math.max(0, Math.min(capEnd, s + wireLen) - out.payloadOffset);
        out.truncated |= captured < headerLength || out.payloadLength < out.payloadWireLength;
        return true;
    }

    private static boolean udp(FrameCursor c, int s, int capEnd, int captured, int wireLen, boolean partial,
                               DecodedPacket out) {
        if (wireLen < 8) {
            return c.malformed("the IP packet holds only " + wireLen + " bytes of UDP, less than a UDP header (8)");
        }
        if (captured < 8) {
            return truncated(s, out);
        }
        int length = c.u16(s + 4);
        if (length < 8) {
            return c.malformed("UDP header says length " + length + ", less than its own 8 bytes");
        }
        if (length > wireLen && !partial) {
            return c.malformed("UDP header says length " + length + " but the IP packet holds only " + wireLen
                    + " bytes of UDP");
        }
        out.srcPort = c.u16(s);
        out.dstPort = c.u16(s + 2);
        out.payloadWireLength = length - 8;
        out.payloadOffset = s + 8;
        int payloadEnd = Math.min(capEnd, s + Math.min(length, wireLen));
        out.payloadLength = Math.max(0, payloadEnd - out.payloadOffset);
        out.truncated |= out.payloadLength < out.payloadWireLength && !partial;
        return true;
    }

    /** SCTP common header (RFC 9260 §3.1): ports, verification tag, checksum; the chunks are the payload. */
    private static boolean sctp(FrameCursor c, int s, int capEnd, int captured, int wireLen, DecodedPacket out) {
        if (wireLen < 12) {
            return c.malformed("the IP packet holds only " + wireLen + " bytes of SCTP, less than its common header (12)");
        }
        if (captured < 12) {
            return truncated(s, out);
        }
        out.srcPort = c.u16(s);
        out.dstPort = c.u16(s + 2);
        out.payloadWireLength = wireLen - 12;
        out.payloadOffset = s + 12;
        out.payloadLength = Math.max(0, Math.min(capEnd, s + wireLen) - out.payloadOffset);
        out.truncated |= out.payloadLength < out.payloadWireLength;
        return true;
    }

    /** The snapshot length cut the transport header: the packet is IP, its ports are unknown. */
    private static boolean truncated(int s, DecodedPacket out) {
        out.truncated = true;
        out.payloadOffset = s;
        out.payloadLength = 0;
        return true;
    }
}
