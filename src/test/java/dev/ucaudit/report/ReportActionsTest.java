package dev.ucaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ucaudit.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html says what to do (issue 22 §6), read as text: findings ranked by risk with a suggestion each,
 * the voice summary, copyable addresses, who opened a pair's undocumented flows, ports as lists, and the
 * way to a draft inventory when none was given, followed as a person would. The browser test checks the
 * same on the rendered page.
 */
class ReportActionsTest {
    @TempDir
    static Path dir;
    static String html;
    static JsonNode summary;

    @BeforeAll
    static void audit() throws Exception {
        ActionCapture.write(dir.resolve("actions.pcap"), dir.resolve("inventory.csv"));
        Cli r = Cli.run("audit", "--inventory", dir.resolve("inventory.csv").toString(), "--out", dir.resolve("report").toString(),
                dir.resolve("actions.pcap").toString());
        assertEquals(1, r.exit(), r.toString());
        html = Files.readString(dir.resolve("report/report.html"));
        summary = new ObjectMapper().readTree(dir.resolve("report/summary.json").toFile());
    }

    /** The findings rows: risk, service, suggestion. */
    private static List<String[]> findings() {
        String table = html.substring(html.indexOf("<table id=\"findings-table\""), html.indexOf("</table>", html.indexOf("id=\"findings-table\"")));
        Matcher m = Pattern.compile("<tr data-risk=\"([A-Z_]+)\">.*?<td class=\"n\"[^>]*><b>[0-9,]+</b></td><td>[^<]*</td><td>([^<]*)</td>"
                + ".*?<div class=\"todo\">→ ([^<]*)</div>").matcher(table);
        List<String[]> rows = new ArrayList<>();
        while (m.find()) {
            rows.add(new String[] {m.group(1), m.group(2), m.group(3)});
        }
        return rows;
    }

    @Test
    void findingsAreRankedByRiskEachWithWhatToDo() {
        List<String[]> rows = findings();
        assertEquals(2, rows.size(), html);
        assertEquals("MANAGEMENT", rows.get(0)[0]);
        assertEquals("tcp 23, 110", rows.get(0)[1], "a port list, not a range that claims the ports between");
        assertTrue(rows.get(0)[2].startsWith("Check the firewall rule that lets unknown → cucm-publisher reach telnet (23/tcp)"), rows.get(0)[2]);
        assertTrue(rows.get(0)[2].contains("if 10.99.0.77 is an administration host, add it to the inventory"), rows.get(0)[2]);
        assertEquals("UNKNOWN_TO_CUCM", rows.get(1)[0]);
        assertEquals("4444/tcp", rows.get(1)[1]);
        assertTrue(rows.get(1)[2].startsWith("Add 10.99.0.77 to the inventory with its role if it belongs (ucaudit export REPORT_DIR"),
                rows.get(1)[2]);
    }

    @Test
    void theLabSitesFindingsPutManagementFirstAndPointAtTheCatalogRow() throws Exception {
        Path out = dir.resolve("lab");
        Cli r = Cli.run("audit", "--inventory", "captures/lab-site-inventory.csv", "--out", out.toString(), "captures/lab-site.pcap");
        assertEquals(1, r.exit(), r.err());
        String saved = html;
        try {
            html = Files.readString(out.resolve("report.html"));
            List<String[]> rows = findings();
            assertEquals(List.of("MANAGEMENT", "MANAGEMENT", "MANAGEMENT", "OTHER"), rows.stream().map(x -> x[0]).toList());
            assertEquals(List.of("22/tcp", "23/tcp", "3306/tcp", "2000/tcp"), rows.stream().map(x -> x[1]).toList());
            assertTrue(rows.get(3)[2].startsWith("Review the catalog reading of T6-03 (phone → cucm 2000/tcp)"), rows.get(3)[2]);
            assertTrue(html.contains("<td class=\"n\" id=\"voice-calls\">5</td>"), "SIP INVITEs (two legs), H.225 Setup, SCCP call, MGCP CRCX");
            assertTrue(html.contains("<td class=\"n\" id=\"voice-registrations\">4</td>"));
            assertTrue(html.contains("<td class=\"n\" id=\"voice-media-calls\">4</td>"), "SIP RTP and RTCP, H.245's RTP, SCCP's RTP");
        } finally {
            html = saved;
        }
    }

