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
 * SIP over fragmented UDP, IPv4 and IPv6: the SDP sits in a later fragment, so the media is only
 * attributed when the fragments are reassembled for inspection.
 */
class FragmentedSipTest {
    @TempDir
    Path dir;

    private void call(Wire w, Host phone, Host cucm, Host peer, String phoneIp, String peerIp, int rtpPort) {
        String callId = "frag-" + rtpPort + "@" + phoneIp;
        // A long INVITE: padding headers push the SDP beyond the first fragment.
        String sdp = Messages.sdp(peerIp, rtpPort, 1);
        byte[] invite = Messages.sipRequest("INVITE", "sip:b@cucm", "sip:a@cucm", "sip:b@cucm", callId, 1, phoneIp + ":5060",
                sdp.replace("s=call", "s=call\r\ni=" + "x".repeat(900)));
        w.fragmentedUdp(phone, 5060, cucm, 5060, invite, 512);
        w.udp(cucm, 5060, phone, 5060, Messages.sipResponse(100, "Trying", "sip:a@cucm", "sip:b@cucm", callId, 1, "INVITE",
                phoneIp + ":5060", null));
        for (int i = 0; i < 5; i++) {
            w.udp(phone, 52000, peer, rtpPort, Messages.rtp(i, 160L * i, 1, 160));
        }
    }

    @Test
    void sdpInALaterFragmentStillOpensThePinhole() throws Exception {
        Path pcap = dir.resolve("frag.pcap");
        Host phone4 = Host.of("p4", "10.20.0.31", 1, -1);
        Host cucm4 = Host.of("c4", "10.10.1.11", 2, -1);
        Host peer4 = Host.of("x4", "10.20.0.32", 3, -1);
        Host phone6 = Host.of("p6", "2001:db8:20::31", 4, -1);
        Host cucm6 = Host.of("c6", "2001:db8:10::11", 5, -1);
        Host peer6 = Host.of("x6", "2001:db8:20::32", 6, -1);
        try (Wire w = new Wire(PcapWriter.create(pcap, 1, false), 1_700_000_000_000_000_000L)) {
            call(w, phone4, cucm4, peer4, "10.20.0.31", "10.20.0.32", 50200);
            call(w, phone6, cucm6, peer6, "2001:db8:20::31", "2001:db8:20::32", 50300);
        }
        Path inv = dir.resolve("inv.csv");
        Files.writeString(inv, "address,role,name\n10.10.1.11,cucm,c\n2001:db8:10::11,cucm,c6\n10.20.0.0/24,phone,p\n2001:db8:20::/64,phone,p6\n");
        Path out = dir.resolve("r");
        Cli r = Cli.run("audit", "--inventory", inv.toString(), "--out", out.toString(), pcap.toString());
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(2, s.at("/inspection/udp_fragments_for_inspection/reassembled").asLong(), r.toString());
        List<CSVRecord> flows = PublicCapturesAuditTest.flows(out);
        for (String port : new String[] {"50200", "50300"}) {
            CSVRecord rtp = flows.stream().filter(f -> f.get("responder_port").equals(port)).findFirst().orElseThrow();
            assertEquals("documented", rtp.get("verdict"), rtp.toString());
            assertTrue(rtp.get("reason").contains("SIP call frag-" + port), rtp.get("reason"));
        }
        CSVRecord sip4 = flows.stream().filter(f -> f.get("responder_port").equals("5060") && f.get("initiator").equals("10.20.0.31"))
                .findFirst().orElseThrow();
        assertTrue(Long.parseLong(sip4.get("fragments")) >= 2, "later fragments are counted to the SIP flow");
    }
}
