package dev.ucaudit.synth;

import java.io.ByteArrayOutputStream;

/**
 * Wraps packets in the tunnels a SPAN feed delivers, byte by byte: GRE (RFC 2784/2890, optional
 * key and sequence number; PPTP's version 1 with PPP), ERSPAN type I, II and III, VXLAN. The
 * result is the tunnel payload of an outer IP packet ({@link Frames#ipv4}/{@link Frames#ipv6} with
 * protocol 47, or {@link Frames#udp} to port 4789 for VXLAN). Also an SCTP packet with one DATA
 * chunk ({@link #sctpData}), for SIP over SCTP.
 */
public final class Tunnels {
    public static final int GRE = 47;
    public static final int IPIP = 4;
    public static final int IPV6_IN_IP = 41;
    public static final int GRE_ETHERNET = 0x6558;
    public static final int GRE_PPP = 0x880B;
    public static final int GRE_ERSPAN_I_II = 0x88BE;
    public static final int GRE_ERSPAN_III = 0x22EB;

    private Tunnels() {
    }

    /** A GRE version 0 header (with a key and/or sequence number when asked) and the payload. */
    public static byte[] gre(int protocolType, boolean key, boolean sequence, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 12);
        out.write((key ? 0x20 : 0) | (sequence ? 0x10 : 0));
        out.write(0);
        u16(out, protocolType);
        if (key) {
            u32(out, 0x00c0ffeeL);
        }
        if (sequence) {
            u32(out, 7);
        }
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /** PPTP's enhanced GRE (version 1, key = payload length and call id, sequence) carrying PPP with an IPv4 or IPv6 packet. */
    public static byte[] pptpGre(byte[] ipPacket, boolean ipv6) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(ipPacket.length + 16);
        out.write(0x30); // K and S
        out.write(0x01); // version 1
        u16(out, GRE_PPP);
        u16(out, ipPacket.length + 4);
        u16(out, 0x1234); // call id
        u32(out, 9);
        out.write(0xff); // PPP address and control
        out.write(0x03);
        u16(out, ipv6 ? 0x0057 : 0x0021);
        out.writeBytes(ipPacket);
        return out.toByteArray();
    }

    /** ERSPAN type I: GRE 0x88BE, no sequence number, the mirrored Ethernet frame right after. */
    public static byte[] erspanI(byte[] frame) {
        return gre(GRE_ERSPAN_I_II, false, false, frame);
    }

    /** ERSPAN type II: GRE 0x88BE with a sequence number, 8-byte header (version 1, session id). */
    public static byte[] erspanII(byte[] frame, int sessionId) {
        ByteArrayOutputStream h = new ByteArrayOutputStream(8 + frame.length);
        u16(h, 0x1000); // version 1, VLAN 0
        u16(h, sessionId & 0x3ff); // COS 0, encapsulation 0, not truncated
        u32(h, 0); // reserved, index
        h.writeBytes(frame);
        return gre(GRE_ERSPAN_I_II, false, true, h.toByteArray());
    }

    /** ERSPAN type III: GRE 0x22EB with a sequence number, 12-byte header, optional 8-byte platform sub-header. */
    public static byte[] erspanIII(byte[] frame, int sessionId, boolean subHeader) {
        ByteArrayOutputStream h = new ByteArrayOutputStream(20 + frame.length);
        u16(h, 0x2000); // version 2, VLAN 0
        u16(h, sessionId & 0x3ff);
        u32(h, 123456789L); // timestamp
        u16(h, 0); // security group tag
        h.write(0); // P, frame type 0 (Ethernet), hardware id
        h.write(subHeader ? 1 : 0); // D, granularity, O
        if (subHeader) {
            u32(h, 0x08000000L); // platform id 1 sub-header
            u32(h, 0);
        }
        h.writeBytes(frame);
        return gre(GRE_ERSPAN_III, false, true, h.toByteArray());
    }

    /** A VXLAN header (I flag, the VNI) and the Ethernet frame: the payload of a UDP datagram to 4789. */
    public static byte[] vxlan(byte[] frame, int vni) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 + frame.length);
        out.write(0x08);
        out.write(0);
        u16(out, 0);
        u32(out, ((long) vni & 0xffffff) << 8);
        out.writeBytes(frame);
        return out.toByteArray();
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v >> 8);
        out.write(v);
    }

    private static void u32(ByteArrayOutputStream out, long v) {
        u16(out, (int) (v >>> 16) & 0xffff);
        u16(out, (int) v & 0xffff);
    }

    /** An SCTP packet (common header, checksum left 0) with one DATA chunk holding a whole user message. */
    public static byte[] sctpData(int srcPort, int dstPort, int tsn, byte[] message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(28 + message.length + 3);
        u16(out, srcPort);
        u16(out, dstPort);
        u32(out, 0x5ca1ab1eL); // verification tag
        u32(out, 0); // checksum (not verified by ucaudit)
        out.write(0); // DATA
        out.write(0x03); // B and E: a whole message
        u16(out, 16 + message.length);
        u32(out, tsn);
        u16(out, 0); // stream
        u16(out, tsn & 0xffff); // stream sequence
        u32(out, 0); // payload protocol id
        out.writeBytes(message);
        for (int pad = (4 - message.length % 4) % 4; pad > 0; pad--) {
            out.write(0);
        }
        return out.toByteArray();
    }
}
