package dev.ucaudit.synth;

import java.util.Arrays;
import dev.ucaudit.capture.PcapWriter;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes IP packets between hosts to a pcap file as Ethernet frames (tagged with the sender's
 * VLAN), on a clock that advances by a fixed step per packet unless told otherwise.
 */
public final class Wire implements AutoCloseable {
    private final PcapWriter writer;
    private long nowNanos;
    private int ipId = 1;
    private long packets;

    public Wire(PcapWriter writer, long startNanos) {
        this.writer = writer;
        this.nowNanos = startNanos;
    }

    public long now() {
        return nowNanos;
    }

    public void advanceMillis(long ms) {
        nowNanos += ms * 1_000_000L;
    }

    public long packets() {
        return packets;
    }

    /** Sends one transport payload (already built: TCP/UDP/ICMP bytes) from one host to another. */
    public void send(Host from, Host to, int protocol, byte[] transport) {
        byte[] ip;
        int etherType;
        if (from.v6()) {
            ip = Frames.ipv6(from.address(), to.address(), protocol, transport);
            etherType = Frames.ETH_IPV6;
        } else {
            ip = Frames.ipv4(from.address(), to.address(), protocol, ipId++ & 0xffff, 0x4000, transport);
            etherType = Frames.ETH_IPV4;
        }
        raw(Frames.ethernet(to.mac(), from.mac(), from.vlan(), etherType, ip));
    }

    /** Writes a ready frame. */
    public void raw(byte[] frame) {
        try {
            writer.writePacket(nowNanos, frame);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        packets++;
        nowNanos += 250_000L;
    }

    public void udp(Host from, int fromPort, Host to, int toPort, byte[] payload) {
        send(from, to, 17, Frames.udp(fromPort, toPort, payload));
    }

    /**
     * Sends a UDP datagram as IP fragments of at most {@code fragmentBytes} of IP payload each
     * (a multiple of 8): IPv4 with MF/offset, IPv6 with a Fragment extension header.
     */
    public void fragmentedUdp(Host from, int fromPort, Host to, int toPort, byte[] payload, int fragmentBytes) {
        byte[] datagram = Frames.udp(fromPort, toPort, payload);
        int id = nextIpId();
        for (int off = 0; off < datagram.length; off += fragmentBytes) {
            int n = Math.min(fragmentBytes, datagram.length - off);
            boolean more = off + n < datagram.length;
            byte[] piece = Arrays.copyOfRange(datagram, off, off + n);
            byte[] ip;
            int etherType;
            if (from.v6()) {
                byte[] fh = new byte[8 + n];
                fh[0] = 17;
                int offWord = (off / 8) << 3 | (more ? 1 : 0);
                fh[2] = (byte) (offWord >> 8);
                fh[3] = (byte) offWord;
                fh[4] = (byte) (id >> 24);
                fh[5] = (byte) (id >> 16);
                fh[6] = (byte) (id >> 8);
                fh[7] = (byte) id;
                System.arraycopy(piece, 0, fh, 8, n);
                ip = Frames.ipv6(from.address(), to.address(), 44, fh);
                etherType = Frames.ETH_IPV6;
            } else {
                ip = Frames.ipv4(from.address(), to.address(), 17, id, (more ? 0x2000 : 0) | (off / 8), piece);
                etherType = Frames.ETH_IPV4;
            }
            raw(Frames.ethernet(to.mac(), from.mac(), from.vlan(), etherType, ip));
        }
    }

    public int nextIpId() {
        return ipId++ & 0xffff;
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
