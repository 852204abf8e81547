package dev.ucaudit.cli;

import dev.ucaudit.testing.Cli;
import dev.ucaudit.testing.PublicCaptures;
import dev.ucaudit.testing.OnPublicCaptures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ucaudit.synth.Floods;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generated floods: a scan is reported as a scan, flows.csv stays bounded, every flow is still counted. */
class FloodTest {
    @TempDir
    Path dir;

    private static long lines(Path f) throws Exception {
        try (var s = Files.lines(f)) {
            return s.count();
        }
    }

    @Test
    void synScanOf100kFlowsIsSummarizedAsOneScan() throws Exception {
        Path pcap = dir.resolve("scan.pcap");
        Floods.synScan(pcap, 100_000);
        Path out = dir.resolve("report");
        Cli r = Cli.run("audit", "--out", out.toString(), "--max-flow-rows", "5000", pcap.toString());
        assertEquals(1, r.status, r.toString());
        assertTrue(r.out.contains("ucaudit: scan: 10.99.0.66 probed about 2 hosts on 65,535 distinct ports over tcp: 100,000 flows"), r.out);
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(100_000, s.at("/flows/total").asLong());
        assertEquals(100_000, s.at("/flows/scan_flows_summarized").asLong());
        assertEquals(0, s.at("/flows/rows_written").asLong());
        JsonNode scan = s.at("/scans/listed/0");
        assertEquals("10.99.0.66", scan.get("initiator").asText());
        assertEquals(65_535, scan.get("responder_ports").asLong());
        assertEquals(100_000, scan.get("flows").asLong());
        assertEquals(1, s.at("/scans/listed").size());
        assertEquals(1, lines(out.resolve("flows.csv")), "header only: the probes are summarized");
        assertTrue(Files.readString(out.resolve("report.html")).contains("<h2>Scans (1)</h2>"));
        assertEquals(2, s.at("/conversations/total").asLong());
    }

    @Test
    void listScanFlowsKeepsAtMostMaxFlowRowsAndSaysSo() throws Exception {
        Path pcap = dir.resolve("scan.pcap");
        Floods.synScan(pcap, 100_000);
        Path out = dir.resolve("report");
        Cli r = Cli.run("audit", "--out", out.toString(), "--max-flow-rows", "5000", "--list-scan-flows", pcap.toString());
        assertEquals(1, r.status, r.toString());
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(5000, s.at("/flows/rows_written").asLong());
        assertEquals(95_000, s.at("/flows/rows_not_written").asLong());
        assertEquals(0, s.at("/flows/scan_flows_summarized").asLong());
        assertEquals(5001, lines(out.resolve("flows.csv")));
        assertTrue(r.out.contains("95,000 more flows are counted but not listed"), r.out);
        assertTrue(Files.readString(out.resolve("report.html")).contains("flows.csv holds at most 5,000 rows"));
    }

    @Test
    void udpSprayOverEveryPortIsOneScanOfOneHost() throws Exception {
        Path pcap = dir.resolve("spray.pcap");
        Floods.udpSpray(pcap);
        Path out = dir.resolve("report");
        Cli r = Cli.run("audit", "--out", out.toString(), pcap.toString());
        assertTrue(r.out.contains("ucaudit: scan: 10.99.0.66 probed 65,536 ports of 10.10.1.10 over udp: 65,536 flows,"), r.out);
        assertTrue(r.out.contains("1 packet each"), r.out);
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(65_536, s.at("/flows/total").asLong());
        assertEquals("10.10.1.10", s.at("/scans/listed/0/responder").asText());
    }

    @OnPublicCaptures
    @Test
    void nmapScanOfTheThousandDefaultPortsIsRecognized() throws Exception {
        Path pcap = PublicCaptures.FOLDER.resolve("ndpi-synscan.pcap");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(pcap), "public captures absent");
        Path out = dir.resolve("report");
        Cli r = Cli.run("audit", "--out", out.toString(), pcap.toString());
        assertTrue(r.out.contains("ucaudit: scan: 172.16.0.8 probed "), r.out);
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(1994, s.at("/flows/total").asLong());
        assertTrue(s.at("/flows/scan_flows_summarized").asLong() > 1900);
        assertTrue(s.at("/flows/rows_written").asLong() < 10, "the few answered flows stay listed");
    }
}
