package dev.ucaudit.cli;

import dev.ucaudit.synth.Messages;
import dev.ucaudit.testing.Cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ucaudit.capture.PcapWriter;
import dev.ucaudit.synth.Host;
import dev.ucaudit.synth.TcpSession;
import dev.ucaudit.synth.Wire;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20 §5: without an inventory, a flow whose port matches a row that needs roles is port-only, not
 * documented: HTTPS to the Internet is not "COP file installation", HTTP from a PC is not "CUCM → phone web".
 * Counted apart in every report file and on the terminal, chosen by --fail-on port-only, never green.
 */
class PortOnlyTest {
    @TempDir
    Path dir;

    private Path capture() throws Exception {
        Path pcap = dir.resolve("no-inventory.pcap");
        Host pc = Host.of("pc", "192.168.1.20", 1, -1);
        Host web = Host.of("web", "203.0.113.80", 2, -1);
        Host printer = Host.of("printer", "192.168.1.30", 3, -1);
        try (Wire w = new Wire(PcapWriter.create(pcap, 1, false), 1_700_000_000_000_000_000L)) {
            new TcpSession(w, pc, 50000, web, 443, 10).open().fromClient(Messages.tlsHello(true, 200)).close();
            new TcpSession(w, pc, 50001, printer, 80, 20).open().fromClient("GET / HTTP/1.1\r\n\r\n").close();
            new TcpSession(w, pc, 50002, printer, 9, 30).open().close(); // no row at all: undocumented
        }
        return pcap;
    }

    private static List<CSVRecord> csv(Path file) throws Exception {
        try (Reader r = Files.newBufferedReader(file)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    @Test
    void portMatchesWithoutRolesArePortOnlyEverywhere() throws Exception {
        Path pcap = capture();
        Path out = dir.resolve("r");
        Cli r = Cli.run("audit", "--out", out.toString(), pcap.toString());
        List<CSVRecord> flows = csv(out.resolve("flows.csv"));
        CSVRecord https = flows.stream().filter(f -> f.get("responder_port").equals("443")).findFirst().orElseThrow();
        assertEquals("port-only", https.get("verdict"), https.toString());
        assertTrue(https.get("reason").startsWith("443/tcp matches "), https.get("reason"));
        assertTrue(https.get("reason").contains("port-only: no inventory given, so nothing shows that the hosts are the"),
                https.get("reason"));
        CSVRecord http = flows.stream().filter(f -> f.get("responder_port").equals("80")).findFirst().orElseThrow();
        assertEquals("port-only", http.get("verdict"), http.toString());
        CSVRecord discard = flows.stream().filter(f -> f.get("responder_port").equals("9")).findFirst().orElseThrow();
        assertEquals("undocumented", discard.get("verdict"));

        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(0, s.at("/verdicts/documented").asLong(), s.get("verdicts").toString());
        assertEquals(2, s.at("/verdicts/port-only").asLong(), s.get("verdicts").toString());
        assertEquals(1, s.at("/verdicts/undocumented").asLong());
        assertEquals(2, s.at("/flows/port_only").asLong());

        List<CSVRecord> pairs = csv(out.resolve("conversations.csv"));
        CSVRecord toWeb = pairs.stream().filter(c -> c.get("host_b").equals("203.0.113.80")).findFirst().orElseThrow();
        assertEquals("1", toWeb.get("port_only"));
        assertEquals("0", toWeb.get("documented"));
        assertEquals("non-compliant", toWeb.get("status"), "a port-only pair is never compliant");

        assertTrue(r.out.contains("0 documented, 1 undocumented, 2 port-only"), r.out);
        assertEquals(1, r.status, "the undocumented flow: " + r);

        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("id=\"port-only\""), "a section of its own");
        assertTrue(html.contains("Port-only flows: roles unknown (2)"), "counted apart");
        assertFalse(html.contains("✓ Every flow is documented"), "never shown in green");
        assertTrue(html.contains("badge po"), "port-only pairs carry their own badge");
    }

    @Test
    void failOnChoosesPortOnly() throws Exception {
        Path pcap = capture();
        Path filtered = dir.resolve("p");
        // without the undocumented flow: only port-only flows are left
        Cli quiet = Cli.run("audit", "--filter", "not port 9", "--out", filtered.toString(), pcap.toString());
        assertEquals(0, quiet.status, "port-only is not undocumented: " + quiet);
        String html = Files.readString(filtered.resolve("report.html"));
        assertFalse(html.contains("✓ Every flow is documented"), html);
        assertTrue(html.contains("No flow is known to be undocumented, but 2 flows are port-only"), "said in amber, not green");
        Cli strict = Cli.run("audit", "--fail-on", "port-only", "--filter", "not port 9", "--out", dir.resolve("q").toString(),
                pcap.toString());
        assertEquals(1, strict.status, strict.toString());
    }

    @Test
    void theLabSiteWithItsInventoryKeepsItsFourUndocumentedFlows() throws Exception {
        Path out = dir.resolve("lab");
        Cli r = Cli.run("audit", "--inventory", "captures/lab-site-inventory.csv", "--out", out.toString(),
                "captures/lab-site.pcap");
        assertEquals(1, r.status, r.toString());
        assertTrue(r.out.contains(" documented, 4 undocumented, 0 port-only"), r.out);
    }
}
