package dev.ucaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.audit.ContentSeen;
import dev.ucaudit.audit.FlowRecord;
import dev.ucaudit.audit.RolesFrom;
import dev.ucaudit.audit.Verdict;
import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.inventory.IpAddress;
import dev.ucaudit.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What report.html says, read as text (the browser test looks at it; this one runs without a browser too). */
class ReportPagesContentTest {
    @TempDir
    Path dir;

    @Test
    void labReportExplainsAndFolds() throws Exception {
        Path out = dir.resolve("lab");
        Cli r = Cli.run("audit", "--inventory", "captures/lab-site-inventory.csv", "--out", out.toString(), "captures/lab-site.pcap");
        assertEquals(1, r.exit(), r.err());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<title>ucaudit: captures/lab-site.pcap, 2026-11-02T09:00:00.000Z — 2026-11-02T09:00:01.191Z</title>"),
                html.substring(0, 400));
        assertTrue(html.indexOf("id=\"findings\"") < html.indexOf("Traffic per verdict"), "findings come first");
        // The stranger's pair says which service is undocumented and why.
        String stranger = html.substring(html.indexOf("<tr><td><span class=\"badge nc\">✗ non-compliant</span></td><td><code class=\"addr nw\">10.10.1.10"));
        stranger = stranger.substring(0, stranger.indexOf("</tr>"));
        assertTrue(stranger.contains("10.99.0.66") && stranger.contains("✗ 22/tcp</b>: 22/tcp is documented only from"), stranger);
        // Unused openings folded, one row per rule, under a warning about the short window.
        assertTrue(html.contains("<p id=\"unused-warning\" class=\"warn\">⚠ 1.2 s of traffic: an opening unused here may be used "
                + "daily; use --state over days before closing anything.</p>"));
        assertTrue(html.contains("<details id=\"unused\"><summary>130 catalog rows with 355 openings"));
        assertTrue(html.contains("<td class=\"n\" data-v=\"10974\" title=\"10,974 bytes\">11 KiB</td>"));
        // The pair chart: non-compliant pairs first, by inventory name, marked in text as well as colour.
        String chart = html.substring(html.indexOf("id=\"pair-chart\""), html.indexOf("</svg>", html.indexOf("id=\"pair-chart\"")));
        assertTrue(chart.indexOf("✗ cucm-pub ↔ 10.99.0.66") < chart.indexOf("✓ "), chart);
    }

    @Test
    void flowsThatBreakTheCatalogAlikeMakeOneGroup() {
        List<FlowRecord> flows = new ArrayList<>();
        for (int port = 1; port <= 300; port++) {
            flows.add(flow("10.99.0.66", "10.10.0." + (port % 2 == 0 ? "1" : "10"), port, "no catalog row for " + port
                    + "/tcp; 10.10.0." + (port % 2 == 0 ? "1" : "10") + " is not in the inventory"));
        }
        flows.add(flow("10.99.0.66", "10.10.0.1", 3389, "3389/tcp is documented only from cucm → ime (T7-06); this flow is x → y"));
        List<FindingGroups.Group> groups = FindingGroups.of(flows).largestFirst();
        assertEquals(2, groups.size(), "port and hosts do not split a group; another reason does");
        assertEquals(300, groups.get(0).flows());
        assertEquals("tcp 1-300", groups.get(0).service(), "300 ports in a row: a range, every port of it seen");
        assertEquals(3, groups.get(0).examples().size());
        assertEquals("3389/tcp", groups.get(1).service());
        assertEquals("no catalog row for */tcp; {responder} is not in the inventory", FindingGroups.shape(flows.get(1)));
        assertEquals("no catalog row for */tcp; {responder} is not in the inventory", FindingGroups.shape(flows.get(0)));
    }

    @Test
    void groupsAreBounded() {
        List<FlowRecord> flows = new ArrayList<>();
        for (int i = 0; i < FindingGroups.MAX_GROUPS + 100; i++) {
            flows.add(flow("10.99.0.66", "10.10.0.1", 80, "reason number " + i));
        }
        FindingGroups g = FindingGroups.of(flows);
        assertEquals(FindingGroups.MAX_GROUPS, g.size());
        assertEquals(100, g.other()[0], "flows of shapes beyond the bound are still counted");
    }

    @Test
    void bytesInUnits() {
        assertEquals("1023 B", HtmlPage.bytes(1023));
        assertEquals("1.5 KiB", HtmlPage.bytes(1536));
        assertEquals("11 KiB", HtmlPage.bytes(10_974));
        assertEquals("2.0 GiB", HtmlPage.bytes(2L << 30));
        assertEquals("1.2 s", HtmlReport.span(1_191_250_000L));
        assertEquals("3.0 days", HtmlReport.span(3 * 86_400_000_000_000L));
    }

    private static FlowRecord flow(String initiator, String responder, int port, String reason) {
        return new FlowRecord(0, 0, IpAddress.parse(initiator), 61000, IpAddress.parse(responder), port, IpProtocol.TCP, 1, 54, "unknown", "unknown",
                Verdict.UNDOCUMENTED, "", reason, "syn", "", "", 1, 0, 54, 0, 0x02, 0, 0, "", ContentSeen.NOT_BY_PORT, RolesFrom.NONE);
    }
}
