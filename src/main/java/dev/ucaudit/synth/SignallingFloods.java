package dev.ucaudit.synth;

import dev.ucaudit.capture.PcapWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Hostile signalling for the reliability runs: SIP INVITEs whose Call-ID and SDP are as large as
 * the framer accepts (many pinholes, each named by a huge call id), and SIP-over-TCP flows that
 * each leave a long message half sent (reassembly buffers that wait forever). Written straight to
 * a pcap file.
 */
public final class SignallingFloods {
    /** The call agent the INVITEs go to (UDP and TCP 5060). */
    public static final Host CUCM = Host.of("cucm-sub", "10.10.1.11", 0x0a02, -1);
    private static final long START = Instant.parse("2026-11-02T10:00:00Z").toEpochMilli() * 1_000_000L;

    private SignallingFloods() {
    }

    /** The phone sending INVITE number {@code i}: 10.20.x.y. */
    public static Host phone(int i) {
        return Host.of("phone-" + i, phoneIp(i), 0x1400 + i, -1);
    }

    public static String phoneIp(int i) {
        return "10.20." + (i / 250) + "." + (1 + i % 250);
    }

    /** The Call-ID of INVITE number {@code i}: {@code callIdChars} characters, unique by its start. */
    public static String callId(int i, int callIdChars) {
        String head = "flood-" + i + "-";
        return head + "x".repeat(Math.max(0, callIdChars - head.length()));
    }

    /** The RTP port of media line {@code m} (0-based) of any INVITE. */
    public static int mediaPort(int m) {
        return 20000 + 2 * m;
    }

    /**
     * {@code invites} SIP INVITEs over UDP from distinct phones to {@link #CUCM}:5060, each with a
     * Call-ID of {@code callIdChars} characters and an SDP of {@code mediaLines} audio lines (each
     * gives an RTP and an RTCP pinhole). The first {@code mediaPackets} phones then send one RTP
     * packet to their first media port from {@link #CUCM}, so that the flow names the call.
     * Returns the packets written.
     */
    public static long sipInvites(Path pcap, int invites, int callIdChars, int mediaLines, int mediaPackets) throws IOException {
        try (Wire w = new Wire(PcapWriter.create(pcap, 1, false), START)) {
            for (int i = 0; i < invites; i++) {
                w.udp(phone(i), 5060, CUCM, 5060, invite(i, callIdChars, mediaLines));
                w.advanceMillis(1);
            }
            for (int i = 0; i < Math.min(invites, mediaPackets); i++) {
                w.udp(CUCM, 30000, phone(i), mediaPort(0), Messages.rtp(1, 160, 1, 160));
            }
            return w.packets();
        }
    }

    /**
     * The payload of INVITE number {@code i}: a Call-ID of {@code callIdChars} characters and an SDP
     * whose {@code mediaLines} audio lines are on {@link #phoneIp}(i), so that every INVITE opens
     * its own pinholes whichever addresses carry it (also sent over lo by the live tests).
     */
    public static byte[] invite(int i, int callIdChars, int mediaLines) {
        String ip = phoneIp(i);
        return Messages.sipRequest("INVITE", "sip:b@cucm", "sip:a@cucm", "sip:b@cucm", callId(i, callIdChars),
                1, ip + ":5060", sdp(ip, mediaLines, i));
    }

    /**
     * {@code flows} SIP-over-TCP connections from distinct phones to {@link #CUCM}:5060, each sending
     * the headers of an INVITE that announces {@code bodyBytes} of body and then only
     * {@code sentBytes} of it: every flow leaves a reassembly buffer waiting for the rest.
     */
    public static long sipHalfSent(Path pcap, int flows, int bodyBytes, int sentBytes) throws IOException {
        try (Wire w = new Wire(PcapWriter.create(pcap, 1, false), START)) {
            for (int i = 0; i < flows; i++) {
                Host phone = phone(i);
                String head = "INVITE sip:b@cucm SIP/2.0\r\nVia: SIP/2.0/TCP " + phoneIp(i) + ":5060\r\nCall-ID: half-" + i
                        + "\r\nCSeq: 1 INVITE\r\nContent-Type: application/sdp\r\nContent-Length: " + bodyBytes + "\r\n\r\n";
                byte[] part = (head + "a".repeat(Math.max(0, sentBytes))).getBytes(StandardCharsets.US_ASCII);
                new TcpSession(w, phone, 40000 + i % 20000, CUCM, 5060, 1000L + i).open().fromClient(part);
                w.advanceMillis(1);
            }
            return w.packets();
        }
    }

    private static String sdp(String ip, int mediaLines, int session) {
        StringBuilder s = new StringBuilder("v=0\r\no=- " + session + " 1 IN IP4 " + ip + "\r\ns=call\r\nc=IN IP4 " + ip + "\r\nt=0 0\r\n");
        for (int m = 0; m < mediaLines; m++) {
            s.append("m=audio ").append(mediaPort(m)).append(" RTP/AVP 0\r\n");
        }
        return s.toString();
    }
}
