package dev.ucaudit.cli;

import dev.ucaudit.testing.Cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ucaudit.capture.PcapWriter;
import dev.ucaudit.synth.Host;
import dev.ucaudit.synth.Messages;
import dev.ucaudit.synth.Wire;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One bad datagram does not condemn a flow: SIP inspection judges each payload, skips (and counts as
 * malformed) what is not SIP, and calls a flow "not SIP on a SIP port" only when none of its first
 * payloads is; NAT keep-alives (CRLF, NUL bytes, "hello") are keep-alives, not malformed SIP.
 */
class SipBudgetTest {
    private static final String INVENTORY = "address,role,name\n10.10.1.11,cucm,c\n10.20.0.0/24,phone,p\n";

    @TempDir
    Path dir;

    private JsonNode summary;
    private List<CSVRecord> flows;

    private void audit(Path pcap) throws Exception {
        Path inv = dir.resolve("inv.csv");
        Files.writeString(inv, INVENTORY);
        Path out = dir.resolve("r-" + pcap.getFileName());
        Cli.run("audit", "--inventory", inv.toString(), "--out", out.toString(), pcap.toString());
        summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        flows = PublicCapturesAuditTest.flows(out);
    }

    private CSVRecord flowTo(String port) {
        return flows.stream().filter(f -> f.get("responder_port").equals(port)).findFirst()
                .orElseThrow(() -> new AssertionError("no flow to " + port + ": " + flows));
    }

    /** A call whose first datagram is junk: the INVITE and 200 that follow are read, and the media tied to the call. */
    @Test
    void aJunkDatagramFirstDoesNotSwitchOffTheCallsMedia() throws Exception {
        Host phone = Host.of("p", "10.20.0.31", 1, -1);
        Host cucm = Host.of("c", "10.10.1.11", 2, -1);
        Host peer = Host.of("x", "10.20.0.32", 3, -1);
        Path pcap = dir.resolve("junk-first.pcap");
        try (Wire w = new Wire(PcapWriter.create(pcap, 1, false), 1_700_000_000_000_000_000L)) {
            byte[] junk = new byte[64];
            for (int i = 0; i < junk.length; i++) {
                junk[i] = (byte) (0x80 + i * 7);
            }
            w.udp(phone, 5060, cucm, 5060, junk);
            String callId = "budget-1@10.20.0.31";
            w.udp(phone, 5060, cucm, 5060, Messages.sipRequest("INVITE", "sip:b@cucm", "sip:a@cucm", "sip:b@cucm", callId, 1,
                    "10.20.0.31:5060", Messages.sdp("10.20.0.32", 50200, 1)));
            w.udp(cucm, 5060, phone, 5060, Messages.sipResponse(200, "OK", "sip:a@cucm", "sip:b@cucm", callId, 1, "INVITE",
                    "10.20.0.31:5060", null));
            for (int i = 0; i < 5; i++) {
                w.udp(phone, 52000, peer, 50200, Messages.rtp(i, 160L * i, 1, 160));
            }
        }
        audit(pcap);
        CSVRecord sip = flowTo("5060");
        assertEquals("documented", sip.get("verdict"), sip.toString());
        assertEquals(2, summary.at("/inspection/per_protocol/sip/messages").asLong(), summary.get("inspection").toString());
        assertEquals(1, summary.at("/inspection/per_protocol/sip/malformed").asLong(), "the junk datagram: " + summary.get("inspection"));
        CSVRecord rtp = flowTo("50200");
        assertEquals("documented", rtp.get("verdict"), rtp.toString());
        assertTrue(rtp.get("reason").contains("SIP call budget-1"), rtp.toString());
    }

    /** A REGISTER flow whose first datagrams are NAT keep-alives (NUL bytes, CRLF, "hello"): read as SIP, nothing malformed. */
    @Test
    void keepAlivesAreNotMalformedSip() throws Exception {
        Host phone = Host.of("p", "10.20.0.31", 1, -1);
        Host cucm = Host.of("c", "10.10.1.11", 2, -1);
        Path pcap = dir.resolve("keepalive.pcap");
        try (Wire w = new Wire(PcapWriter.create(pcap, 1, false), 1_700_000_000_000_000_000L)) {
            w.udp(phone, 5060, cucm, 5060, new byte[16]);
            w.udp(phone, 5060, cucm, 5060, Messages.text("\r\n\r\n"));
            w.udp(phone, 5060, cucm, 5060, Messages.text("hello"));
            w.udp(phone, 5060, cucm, 5060, new byte[4]);
            String callId = "reg-1@10.20.0.31";
            w.udp(phone, 5060, cucm, 5060, Messages.sipRequest("REGISTER", "sip:cucm", "sip:a@cucm", "sip:a@cucm", callId, 1,
                    "10.20.0.31:5060", null));
            w.udp(phone, 5060, cucm, 5060, new byte[16]);
            w.udp(cucm, 5060, phone, 5060, Messages.sipResponse(200, "OK", "sip:a@cucm", "sip:a@cucm", callId, 1, "REGISTER",
                    "10.20.0.31:5060", null));
        }
        audit(pcap);
        CSVRecord sip = flowTo("5060");
        assertEquals("documented", sip.get("verdict"), sip.toString());
        assertEquals(2, summary.at("/inspection/per_protocol/sip/messages").asLong(), summary.get("inspection").toString());
        assertEquals(0, summary.at("/inspection/per_protocol/sip/malformed").asLong(), summary.get("inspection").toString());
    }

    /** None of the first payloads is SIP: the flow is "not SIP on a SIP port", its payloads are not malformed SIP. */
    @Test
    void aFlowWithNoSipAmongItsFirstPayloadsIsNotSip() throws Exception {
        Host phone = Host.of("p", "10.20.0.31", 1, -1);
        Host cucm = Host.of("c", "10.10.1.11", 2, -1);
        Path pcap = dir.resolve("not-sip.pcap");
        try (Wire w = new Wire(PcapWriter.create(pcap, 1, false), 1_700_000_000_000_000_000L)) {
            for (int i = 0; i < 4; i++) {
                w.udp(phone, 5060, cucm, 5060, Messages.text("GET /index" + i + ".html HTTP/1.1\r\nHost: cucm\r\n\r\n"));
            }
            w.udp(phone, 5061, cucm, 5060, Messages.text("GET / HTTP/1.1\r\nHost: cucm\r\n\r\n")); // one payload only
        }
        audit(pcap);
        assertEquals(2, flows.size(), flows.toString());
        for (CSVRecord f : flows) {
            assertEquals("undocumented", f.get("verdict"), f.toString());
            assertTrue(f.get("reason").startsWith("not SIP on a SIP port: 5060/udp is documented for SIP"), f.toString());
        }
        assertEquals(0, summary.at("/inspection/per_protocol/sip/malformed").asLong(), summary.get("inspection").toString());
        assertEquals(2, summary.at("/inspection/probing/not_sip_on_sip_port").asLong(), summary.get("inspection").toString());
    }
}
