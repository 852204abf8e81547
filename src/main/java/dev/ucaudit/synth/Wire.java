package dev.ucaudit.synth;

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

    public int nextIpId() {
        return ipId++ & 0xffff;
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
