package dev.ucaudit.diff;

import dev.ucaudit.capture.CaptureFiles;
import dev.ucaudit.packet.CaptureProblem;
import dev.ucaudit.packet.PacketSink;
import dev.ucaudit.capture.PacketSource;
import dev.ucaudit.capture.PcapWriter;
import dev.ucaudit.packet.RawPacket;
import dev.ucaudit.synth.LabSite;
import dev.ucaudit.synth.Messages;
import dev.ucaudit.synth.TcpSession;
import dev.ucaudit.synth.Wire;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Two generated captures a day apart, with known changes. Yesterday is the lab site. Today is the
 * lab site one day later with:
 * <ul>
 * <li>gone: the publisher's LDAP sync (10.10.1.10 → 10.40.0.5 389/tcp), so opening T3-01 on 10.40.0.5 becomes unused;</li>
 * <li>verdict change: the SIP call's signalling is missing (every packet of Call-ID call-7f3a dropped), so its RTP
 *     between the SIP phones on 40002/40004 (same signature, ephemeral range) is no longer negotiated: undocumented;</li>
 * <li>new undocumented: the admin workstation opens RDP to the publisher (10.50.0.100 → 10.10.1.10 3389/tcp);</li>
 * <li>new documented: the second SIP phone registers over SIP/TLS (10.20.0.23 → 10.10.1.11 5061/tcp), so the opening
 *     5061 on the subscriber is newly used.</li>
 * </ul>
 */
public final class NightlyCaptures {
    static final long DAY_NANOS = 86_400L * 1_000_000_000L;

    private NightlyCaptures() {
    }

    public static void writeYesterday(Path pcap, Path inventory) throws IOException {
        LabSite.write(pcap, inventory);
    }

    public static void writeToday(Path yesterday, Path today) throws IOException {
        try (PcapWriter out = PcapWriter.create(today, 1, false)) {
            long[] last = {0};
            try (PacketSource source = CaptureFiles.open(yesterday)) {
                source.run(new PacketSink() {
                    @Override
                    public void packet(RawPacket p) {
                        byte[] frame = Arrays.copyOfRange(p.data, p.offset, p.offset + p.length);
                        last[0] = p.timestampNanos + DAY_NANOS;
                        if (contains(frame, "call-7f3a") || isTcp(frame, "10.10.1.10", "10.40.0.5", 389)) {
                            return;
                        }
                        try {
                            out.writePacket(p.timestampNanos + DAY_NANOS, frame);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }

                    @Override
                    public void problem(CaptureProblem problem) {
                        throw new IllegalStateException(problem.message());
                    }
                });
            } catch (dev.ucaudit.capture.CaptureException e) {
                throw new IOException(e);
            }
            Wire w = new Wire(out, last[0] + 1_000_000L);
            new TcpSession(w, LabSite.ADMIN, 53300, LabSite.PUB, 3389, 7000).open().fromClient(new byte[19]).close();
            new TcpSession(w, LabSite.PHONE_SIP2, 52300, LabSite.SUB, 5061, 7100).open().fromClient(Messages.tlsHello(true, 300))
                    .fromServer(Messages.tlsHello(false, 1200)).close();
        }
    }

    private static boolean contains(byte[] frame, String text) {
        byte[] t = text.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + t.length <= frame.length; i++) {
            for (int j = 0; j < t.length; j++) {
                if (frame[i + j] != t[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** True for an IPv4 TCP frame between a and b (either way) with port on either side. */
    private static boolean isTcp(byte[] f, String a, String b, int port) {
        int off = 12;
        int type = ((f[off] & 255) << 8) | (f[off + 1] & 255);
        if (type == 0x8100) {
            off += 4;
            type = ((f[off] & 255) << 8) | (f[off + 1] & 255);
        }
        if (type != 0x0800) {
            return false;
        }
        int ip = off + 2;
        if ((f[ip + 9] & 255) != 6) {
            return false;
        }
        String src = (f[ip + 12] & 255) + "." + (f[ip + 13] & 255) + "." + (f[ip + 14] & 255) + "." + (f[ip + 15] & 255);
        String dst = (f[ip + 16] & 255) + "." + (f[ip + 17] & 255) + "." + (f[ip + 18] & 255) + "." + (f[ip + 19] & 255);
        int tcp = ip + (f[ip] & 15) * 4;
        int sport = ((f[tcp] & 255) << 8) | (f[tcp + 1] & 255);
        int dport = ((f[tcp + 2] & 255) << 8) | (f[tcp + 3] & 255);
        boolean hosts = (src.equals(a) && dst.equals(b)) || (src.equals(b) && dst.equals(a));
        return hosts && (sport == port || dport == port);
    }
}