    @Test
    void voiceSummaryCountsCallsRegistrationsAndMediaBothWays() {
        assertEquals(1, summary.at("/inspection/per_protocol/sip/calls").asLong(), summary.at("/inspection").toString());
        assertEquals(1, summary.at("/inspection/per_protocol/sip/registrations").asLong());
        assertTrue(html.contains("<td class=\"n\" id=\"voice-calls\">1</td>"), html);
        assertTrue(html.contains("<td class=\"n\" id=\"voice-registrations\">1</td>"));
        assertTrue(html.contains("<td class=\"n\" id=\"voice-media-calls\">1</td>"), "the RTP the INVITE's SDP opened");
        assertTrue(html.contains("<td class=\"n unknown\" id=\"voice-media-port\">1</td>"), "the RTP on the media range alone");
    }

    @Test
    void addressesAreTextWithACopyButtonAndThePairSaysWhoOpenedIt() {
        assertTrue(html.contains("<code class=\"addr nw\">10.99.0.77</code><button type=\"button\" class=\"copy\" data-copy=\"10.99.0.77\""), html);
        assertFalse(html.contains("title=\"10.10.1.10\""), "no address only on hover");
        assertTrue(html.contains("document.execCommand('copy')") && html.contains("navigator.clipboard.writeText"), "copies with no server");
        String pair = html.substring(html.indexOf("<tr><td><span class=\"badge nc\">✗ non-compliant</span></td><td><code class=\"addr nw\">10.10.1.10"));
        pair = pair.substring(0, pair.indexOf("</tr>"));
        assertTrue(pair.contains("(opened by 10.99.0.77 → 10.10.1.10)"), pair);
        assertTrue(pair.contains("<td><code>23/tcp, 110/tcp</code></td>"), "services as a list: " + pair);
    }

    @Test
    void stringsFromFilesAndTheWireAreEscaped() throws Exception {
        assertFalse(html.contains(ActionCapture.PUB_NAME), "the inventory name is markup on the page");
        assertTrue(html.contains(HtmlPage.esc(ActionCapture.PUB_NAME)), "the inventory name is shown as text");
        // the call's media names its Call-ID in its reason; the call is documented (by its signalling, and without an
        // inventory by the phone's own REGISTER), so its reason is in flows.csv and never raw on the page
        Path out = dir.resolve("no-inventory");
        Cli r = Cli.run("audit", "--out", out.toString(), dir.resolve("actions.pcap").toString());
        assertEquals(1, r.exit(), r.err());
        String page = Files.readString(out.resolve("report.html"));
        assertTrue(Files.readString(out.resolve("flows.csv")).contains(ActionCapture.CALL_ID), "a flow's reason names the Call-ID");
        assertFalse(page.contains(ActionCapture.CALL_ID), "the Call-ID is markup on the page");
        assertFalse(r.out().contains(ActionCapture.CALL_ID) || r.err().contains(ActionCapture.CALL_ID), "nor raw on the terminal");
        assertEquals(2, page.split("<script>", -1).length - 1, "only the page's own two scripts");
    }

    @Test
    void noInventoryPointsToTheDraftAndTheCommandWritesIt() throws Exception {
        Path out = dir.resolve("lab-no-inventory");
        assertEquals(1, Cli.run("audit", "--out", out.toString(), "captures/lab-site.pcap").exit());
        String page = Files.readString(out.resolve("report.html"));
        Matcher m = Pattern.compile("<p id=\"no-inventory\" class=\"warn\">.*?<code>(ucaudit export [^<]*)</code> writes <code>([^<]*)</code>")
                .matcher(page);
        assertTrue(m.find(), page.substring(0, 3000));
        // as the page says, with this report's folder
        String[] command = m.group(1).replace("REPORT_DIR", out.toString()).replace("DIR", dir.resolve("drafts").toString()).split(" ");
        assertEquals("ucaudit", command[0]);
        Cli export = Cli.run(java.util.Arrays.copyOfRange(command, 1, command.length));
        assertEquals(0, export.exit(), export.toString());
        String draft = Files.readString(dir.resolve("drafts").resolve(m.group(2)));
        assertTrue(draft.contains("10.10.1.11") && draft.contains("cucm"), draft);
    }

    @Test
    void portsAreListedNotRanged() {
        BitSet ports = new BitSet();
        ports.set(23);
        ports.set(110);
        assertEquals("23, 110", PortList.of(ports));
        ports.set(111);
        assertEquals("23, 110, 111", PortList.of(ports), "two ports in a row are still two");
        ports.set(112);
        assertEquals("23, 110-112", PortList.of(ports), "three or more in a row are a range: every port in it was seen");
        BitSet odd = new BitSet();
        for (int p = 1; p < 100; p += 2) {
            odd.set(p);
        }
        assertEquals("1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, … and 38 more (50 ports)", PortList.of(odd));
    }
}
