package dev.ucaudit.cli;

import dev.ucaudit.testing.Cli;
import dev.ucaudit.testing.PublicCaptures;
import dev.ucaudit.testing.OnPublicCaptures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ucaudit.capture.PcapWriter;
import dev.ucaudit.synth.Host;
import dev.ucaudit.synth.Messages;
import dev.ucaudit.synth.TcpSession;
import dev.ucaudit.synth.Tunnels;
import dev.ucaudit.synth.Wire;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Protocols found by content: SIP on 5070/udp and SCCP on 12000/tcp are recognised by their first
 * bytes, reported as signalling on a port the catalog does not document, and the RTP they negotiate
 * is tied to the call; HTTP on 5060 is "not SIP on a SIP port", not malformed SIP; SIP over SCTP is
 * classified against the SIP rows and its RTP tied. The same captures with --no-probing show what
 * probing adds. Real captures (ws-magicjack-short-call, ndpi-http-on-sip-port) when present.
 */
class ProbingTest {
    private static final Path PUBLIC = PublicCaptures.FOLDER;
    private static final Host PHONE = Host.of("phone", "10.20.0.31", 1, -1);
    private static final Host PEER = Host.of("peer", "10.20.0.32", 2, -1);
    private static final Host SERVER = Host.of("server", "10.10.1.11", 3, -1);
    private static final Host WEB = Host.of("web", "10.10.1.80", 4, -1);

    @TempDir
    Path dir;

    private Path capture() throws IOException {
        Path pcap = dir.resolve("probing.pcap");
        try (Wire w = new Wire(PcapWriter.create(pcap, 1, false), 1_700_000_000_000_000_000L)) {
            // SIP on 5070/udp: keep-alives first (as a SIP phone sends them), then INVITE / 200 OK and RTP
            for (int i = 0; i < 10; i++) {
                w.udp(PHONE, 5070, SERVER, 5070, "\r\n".getBytes());
            }
            String callId = "odd-port-call";
            w.udp(PHONE, 5070, SERVER, 5070, Messages.sipRequest("INVITE", "sip:b@srv", "sip:a@srv", "sip:b@srv", callId, 1,
                    "10.20.0.31:5070", Messages.sdp("10.20.0.31", 40000, 1)));
            w.udp(SERVER, 5070, PHONE, 5070, Messages.sipResponse(200, "OK", "sip:a@srv", "sip:b@srv", callId, 1, "INVITE",
                    "10.20.0.31:5070", Messages.sdp("10.20.0.32", 41000, 2)));
            for (int i = 0; i < 5; i++) {
                w.udp(PEER, 41000, PHONE, 40000, Messages.rtp(i, 160L * i, 7, 160));
            }
            // SCCP on 12000/tcp: the phone's OpenReceiveChannelAck names where it receives RTP
            TcpSession sccp = new TcpSession(w, PHONE, 51000, SERVER, 12000, 1000).open();
            sccp.fromClient(Messages.sccpRegister("SEP001122334455", PHONE.address()));
            sccp.fromServer(Messages.sccpOpenReceiveChannel(77, 88));
            sccp.fromClient(Messages.sccpOpenReceiveChannelAck(PHONE.address(), 42000, 88));
            for (int i = 0; i < 5; i++) {
                w.udp(PEER, 43000, PHONE, 42000, Messages.rtp(i, 160L * i, 9, 160));
            }
            // HTTP on 5060/tcp, a SIP port
            TcpSession http = new TcpSession(w, PHONE, 52000, WEB, 5060, 5000).open();
            http.fromClient("GET /config.xml HTTP/1.1\r\nHost: web\r\n\r\n");
            http.fromServer("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
            http.close();
            // SIP over SCTP on 5060 with an SDP offer, and its RTP
            String sctpCall = "sctp-call";
            w.send(PHONE, SERVER, 132, Tunnels.sctpData(5060, 5060, 1, Messages.sipRequest("INVITE", "sip:b@srv", "sip:a@srv",
                    "sip:b@srv", sctpCall, 1, "10.20.0.31:5060", Messages.sdp("10.20.0.31", 44000, 3))));
            w.send(SERVER, PHONE, 132, Tunnels.sctpData(5060, 5060, 1, Messages.sipResponse(200, "OK", "sip:a@srv", "sip:b@srv",
                    sctpCall, 1, "INVITE", "10.20.0.31:5060", null)));
            for (int i = 0; i < 5; i++) {
                w.udp(PEER, 45000, PHONE, 44000, Messages.rtp(i, 160L * i, 11, 160));
            }
        }
        return pcap;
    }

    private record Audit(List<CSVRecord> flows, JsonNode summary) {
        CSVRecord flow(String responderPort) {
            return flows.stream().filter(f -> f.get("responder_port").equals(responderPort)).findFirst()
                    .orElseThrow(() -> new AssertionError("no flow to port " + responderPort + ": " + flows));
        }
    }

    private Audit audit(Path pcap, String... extra) throws IOException {
        Path out = dir.resolve("r" + extra.length + pcap.getFileName());
        List<String> args = new ArrayList<>(List.of("audit", "--fail-on", "none", "--out", out.toString()));
        args.addAll(List.of(extra));
        args.add(pcap.toString());
        Cli r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.status, r.toString());
        return new Audit(PublicCapturesAuditTest.flows(out), new ObjectMapper().readTree(out.resolve("summary.json").toFile()));
    }

