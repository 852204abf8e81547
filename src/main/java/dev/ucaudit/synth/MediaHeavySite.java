package dev.ucaudit.synth;

import dev.ucaudit.capture.PcapWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A large, media-heavy capture for benchmarks: many SIP and SCCP calls whose RTP (mostly on ports
 * negotiated in SDP, some outside every documented range) makes up most packets, with the
 * registrations, TFTP downloads, LDAP and admin HTTPS a site also carries. Deterministic.
 */
public final class MediaHeavySite {
    private static final int PHONES = 2000;
    /** Default RTP packets per call (both directions): a 6-second call at 50 packets/s each way. */
    public static final int DEFAULT_CALL_PACKETS = 600;

    /** The inventory that goes with it: the lab site's, with the phones spread over 10.20.0.0/16. */
    public static final String INVENTORY = LabSite.INVENTORY.replace("10.20.0.0/24,phone,voice VLAN 100", "10.20.0.0/16,phone,voice VLANs");

    private MediaHeavySite() {
    }

    public static long write(Path pcap, long packets) throws IOException {
        return write(pcap, packets, DEFAULT_CALL_PACKETS);
    }

    /** As {@link #write(Path, long)} with {@code callPackets} RTP packets per call (longer calls: less signalling per packet). */
    public static long write(Path pcap, long packets, int callPackets) throws IOException {
        long start = Instant.parse("2026-11-02T09:00:00Z").toEpochMilli() * 1_000_000L;
        try (Wire w = new Wire(PcapWriter.create(pcap, 1, false), start)) {
            int call = 0;
            while (w.packets() < packets) {
                call(w, call++, callPackets);
            }
            return w.packets();
        }
    }

    private static Host phone(int i) {
        int n = i % PHONES;
        return Host.of("phone" + n, "10.20." + (n / 250) + "." + (1 + n % 250), 0x140000 + n, 100);
    }

    /** One call: signalling, then RTP both ways interleaved, plus side traffic every few calls. */
    private static void call(Wire w, int i, int callPackets) {
        Host a = phone(2 * i);
        Host b = phone(2 * i + 1);
        String callId = "bench-" + i + "@10.20.0.1";
        int portA = 20000 + (i * 2) % 20000;
        int portB = 40000 + (i * 2) % 20000;
        String ipA = address(a);
        String ipB = address(b);
        if (i % 4 == 3) {
            // an SCCP call: the phone's receive port arrives in OpenReceiveChannelAck
            TcpSession s = new TcpSession(w, a, 50000 + i % 10000, LabSite.SUB, 2000, 1000L + i).open();
            s.fromServer(Messages.sccpOpenReceiveChannel(i, 9000 + i));
            s.fromClient(Messages.sccpOpenReceiveChannelAck(a.address(), portA, 9000 + i));
            s.fromServer(Messages.sccpStartMediaTransmission(i, 9000 + i, b.address(), portB));
            s.close();
        } else {
            String uriB = "sip:" + i + "@10.10.1.11";
            String uriA = "sip:a" + i + "@10.10.1.11";
            w.udp(a, 5060, LabSite.SUB, 5060, Messages.sipRequest("INVITE", uriB, uriA, uriB, callId, 1, ipA + ":5060",
                    Messages.sdp(ipA, portA, i)));
            w.udp(LabSite.SUB, 5060, a, 5060, Messages.sipResponse(200, "OK", uriA, uriB, callId, 1, "INVITE", ipA + ":5060",
                    Messages.sdp(ipB, portB, i + 1)));
            w.udp(a, 5060, LabSite.SUB, 5060, Messages.sipRequest("ACK", uriB, uriA, uriB, callId, 1, ipA + ":5060", null));
        }
        for (int p = 0; p < callPackets / 2; p++) {
            w.udp(a, portA, b, portB, Messages.rtp(p, 160L * p, i, 160));
            w.udp(b, portB, a, portA, Messages.rtp(p, 160L * p, ~i, 160));
            if (p % 10 == 0) {
                w.advanceMillis(1);
            }
        }
        if (i % 8 == 0) {
            int port = 49152 + i % 10000;
            w.udp(a, port, LabSite.SUB, 69, Messages.tftpReadRequest("SEP" + i + ".cnf.xml"));
            for (int blk = 1; blk <= 4; blk++) {
                w.udp(LabSite.SUB, 45000 + i % 1000, a, port, Messages.tftpData(blk, blk < 4 ? 512 : 10));
                w.udp(a, port, LabSite.SUB, 45000 + i % 1000, Messages.tftpAck(blk));
            }
        }
        if (i % 16 == 0) {
            new TcpSession(w, LabSite.ADMIN, 30000 + i % 30000, LabSite.PUB, 443, 7000L + i).open()
                    .fromClient(Messages.tlsHello(true, 300)).fromServer(Messages.tlsHello(false, 1200)).close();
            new TcpSession(w, LabSite.PUB, 33000 + i % 20000, LabSite.LDAP, 389, 9000L + i).open()
                    .fromClient(Messages.ldap(true, 80)).fromServer(Messages.ldap(false, 400)).close();
        }
    }

    private static String address(Host h) {
        byte[] a = h.address();
        return (a[0] & 0xff) + "." + (a[1] & 0xff) + "." + (a[2] & 0xff) + "." + (a[3] & 0xff);
    }
}
