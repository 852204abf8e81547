package dev.ucaudit.diff;

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
}
