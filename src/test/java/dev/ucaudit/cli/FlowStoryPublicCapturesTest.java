package dev.ucaudit.cli;

import dev.ucaudit.testing.OnPublicCaptures;
import dev.ucaudit.testing.PublicCaptures;
import dev.ucaudit.testing.Cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A flow's story told as the peers' own test suites tell it (Zeek's btest baselines, nDPI's expected
 * results), on the public captures of ../shared/captures/public; each test skips when its capture is absent.
 */
@OnPublicCaptures
class FlowStoryPublicCapturesTest {
    private static final Path PUBLIC = PublicCaptures.FOLDER;

    @TempDir
    Path dir;

    private List<CSVRecord> audit(String capture, String... options) throws Exception {
        Path file = PUBLIC.resolve(capture);
        Assumptions.assumeTrue(Files.isRegularFile(file), file + " is absent");
        Path out = dir.resolve(capture);
        String[] args = new String[options.length + 4];
        args[0] = "audit";
        System.arraycopy(options, 0, args, 1, options.length);
        args[options.length + 1] = "--out";
        args[options.length + 2] = out.toString();
        args[options.length + 3] = file.toString();
        Cli.run(args);
        return PublicCapturesAuditTest.flows(out);
    }

    private static CSVRecord flow(List<CSVRecord> flows, String initiator, String initiatorPort, String responder, String responderPort) {
        return flows.stream().filter(f -> f.get("initiator").equals(initiator) && f.get("initiator_port").equals(initiatorPort)
                && f.get("responder").equals(responder) && f.get("responder_port").equals(responderPort)).findFirst()
                .orElseThrow(() -> new AssertionError("no flow " + initiator + ":" + initiatorPort + " → " + responder + ":"
                        + responderPort + " in " + flows));
    }

    /** zeek-gre.pcap: a DNS query answered only by "port unreachable" is a rejected query (Zeek: S0 plus an ICMP connection). */
    @Test
    void aQueryAnsweredOnlyByPortUnreachableIsRejected() throws Exception {
        CSVRecord dns = flow(audit("zeek-gre.pcap"), "66.59.111.190", "37675", "172.28.2.3", "53");
        assertEquals("2", dns.get("packets"), dns.toString());
        assertEquals("0", dns.get("packets_from_responder"), "the errors are no answer: " + dns);
        assertEquals("2", dns.get("icmp_errors"), dns.toString());
        assertEquals("one-way", dns.get("initiator_basis"), dns.toString());
        assertTrue(dns.get("reason").endsWith("; rejected: port unreachable ×2"), dns.toString());
    }

    /**
     * zeek-dhcp.pcap, with 128.2.6.152 (the DHCP server) as a CUCM (T2-06): the broadcast DISCOVER/REQUEST
     * 0.0.0.0:68 → 255.255.255.255:67 is heard by the CUCM, and the server's replies :67 → :68 (unicast
     * or broadcast), whose requests are the broadcasts, are the client's exchange with the server: the
     * whole exchange is documented by T2-06, every reply initiated by its client.
     */
    @Test
    void aDhcpExchangeWithCucmAsServerIsOneDocumentedConversation() throws Exception {
        Path inv = dir.resolve("inv.csv");
        Files.writeString(inv, "address,role,name\n128.2.6.152,cucm-publisher,cucm-dhcp\n");
        List<CSVRecord> flows = audit("zeek-dhcp.pcap", "--inventory", inv.toString());
        assertEquals(4, flows.size(), flows.toString());
        for (CSVRecord f : flows) {
            assertEquals("documented", f.get("verdict"), f.toString());
            assertEquals("T2-06", f.get("rule"), f.toString());
            assertEquals("68", f.get("initiator_port"), "the client initiates: " + f);
            assertEquals("67", f.get("responder_port"), f.toString());
        }
        CSVRecord request = flow(flows, "0.0.0.0", "68", "255.255.255.255", "67");
        assertTrue(request.get("reason").contains("a broadcast to 67/udp, heard by the cucm hosts of its segment"), request.toString());
        for (String client : List.of("128.2.6.97", "128.2.6.189", "255.255.255.255")) {
            CSVRecord reply = flow(flows, client, "68", "128.2.6.152", "67");
            assertEquals("reply-only", reply.get("initiator_basis"), reply.toString());
            assertEquals("0", reply.get("packets_from_initiator"), reply.toString());
        }
    }

    /**
     * ndpi-fuzzed-sip-capture.pcap: the call between 192.168.1.2:5060 and 200.68.120.81:5060 starts with a
     * fuzzed datagram; its INVITE and CANCEL that follow are read (the flow was "not SIP" entirely).
     */
    @Test
    void aFuzzedDatagramFirstDoesNotCondemnTheSipFlow() throws Exception {
        List<CSVRecord> flows = audit("ndpi-fuzzed-sip-capture.pcap");
        CSVRecord call = flows.stream().filter(f -> f.toString().contains("192.168.1.2, 5060") && f.toString().contains("200.68.120.81, 5060"))
                .findFirst().orElseThrow(() -> new AssertionError(flows.toString()));
        assertTrue(!call.get("reason").contains("not SIP"), call.toString());
        JsonNode s = new ObjectMapper().readTree(dir.resolve("ndpi-fuzzed-sip-capture.pcap").resolve("summary.json").toFile());
        assertEquals(1, s.at("/inspection/probing/not_sip_on_sip_port").asLong(), "only the one-datagram binary flow: " + s.get("inspection"));
        assertTrue(s.at("/inspection/per_protocol/sip/messages").asLong() >= 47, s.get("inspection").toString());
        assertEquals(4, s.at("/inspection/per_protocol/sip/expectations").asLong(), s.get("inspection").toString());
    }
}
