package dev.ucaudit.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** diff.html read as text: unchecked kinds say so, opening rows say what they are about, counts do not wrap. */
class DiffPagesHtmlTest {
    private static final DiffRow NEW_FLOW = new DiffRow(Change.NEW_UNDOCUMENTED, "10.50.0.100", "admin", "10.10.1.10",
            "cucm-publisher", "tcp", "3389", "", "undocumented", 0, 340, 0, 2720, 0, 151_000, "", "no catalog row", -1);
    private static final DiffRow OPENING = new DiffRow(Change.NEWLY_UNUSED, "", "cucm", "10.40.0.5", "ldap", "tcp",
            "389,636", "", "", -1, -1, -1, -1, -1, -1, "T3-01", "LDAP queries to an external directory", 4);

    @Test
    void withoutAllowedEscapedIsNotCheckedAndOpeningsSayWhatTheyAre() {
        ReportDiff.Result r = ReportDiff.Result.of(List.of(NEW_FLOW, OPENING));
        String html = DiffPages.html(r, new DiffPages.Context("old", 10, "new", 11, "", List.of("new-undocumented"),
                List.of("new-undocumented"), 1, ""));
        assertTrue(html.contains("<b>not checked</b>escaped <span class=\"muted\">(no --allowed given)</span>"), html);
        assertFalse(html.contains("<b>0</b>escaped"), html);
        assertTrue(html.contains("<td class=\"n\">0 → 340</td>"), "counts in a no-wrap cell");
        assertTrue(html.contains("<td class=\"t\"><code>T3-01</code></td><td class=\"t\">389,636/tcp</td><td>cucm</td>"
                + "<td><code class=\"nw\">10.40.0.5</code> <span class=\"muted\">ldap</span></td>"
                + "<td class=\"r\">LDAP queries to an external directory</td><td class=\"n\">4</td>"), html);
        assertTrue(html.contains("<title>ucaudit diff: old → new</title>"));
    }

    @Test
    void withAllowedEscapedIsCounted() {
        ReportDiff.Result r = ReportDiff.Result.of(List.of(NEW_FLOW));
        String html = DiffPages.html(r, new DiffPages.Context("old", 10, "new", 11, "allowed.csv", List.of("escaped"),
                List.of(), 0, ""));
        assertTrue(html.contains("<b>0</b>escaped"), html);
        assertFalse(html.contains("not checked</b>escaped"), html);
    }

    private static DiffRow newFlow(String initiator, String responder, String port) {
        return new DiffRow(Change.NEW_UNDOCUMENTED, initiator, "phone", responder, "cucm", "tcp", port, "", "undocumented",
                0, 2, 0, 10, 0, 1000, "", "no catalog row for " + port + "/tcp from " + initiator, -1);
    }

    @Test
    void flowChangesAreGroupedByCauseAndDocumentedChangesFoldedUnderTheFindings() {
        DiffRow documented = new DiffRow(Change.NEW_DOCUMENTED, "10.1.0.9", "phone", "10.10.1.10", "cucm", "udp", "5060", "",
                "documented", 0, 1, 0, 2, 0, 900, "C-SIP", "SIP registration", -1);
        ReportDiff.Result r = ReportDiff.Result.of(List.of(newFlow("10.1.0.5", "10.10.1.10", "110"), newFlow("10.1.0.6", "10.10.1.11", "23"),
                newFlow("10.1.0.7", "10.10.1.10", "23"), newFlow("10.1.0.8", "10.10.1.12", "23"), NEW_FLOW, documented));
        String html = DiffPages.html(r, new DiffPages.Context("old", 10, "new", 11, "", List.of("new-undocumented"),
                List.of("new-undocumented"), 1, ""));
        String findings = html.substring(html.indexOf("<section id=\"new-undocumented\">"), html.indexOf("</section>",
                html.indexOf("<section id=\"new-undocumented\">")));
        assertTrue(findings.contains("<td class=\"n\" data-v=\"4\"><b>4</b></td><td>phone → cucm<div class=\"muted\">10.1.0.5 → 10.10.1.10 110</div>"),
                "four flows of one cause, one row, ports as a list: " + findings);
        assertTrue(findings.contains("<td class=\"n\">0 → 8</td>"), findings);
        assertTrue(findings.contains("<div class=\"muted\">1 more in diff.csv</div>"), findings);
        assertTrue(findings.contains("<td class=\"t\">23, 110/tcp</td>"), "the cause's ports as a list: " + findings);
        assertTrue(findings.contains("<td class=\"n\" data-v=\"1\"><b>1</b></td><td>admin → cucm-publisher<div class=\"muted\">10.50.0.100 → 10.10.1.10</div></td><td class=\"t\">3389/tcp</td>"),
                "another cause, another row: " + findings);
        assertEquals(2, findings.split("<tr><td").length - 1, findings);
        int details = html.indexOf("<details id=\"documented-changes\">");
        assertTrue(details > html.indexOf("<section id=\"new-undocumented\">"), "folded after the findings");
        assertTrue(html.indexOf("<section id=\"new-documented\">") > details, "documented changes folded: " + html);
    }
}
