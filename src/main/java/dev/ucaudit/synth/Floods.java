package dev.ucaudit.synth;

import dev.ucaudit.capture.PcapWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Flood captures for the reliability runs: a TCP SYN scan over many distinct flows and a UDP spray
 * over every port of one host. Frames are written straight to the pcap file, so a million flows
 * take seconds and no memory.
 */
public final class Floods {
    /** The scanner: an unknown host. */
    public static final Host SCANNER = Host.of("scanner", "10.99.0.66", 0x6342, -1);
    private static final long START = Instant.parse("2026-11-02T10:00:00Z").toEpochMilli() * 1_000_000L;

    private Floods() {
    }

    /**
     * {@code flows} SYNs from {@link #SCANNER} port 61000, over ports 1..65535 of 10.10.0.1, then of
     * 10.10.0.2, and so on (a million flows cover 16 hosts), 10 µs apart; every 16th port of the first
     * host answers RST-ACK. Returns the number of packets written.
     */
    public static long synScan(Path pcap, long flows) throws IOException {
        long packets = 0;
        long t = START;
        try (PcapWriter w = PcapWriter.create(pcap, 1, false)) {
            for (long i = 0; i < flows; i++) {
                int hostIndex = (int) (i / 65535);
                int port = (int) (i % 65535) + 1;
                Host target = target(hostIndex);
                byte[] syn = Frames.tcp(61000, port, 0x1000 + i, 0, 0x02, new byte[0]);
                w.writePacket(t, frame(SCANNER, target, 6, syn, (int) i));
                packets++;
                t += 10_000;
                if (hostIndex == 0 && port % 16 == 0) {
                    byte[] rst = Frames.tcp(port, 61000, 0, 0x1001 + i, 0x14, new byte[0]);
                    w.writePacket(t, frame(target, SCANNER, 6, rst, (int) i));
                    packets++;
                    t += 10_000;
                }
            }
        }
        return packets;
    }

    /** One empty UDP datagram from {@link #SCANNER} port 53000 to each port 0..65535 of 10.10.1.10, 10 µs apart. */
    public static long udpSpray(Path pcap) throws IOException {
        long t = START;
        Host target = Host.of("cucm-pub", "10.10.1.10", 0x0a01, -1);
        try (PcapWriter w = PcapWriter.create(pcap, 1, false)) {
            for (int port = 0; port < 65536; port++) {
                w.writePacket(t, frame(SCANNER, target, 17, Frames.udp(53000, port, new byte[0]), port));
                t += 10_000;
            }
        }
        return 65536;
    }

    /**
     * {@code pairs} distinct host pairs, one UDP datagram each (to port 9999, which no catalog row
     * documents): from 10.100.x.y to 10.200.x.y, 10 µs apart. Returns the packets written.
     */
    public static long hostPairs(Path pcap, int pairs) throws IOException {
        long t = START;
        try (PcapWriter w = PcapWriter.create(pcap, 1, false)) {
            for (int i = 0; i < pairs; i++) {
                Host a = Host.of("a", "10." + (100 + ((i >> 16) & 0x3)) + "." + ((i >> 8) & 0xff) + "." + (i & 0xff), 0x0c00, -1);
                Host b = Host.of("b", "10." + (200 + ((i >> 16) & 0x3)) + "." + ((i >> 8) & 0xff) + "." + (i & 0xff), 0x0d00, -1);
                w.writePacket(t, frame(a, b, 17, Frames.udp(40000, 9999, new byte[16]), i));
                t += 10_000;
            }
        }
        return pairs;
    }

    private static Host target(int index) {
        return Host.of("target-" + index, "10.10." + (index / 250) + "." + (1 + index % 250), 0x0b00 + index, -1);
    }

    private static byte[] frame(Host from, Host to, int protocol, byte[] transport, int id) {
        return Frames.ethernet(to.mac(), from.mac(), -1, Frames.ETH_IPV4,
                Frames.ipv4(from.address(), to.address(), protocol, id & 0xffff, 0x4000, transport));
    }
}
