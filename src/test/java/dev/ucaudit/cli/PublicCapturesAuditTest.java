package dev.ucaudit.cli;

import dev.ucaudit.testing.Cli;
import dev.ucaudit.testing.CliAudit;
import dev.ucaudit.testing.PublicCaptures;
import dev.ucaudit.testing.OnPublicCaptures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every third-party capture in ../shared/captures/public/ (read in place, never copied) is
 * audited without a stack trace; the signalling captures have their media and data flows
 * attributed to the call or transfer that opened them. Skips when the folder is absent.
 */
@OnPublicCaptures
class PublicCapturesAuditTest {
    static final Path PUBLIC = PublicCaptures.FOLDER;

    /** Capture -> flows documented by signalling, each checked with tshark. */
    private static final Map<String, Integer> NEGOTIATED = Map.of(
            "pkts-sip-rtp.pcap", 1,            // RTP 127.0.0.1:6001 <-> :6000 from the INVITE/200 SDP
            "ndpi-skinny.pcap", 5,             // five RTP flows opened by OpenReceiveChannelAck/StartMediaTransmission
            "heplify-sip-rtp-mgcp-h225-mix.pcap", 3, // SIP RTP 8000<->40376, RTCP 8001<->40377, MGCP RTP 30000<->40362
            "ndpi-tftp.pcap", 1,               // the TFTP download from the server's new port (the two WRQ uploads are findings)
            "tcpdump-tftp.pcap", 1,
            "ndpi-h323.pcap", 1);              // the H.245 connection opened by the H.225 Connect

    /** Damaged files from which no packet can be read: fail closed, exit 2 and no report. */
    private static final Map<String, String> UNUSABLE = Map.of(
            "pkts-corrupt-mixed-endian.pcap", "big-endian header, little-endian records: no record is plausible");

    /**
     * Capture -> flows that are not their port's protocol (issue 26): every other capture has none, so no
     * real SCCP, SIP, TFTP, MGCP, H.225, TLS, LDAP, DNS, NTP, SNMP, syslog or SSH flow becomes a finding.
     */
    private static final Map<String, Integer> NOT_THE_PORTS_PROTOCOL = Map.of(
            "ndpi-http-on-sip-port.pcapng", 1,          // HTTP sent from 5060: not SIP on a SIP port
            "ndpi-fuzzed-sip-capture.pcap", 33,         // mutated packets on 53/udp and in the media ranges (flows with a payload of their protocol among their first 3 are not findings: issue 27 §2)
            "heplify-sip-erspan-gre.pcapng", 1,         // SIP found on 20917/udp: signalling in a media range
            "sngrep-sip-ipv6-frag-sll.pcap", 1,         // SIP found on 25060/udp
            "ws-metasploit-sip-invite-spoof.pcap", 1,   // SIP found on 10270/udp
            "ndpi-syslog-pppoe-ipv6.pcap", 0,           // syslog text from 514 to 11000/udp is a reply-only flow to 514 (issue 27 §5): syslog
            "gopacket-pcapng-be-multisection.pcapng", 1, // Dropbox LAN sync (JSON) broadcast on 17500/udp
            "zeek-var-services.pcap", 1);               // the same on 17500/udp

    @TempDir
    Path dir;

    private static List<Path> captures() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(PUBLIC), PUBLIC + " is absent: public captures not audited");
        try (Stream<Path> s = Files.list(PUBLIC)) {
            return s.filter(p -> p.getFileName().toString().matches(".*\\.(pcap|pcapng)(\\.gz)?$")).sorted().toList();
        }
    }

    @Test
    void everyPublicCaptureIsAuditedWithoutAStackTrace() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Path capture : captures()) {
            Path out = dir.resolve(capture.getFileName().toString());
            Cli r = Cli.run("audit", "--out", out.toString(), capture.toString());
            boolean unusable = UNUSABLE.containsKey(capture.getFileName().toString());
            if (r.err.contains("\tat ") || r.err.contains("Exception") || r.status < 0 || r.status > 2) {
                failures.add(capture.getFileName() + ": " + r);
            } else if (unusable && (r.status != 2 || Files.exists(out))) {
                failures.add(capture.getFileName() + ": unusable, expected exit 2 and no report: " + r);
            } else if (!unusable && !Files.isRegularFile(out.resolve("summary.json"))) {
                failures.add(capture.getFileName() + ": no summary.json");
            } else if (!unusable) {
                long not = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).at("/flows/not_the_ports_protocol").asLong();
                long expected = NOT_THE_PORTS_PROTOCOL.getOrDefault(capture.getFileName().toString(), 0);
                if (not != expected) {
                    failures.add(capture.getFileName() + ": " + not + " flows not their port's protocol, expected " + expected);
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void allPublicCapturesAsOneWindow() throws Exception {
        List<String> args = new ArrayList<>(List.of("audit", "--out", dir.resolve("all").toString()));
        List<Path> usable = captures().stream().filter(p -> !UNUSABLE.containsKey(p.getFileName().toString())).toList();
        usable.forEach(p -> args.add(p.toString()));
        Cli r = Cli.run(args.toArray(String[]::new));
        assertFalse(r.err.contains("\tat "), r.err);
        JsonNode s = new ObjectMapper().readTree(dir.resolve("all/summary.json").toFile());
        assertEquals(usable.size(), s.get("inputs").size());
        assertTrue(s.at("/packets/read").asLong() > 10_000, s.at("/packets").toString());
    }

    @Test
    void signallingCapturesHaveTheirMediaAttributed() throws Exception {
        captures();
        for (Map.Entry<String, Integer> e : NEGOTIATED.entrySet()) {
            Path out = dir.resolve(e.getKey());
            Cli.run("audit", "--out", out.toString(), PUBLIC.resolve(e.getKey()).toString());
            JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
            assertEquals((long) e.getValue(), s.at("/inspection/pinholes/flows_documented_by_signalling").asLong(),
                    e.getKey() + ": " + s.get("inspection"));
        }
        CSVRecord rtp = flows(dir.resolve("pkts-sip-rtp.pcap")).stream()
                .filter(f -> f.get("responder_port").equals("6000") || f.get("initiator_port").equals("6000")).findFirst().orElseThrow();
        assertEquals("port-only", rtp.get("verdict")); // no inventory: the tie is made, the roles unknown (issue 20 §5)
        assertTrue(rtp.get("reason").contains("SIP call"), rtp.get("reason"));
        long sccpMedia = flows(dir.resolve("ndpi-skinny.pcap")).stream().filter(f -> f.get("reason").startsWith("SCCP")).count();
        assertEquals(5, sccpMedia);
        assertTrue(flows(dir.resolve("ndpi-tftp.pcap")).stream().anyMatch(f -> f.get("reason").startsWith("TFTP data of read request for ")));
    }

    @Test
    void sipOverTlsIsCountedNotRead() throws Exception {
        captures();
        Path out = dir.resolve("tls");
        Cli.run("audit", "--out", out.toString(), PUBLIC.resolve("sngrep-sip-tls-5061.pcap").toString());
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertTrue(s.at("/inspection/sip_tls_flows_counted_not_inspected").asLong() >= 1);
        assertEquals(0, s.at("/inspection/per_protocol/sip/malformed").asLong());
    }

    static List<CSVRecord> flows(Path report) throws IOException {
        return CliAudit.flows(report);
    }
}
