package dev.ucaudit.decode;

import dev.ucaudit.packet.RawPacket;
import java.io.ByteArrayOutputStream;

/** Test helper: assembles frames byte by byte. */
final class Frames {
    static final byte[] MAC_A = {0, 0x11, 0x22, 0x33, 0x44, 0x55};
    static final byte[] MAC_B = {0, 0x66, 0x77, (byte) 0x88, (byte) 0x99, (byte) 0xaa};
    static final byte[] IP_A = {10, 0, 0, 1};
    static final byte[] IP_B = {10, 0, 0, 2};
    static final byte[] IP6_A = ip6(0x20, 0x01, 0x0d, 0xb8, 0xa);
    static final byte[] IP6_B = ip6(0x20, 0x01, 0x0d, 0xb8, 0xb);

    private Frames() {
    }

    static byte[] ip6(int a, int b, int c, int d, int last) {
        byte[] x = new byte[16];
        x[0] = (byte) a;
        x[1] = (byte) b;
        x[2] = (byte) c;
        x[3] = (byte) d;
        x[15] = (byte) last;
        return x;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] u16(int v) {
        return new byte[] {(byte) (v >> 8), (byte) v};
    }

    static byte[] ethernet(int type, byte[] payload) {
        return concat(MAC_B, MAC_A, u16(type), payload);
    }

    static byte[] vlanTag(int tpid, int vlan) {
        return concat(u16(tpid), u16(vlan));
    }

    static byte[] udp(int src, int dst, byte[] payload) {
        return concat(u16(src), u16(dst), u16(8 + payload.length), u16(0), payload);
    }

    static byte[] tcp(int src, int dst, long seq, long ack, int flags, byte[] payload) {
        return concat(u16(src), u16(dst), u32(seq), u32(ack), new byte[] {0x50, (byte) flags}, u16(65535), u16(0),
                u16(0), payload);
    }

    static byte[] u32(long v) {
        return new byte[] {(byte) (v >> 24), (byte) (v >> 16), (byte) (v >> 8), (byte) v};
    }

    /** IPv4 with a correct total length, no options, DF clear. */
    static byte[] ipv4(int protocol, byte[] payload) {
        return ipv4(protocol, 20 + payload.length, 0, 0x1234, payload);
    }

    static byte[] ipv4(int protocol, int totalLength, int flagsOffset, int id, byte[] payload) {
        return concat(new byte[] {0x45, 0}, u16(totalLength), u16(id), u16(flagsOffset),
                new byte[] {64, (byte) protocol, 0, 0}, IP_A, IP_B, payload);
    }

    static byte[] ipv6(int nextHeader, byte[] payload) {
        return ipv6(nextHeader, payload.length, payload);
    }

    static byte[] ipv6(int nextHeader, int payloadLength, byte[] payload) {
        return concat(new byte[] {0x60, 0, 0, 0}, u16(payloadLength), new byte[] {(byte) nextHeader, 64}, IP6_A, IP6_B,
                payload);
    }

    static RawPacket raw(int linkType, byte[] frame) {
        return new RawPacket().set("test.pcap", 1, 0, linkType, frame, 0, frame.length, frame.length);
    }

    /** The first {@code captured} bytes of a frame, as a snapshot length would cut it. */
    static RawPacket cut(int linkType, byte[] frame, int captured) {
        return new RawPacket().set("test.pcap", 1, 0, linkType, frame, 0, captured, frame.length);
    }
}