    @Test
    void sipOnAnOddPortIsFoundAndItsRtpTiedToTheCall() throws IOException {
        Audit a = audit(capture());
        CSVRecord sip = a.flow("5070");
        assertEquals("undocumented", sip.get("verdict"), "it stays undocumented");
        assertTrue(sip.get("reason").contains("SIP found on 5070/udp, a port the catalog does not document for SIP"),
                sip.get("reason"));
        CSVRecord rtp = a.flow("40000");
        assertTrue(rtp.get("reason").contains("SIP call odd-port-call"), rtp.get("reason"));
        assertTrue(rtp.get("reason").contains("SIP found on 5070/udp"), rtp.get("reason"));
        assertEquals(1, a.summary().at("/inspection/probing/signalling_found_on_undocumented_ports/sip").asLong());

        Audit off = audit(capture(), "--no-probing");
        assertFalse(off.flow("5070").get("reason").contains("SIP found"), "--no-probing: not looked at");
        assertFalse(off.flow("40000").get("reason").contains("SIP call"), "--no-probing: the RTP is not tied");
    }

    @Test
    void sccpOnAnOddPortIsFoundAndItsRtpTied() throws IOException {
        Audit a = audit(capture());
        CSVRecord sccp = a.flow("12000");
        assertTrue(sccp.get("reason").contains("SCCP found on 12000/tcp, a port the catalog does not document for SCCP"),
                sccp.get("reason"));
        CSVRecord rtp = a.flow("42000");
        assertTrue(rtp.get("reason").contains("SCCP OpenReceiveChannelAck, conference 77"), rtp.get("reason"));
        assertFalse(audit(capture(), "--no-probing").flow("42000").get("reason").contains("SCCP"));
    }

    @Test
    void httpOnASipPortIsNotMalformedSip() throws IOException {
        Audit a = audit(capture());
        CSVRecord http = a.flows().stream().filter(f -> f.get("responder_port").equals("5060") && f.get("protocol").equals("tcp"))
                .findFirst().orElseThrow();
        assertEquals("undocumented", http.get("verdict"));
        assertTrue(http.get("reason").startsWith("not SIP on a SIP port: 5060/tcp is documented for SIP"), http.get("reason"));
        assertTrue(http.get("reason").contains("carries HTTP"), http.get("reason"));
        assertEquals(1, a.summary().at("/inspection/probing/not_sip_on_sip_port").asLong());
        assertEquals(0, a.summary().at("/inspection/per_protocol/sip/malformed").asLong(), a.summary().at("/inspection").toString());
    }

