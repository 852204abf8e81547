package dev.ucaudit.synth;

import java.io.ByteArrayOutputStream;

/**
 * Builds Ethernet / 802.1Q / IPv4 / IPv6 / TCP / UDP frames byte by byte, with valid IPv4 header
 * checksums, for generated sample and benchmark captures.
 */
public final class Frames {
    public static final int ETH_IPV4 = 0x0800;
    public static final int ETH_IPV6 = 0x86dd;

    private Frames() {
    }

    /** An Ethernet frame; {@code vlan} &lt; 0 for untagged. */
    public static byte[] ethernet(byte[] dstMac, byte[] srcMac, int vlan, int etherType, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 18);
        out.writeBytes(dstMac);
        out.writeBytes(srcMac);
        if (vlan >= 0) {
            u16(out, 0x8100);
            u16(out, vlan & 0x0fff);
        }
        u16(out, etherType);
        out.writeBytes(payload);
        return out.toByteArray();
    }

    public static byte[] ipv4(byte[] src, byte[] dst, int protocol, int id, int flagsAndOffset, byte[] payload) {
        int total = 20 + payload.length;
        byte[] h = new byte[total];
        h[0] = 0x45;
        h[2] = (byte) (total >> 8);
        h[3] = (byte) total;
        h[4] = (byte) (id >> 8);
        h[5] = (byte) id;
        h[6] = (byte) (flagsAndOffset >> 8);
        h[7] = (byte) flagsAndOffset;
        h[8] = 64;
        h[9] = (byte) protocol;
        System.arraycopy(src, 0, h, 12, 4);
        System.arraycopy(dst, 0, h, 16, 4);
        int sum = 0;
        for (int i = 0; i < 20; i += 2) {
            sum += ((h[i] & 0xff) << 8) | (h[i + 1] & 0xff);
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        int cks = ~sum & 0xffff;
        h[10] = (byte) (cks >> 8);
        h[11] = (byte) cks;
        System.arraycopy(payload, 0, h, 20, payload.length);
        return h;
    }

    public static byte[] ipv6(byte[] src, byte[] dst, int nextHeader, byte[] payload) {
        byte[] h = new byte[40 + payload.length];
        h[0] = 0x60;
        h[4] = (byte) (payload.length >> 8);
        h[5] = (byte) payload.length;
        h[6] = (byte) nextHeader;
        h[7] = 64;
        System.arraycopy(src, 0, h, 8, 16);
        System.arraycopy(dst, 0, h, 24, 16);
        System.arraycopy(payload, 0, h, 40, payload.length);
        return h;
    }

    public static byte[] udp(int srcPort, int dstPort, byte[] payload) {
        byte[] u = new byte[8 + payload.length];
        u[0] = (byte) (srcPort >> 8);
        u[1] = (byte) srcPort;
        u[2] = (byte) (dstPort >> 8);
        u[3] = (byte) dstPort;
        u[4] = (byte) (u.length >> 8);
        u[5] = (byte) u.length;
        System.arraycopy(payload, 0, u, 8, payload.length);
        return u;
    }

    public static byte[] tcp(int srcPort, int dstPort, long seq, long ack, int flags, byte[] payload) {
        byte[] t = new byte[20 + payload.length];
        t[0] = (byte) (srcPort >> 8);
        t[1] = (byte) srcPort;
        t[2] = (byte) (dstPort >> 8);
        t[3] = (byte) dstPort;
        t[4] = (byte) (seq >> 24);
        t[5] = (byte) (seq >> 16);
        t[6] = (byte) (seq >> 8);
        t[7] = (byte) seq;
        t[8] = (byte) (ack >> 24);
        t[9] = (byte) (ack >> 16);
        t[10] = (byte) (ack >> 8);
        t[11] = (byte) ack;
        t[12] = 0x50;
        t[13] = (byte) flags;
        t[14] = (byte) 0xfa;
        t[15] = (byte) 0xf0;
        System.arraycopy(payload, 0, t, 20, payload.length);
        return t;
    }

    /** ICMP echo request (type 8) or reply (type 0). */
    public static byte[] icmpEcho(int type, int id, int seq) {
        byte[] p = new byte[16];
        p[0] = (byte) type;
        p[4] = (byte) (id >> 8);
        p[5] = (byte) id;
        p[6] = (byte) (seq >> 8);
        p[7] = (byte) seq;
        return p;
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v >> 8);
        out.write(v);
    }
}
