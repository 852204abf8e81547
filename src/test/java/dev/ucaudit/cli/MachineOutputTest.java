package dev.ucaudit.cli;

import dev.ucaudit.testing.Cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ucaudit.capture.PcapWriter;
import dev.ucaudit.report.CsvReports;
import dev.ucaudit.synth.Frames;
import dev.ucaudit.synth.Host;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --format jsonl for pipelines, the grouped findings after the summary (--top), and -q. */
class MachineOutputTest {
    static final String LAB = "captures/lab-site.pcap";
    static final String INVENTORY = "captures/lab-site-inventory.csv";

    @TempDir
    Path dir;

    @Test
    void jsonlWritesOneTypedObjectPerFlowAndTheSummaryOnStderr() throws IOException {
        Cli r = Cli.run("audit", "--format", "jsonl", "--inventory", INVENTORY, "--out", dir.resolve("r").toString(), LAB);
        assertEquals(1, r.status, r.toString());
        List<CSVRecord> csv;
        try (Reader in = Files.newBufferedReader(dir.resolve("r/flows.csv"))) {
            csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
        List<String> lines = r.out.lines().toList();
        assertEquals(csv.size(), lines.size(), r.toString());
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode flow = json.readTree(lines.get(i));
            assertEquals(List.of(CsvReports.FLOW_COLUMNS), fieldNames(flow));
            for (String column : CsvReports.FLOW_COLUMNS) {
                JsonNode v = flow.get(column);
                assertEquals(csv.get(i).get(column), v.isNull() ? "" : v.asText(), column + " of line " + (i + 1));
            }
            assertTrue(flow.get("packets").isIntegralNumber() && flow.get("bytes").isIntegralNumber()
                    && flow.get("fragments").isIntegralNumber(), lines.get(i));
            assertTrue(flow.get("responder_port").isIntegralNumber() || flow.get("responder_port").isNull(), lines.get(i));
            assertTrue(flow.get("first_seen").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"), lines.get(i));
        }
        assertTrue(r.err.startsWith("ucaudit: 246 packets, 23 flows"), r.toString());
        assertTrue(r.err.contains("ucaudit: report written to"), r.toString());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void findingsAreGroupedLargestFirstAndCutAtTop() throws IOException {
        Path pcap = dir.resolve("telnet.pcap");
        Host admin = Host.of("admin", "10.50.0.100", 0x5064, -1);
        Host gateway = Host.of("gw", "10.30.0.1", 0x1e01, -1);
        Host phone = Host.of("phone", "10.20.0.21", 0x1421, -1);
        try (PcapWriter w = PcapWriter.create(pcap, 1, false)) {
            long t = 1_793_610_000L * 1_000_000_000L;
            for (int i = 0; i < 5; i++) { // five telnet attempts admin → gateway
                w.writePacket(t += 1_000_000, syn(admin, gateway, 40000 + i, 23));
            }
            for (int i = 0; i < 2; i++) { // two to port 3306 of the gateway from a phone
                w.writePacket(t += 1_000_000, syn(phone, gateway, 41000 + i, 3306));
            }
            w.writePacket(t += 1_000_000, syn(phone, admin, 42000, 8443));
        }
        Path inventory = dir.resolve("inv.csv");
        Files.writeString(inventory, "address,role,name\n10.50.0.100,admin,ws1\n10.30.0.1,gateway,gw1\n10.20.0.21,phone,SEP1\n");
        Cli all = Cli.run("audit", "--inventory", inventory.toString(), "--out", dir.resolve("r").toString(), pcap.toString());
        assertEquals(1, all.status, all.toString());
        List<String> out = all.out.lines().toList();
        int head = out.indexOf("ucaudit: undocumented flows in 3 groups:");
        assertTrue(head > 0, all.toString());
        assertEquals("  admin → gateway 23/tcp: 5 flows, 5 packets, e.g. 10.50.0.100 → 10.30.0.1: no catalog row for 23/tcp",
                out.get(head + 1), all.toString());
        assertTrue(out.get(head + 2).startsWith("  phone → gateway 3306/tcp: 2 flows, 2 packets, e.g. 10.20.0.21 → 10.30.0.1: "), all.toString());
        assertTrue(out.get(head + 3).startsWith("  phone → admin 8443/tcp: 1 flow, 1 packets, e.g. 10.20.0.21 → 10.50.0.100: "), all.toString());
        assertTrue(out.get(head + 4).startsWith("ucaudit: report written to"), all.toString());

        Cli top = Cli.run("audit", "--top", "1", "--inventory", inventory.toString(), "--out", dir.resolve("r").toString(), pcap.toString());
        assertTrue(top.out.contains("ucaudit: undocumented flows in 3 groups, the 1 largest (--top):\n  admin → gateway 23/tcp: 5 flows"), top.toString());
        assertTrue(top.out.contains("\n  ... 2 more groups (3 flows): see flows.csv or report.html\n"), top.toString());

        Cli none = Cli.run("audit", "--top", "0", "--inventory", inventory.toString(), "--out", dir.resolve("r").toString(), pcap.toString());
        assertFalse(none.out.contains("undocumented flows in"), none.toString());
    }

    private static byte[] syn(Host from, Host to, int sport, int dport) {
        return Frames.ethernet(to.mac(), from.mac(), -1, Frames.ETH_IPV4,
                Frames.ipv4(from.address(), to.address(), 6, sport, 0x4000, Frames.tcp(sport, dport, 1, 0, 0x02, new byte[0])));
    }

    @Test
    void quietPrintsNothingButStillWritesTheReportAndTheStatus() {
        Cli q = Cli.run("audit", "-q", "--inventory", INVENTORY, "--out", dir.resolve("q").toString(), LAB);
        assertEquals(1, q.status, q.toString());
        assertEquals("", q.out);
        assertEquals("", q.err);
        assertTrue(Files.exists(dir.resolve("q/report.html")));
        Cli bad = Cli.run("audit", "--quiet", "--out", dir.resolve("q2").toString(), dir.resolve("missing.pcap").toString());
        assertEquals(2, bad.status, bad.toString());
        assertTrue(bad.err.contains("ucaudit: " + dir.resolve("missing.pcap") + " does not exist"), "errors still shown: " + bad);
    }
}