    @Test
    void stunKeepAlivesOnASipPortAreNeitherSipNorNotSip() throws IOException {
        Path pcap = dir.resolve("stun.pcap");
        byte[] stun = new byte[20];
        stun[1] = 0x01; // binding request, no attributes
        stun[4] = 0x21;
        stun[5] = 0x12;
        stun[6] = (byte) 0xa4;
        stun[7] = 0x42;
        try (Wire w = new Wire(PcapWriter.create(pcap, 1, false), 1_700_000_000_000_000_000L)) {
            for (int i = 0; i < 4; i++) {
                w.udp(PHONE, 5060, SERVER, 5060, stun);
            }
            w.udp(PHONE, 5060, SERVER, 5060, Messages.sipRequest("INVITE", "sip:b@srv", "sip:a@srv", "sip:b@srv", "stun-call", 1,
                    "10.20.0.31:5060", Messages.sdp("10.20.0.31", 46000, 1)));
            for (int i = 0; i < 5; i++) {
                w.udp(PEER, 47000, PHONE, 46000, Messages.rtp(i, 160L * i, 13, 160));
            }
        }
        Audit a = audit(pcap);
        assertEquals(0, a.summary().at("/inspection/probing/not_sip_on_sip_port").asLong());
        CSVRecord rtp = a.flow("46000");
        assertEquals("port-only", rtp.get("verdict"), rtp.get("reason")); // no inventory (issue 20 §5)
        assertTrue(rtp.get("reason").contains("SIP call stun-call"), rtp.get("reason"));
    }

    @Test
    void sipOverSctpIsClassifiedAgainstTheSipRowsAndItsRtpTied() throws IOException {
        Audit a = audit(capture());
        CSVRecord sip = a.flows().stream().filter(f -> f.get("protocol").equals("sctp")).findFirst().orElseThrow();
        assertEquals("5060", sip.get("responder_port"));
        assertEquals("port-only", sip.get("verdict"), sip.get("reason")); // no inventory (issue 20 §5)
        assertEquals("T6-07", sip.get("rule"), sip.get("reason"));
        assertTrue(sip.get("reason").contains("SIP"), sip.get("reason"));
        CSVRecord rtp = a.flow("44000");
        assertEquals("port-only", rtp.get("verdict"), rtp.get("reason"));
        assertTrue(rtp.get("reason").contains("SIP call sctp-call"), rtp.get("reason"));
    }

    /** Audits a third-party capture; skips, saying why, when the folder is absent. */
    private Audit real(String name) throws IOException {
        Path f = PUBLIC.resolve(name);
        assumeTrue(Files.exists(f), f + " absent (third-party captures are read from ../shared/captures/public)");
        return audit(f);
    }

    @OnPublicCaptures
    @Test
    void realCaptureMagicJackSipOn5070HasItsRtpTied() throws IOException {
        Audit a = real("ws-magicjack-short-call.pcap");
        CSVRecord sip = a.flow("5070");
        assertTrue(sip.get("reason").contains("SIP found on 5070/udp"), sip.get("reason"));
        CSVRecord rtp = a.flow("54550");
        assertTrue(rtp.get("reason").contains("RTP of SIP call C5570127C1A6A1ABF7ED9DB9AD608CE00xc0a8000a"), rtp.get("reason"));
    }

    @OnPublicCaptures
    @Test
    void realCaptureHttpOnSipPortIsNotSip() throws IOException {
        Audit a = real("ndpi-http-on-sip-port.pcapng");
        assertEquals(1, a.summary().at("/inspection/probing/not_sip_on_sip_port").asLong());
        assertEquals(0, a.summary().at("/inspection/per_protocol/sip/malformed").asLong());
        assertTrue(a.flows().get(0).get("reason").startsWith("not SIP on a SIP port: 5060/tcp"), a.flows().get(0).get("reason"));
    }
}
