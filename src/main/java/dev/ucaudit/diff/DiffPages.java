package dev.ucaudit.diff;

import dev.ucaudit.text.Printable;
import java.util.EnumSet;
import java.util.Set;
import dev.ucaudit.report.AtomicFile;
import dev.ucaudit.report.HtmlPage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The diff's text summary (stdout) and its self-contained HTML page (diff.html). */
public final class DiffPages {
    private static final int LISTED_PER_KIND = 10;
    private static final int HTML_ROWS_PER_KIND = 1000;

    /** What was compared and what the verdict was. {@code baseline} is empty for a policy-only check. */
    public record Context(String baseline, long baselineFlows, String current, long currentFlows, String policy,
                          List<String> failOn, List<String> failedOn, int exitStatus, String unusedNote) {
    }

    private DiffPages() {
    }

    /** Changes that are findings whatever --fail-on says. */
    private static final Set<Change> BAD = EnumSet.of(Change.NEW_UNDOCUMENTED, Change.NEW_SCAN,
            Change.VERDICT_CHANGE, Change.NEW_ESCAPED, Change.ESCAPED, Change.LONG_UNUSED);

    /** Changes that need no action, folded under the findings in diff.html. */
    private static final Set<Change> FOLDED = EnumSet.of(Change.NEW_DOCUMENTED, Change.VERDICT_FIXED, Change.GONE,
            Change.SCAN_GONE, Change.NEWLY_USED);

    private static long findings(ReportDiff.Result r) {
        return BAD.stream().mapToLong(r::count).sum();
    }

    public static String text(ReportDiff.Result r, Context c) {
        StringBuilder s = new StringBuilder();
        if (!c.baseline().isEmpty()) {
            s.append(String.format(Locale.ROOT, "ucaudit diff: %s (%d flows) → %s (%d flows)%n", Printable.escape(c.baseline()),
                    c.baselineFlows(), Printable.escape(c.current()), c.currentFlows()));
            s.append(String.format(Locale.ROOT, "  flows: %d new undocumented, %d new documented, %d gone, "
                    + "%d verdict changes (worse), %d verdicts fixed%n", r.count(Change.NEW_UNDOCUMENTED),
                    r.count(Change.NEW_DOCUMENTED), r.count(Change.GONE), r.count(Change.VERDICT_CHANGE),
                    r.count(Change.VERDICT_FIXED)));
            s.append(String.format(Locale.ROOT, "  openings: %d newly unused, %d newly used, %d long unused%s%n",
                    r.count(Change.NEWLY_UNUSED), r.count(Change.NEWLY_USED), r.count(Change.LONG_UNUSED), c.unusedNote()));
        } else {
            s.append(String.format(Locale.ROOT, "ucaudit diff: %s (%d flows) against %s%n", Printable.escape(c.current()), c.currentFlows(),
                    Printable.escape(c.policy())));
        }
        if (!c.policy().isEmpty()) {
            s.append(String.format(Locale.ROOT, "  policy %s: %d flow signatures escaped it, %d allowed rules unused%n",
                    Printable.escape(c.policy()), r.count(Change.ESCAPED) + r.count(Change.NEW_ESCAPED), r.count(Change.UNUSED_ALLOWED)));
        } else {
            s.append("  policy: not checked (no --allowed): escaped flows unknown\n");
        }
        if (r.count(Change.NEW_SCAN) + r.count(Change.SCAN_GONE) > 0) {
            s.append(String.format(Locale.ROOT, "  scans: %d new or widened, %d gone%n", r.count(Change.NEW_SCAN),
                    r.count(Change.SCAN_GONE)));
        }
        for (Change kind : new Change[] {Change.NEW_UNDOCUMENTED, Change.NEW_SCAN, Change.VERDICT_CHANGE, Change.NEW_ESCAPED, Change.ESCAPED,
            Change.NEW_DOCUMENTED, Change.GONE, Change.SCAN_GONE, Change.NEWLY_UNUSED, Change.LONG_UNUSED}) {
            int shown = 0;
            for (DiffRow row : r.rows()) {
                if (row.change() != kind) {
                    continue;
                }
                if (shown++ == LISTED_PER_KIND) {
                    s.append(String.format(Locale.ROOT, "  %-16s ... %d more in diff.csv%n", kind.label(),
                            r.count(kind) - LISTED_PER_KIND));
                    break;
                }
                s.append(String.format(Locale.ROOT, "  %-16s %s%s: %s%n", kind.label(), Printable.escape(row.describe()),
                        row.rule().isEmpty() ? "" : " [" + Printable.escape(row.rule()) + "]", Printable.escape(oneLine(row.reason()))));
            }
        }
        long findings = findings(r);
        s.append(c.exitStatus() == 0 && findings > 0
                ? String.format(Locale.ROOT, "ucaudit diff: exit 0 only because of --fail-on %s: %d findings listed above%n",
                        String.join(",", c.failOn()), findings)
                : c.exitStatus() == 0
                ? String.format(Locale.ROOT, "ucaudit diff: nothing that matters changed (fail-on: %s)%n", String.join(",", c.failOn()))
                : String.format(Locale.ROOT, "ucaudit diff: exit %d: %s (fail-on: %s)%n", c.exitStatus(),
                        String.join(", ", c.failedOn()), String.join(",", c.failOn())));
        return s.toString();
    }

    private static String oneLine(String s) {
        String t = s.replaceAll("\\s+", " ").trim();
        return t.length() > 140 ? t.substring(0, 137) + "..." : t;
    }

    public static void writeHtml(Path file, ReportDiff.Result r, Context c) throws IOException {
        String html = html(r, c);
        AtomicFile.write(file, w -> w.write(html));
    }

    static String html(ReportDiff.Result r, Context c) {
        StringBuilder h = new StringBuilder(32 * 1024);
        String title = c.baseline().isEmpty() ? "ucaudit diff: " + c.current() + " against " + c.policy()
                : "ucaudit diff: " + c.baseline() + " → " + c.current();
        h.append(HtmlPage.head(title, ".status{padding:10px 14px;border-radius:6px;margin:12px 0;font-weight:600}\n"
                + ".fail{background:#ffebe9;border:1px solid #ff8182}.pass{background:#dafbe1;border:1px solid #4ac26b}\n"
                + ".card.bad b{color:#cf222e}.card.unchecked b{color:#57606a;font-size:15px}\n"))
         .append("<h1>ucaudit diff</h1>\n<p class=\"muted\">");
        if (!c.baseline().isEmpty()) {
            h.append("Baseline <code>").append(esc(c.baseline())).append("</code> (").append(c.baselineFlows())
             .append(" flows) → current <code>").append(esc(c.current())).append("</code> (").append(c.currentFlows()).append(" flows)");
        } else {
            h.append("Report <code>").append(esc(c.current())).append("</code> (").append(c.currentFlows()).append(" flows)");
        }
        if (!c.policy().isEmpty()) {
            h.append(" · allowed-flows policy <code>").append(esc(c.policy())).append("</code>");
        }
        long findings = findings(r);
        h.append("</p>\n<div class=\"status ").append(c.exitStatus() == 0 && findings > 0
                ? "fail\">✗ Exit 0 only because of --fail-on; " + findings + " findings below"
                : c.exitStatus() == 0 ? "pass\">✓ Nothing that matters changed"
                : "fail\">✗ Exit " + c.exitStatus() + ": " + esc(String.join(", ", c.failedOn())))
         .append(" <span class=\"muted\">(fail-on: ").append(esc(String.join(",", c.failOn()))).append(")</span></div>\n<div class=\"cards\">\n");
        for (Change kind : Change.values()) {
            boolean bad = BAD.contains(kind);
            String why = notChecked(kind, c);
            long n = r.count(kind);
            if (!why.isEmpty()) {
                h.append("<div class=\"card unchecked\" title=\"").append(esc(why)).append("\"><b>not checked</b>")
                 .append(esc(kind.label())).append(" <span class=\"muted\">(").append(esc(why)).append(")</span></div>\n");
                continue;
            }
            h.append("<div class=\"card").append(n > 0 && bad ? " bad" : "").append("\"><b>").append(n > 0 && bad ? "⚠ " : "")
             .append(n).append("</b>").append(esc(kind.label())).append("</div>\n");
        }
        h.append("</div>\n");
        if (!c.unusedNote().isEmpty()) {
            h.append("<p class=\"muted\">").append(esc(c.unusedNote().trim())).append("</p>\n");
        }
        for (Change kind : Change.values()) {
            if (!FOLDED.contains(kind)) {
                section(h, r, kind);
            }
        }
        long folded = FOLDED.stream().mapToLong(r::count).sum();
        if (folded > 0) {
            // as report.html folds the documented flows under its findings
            h.append("<details id=\"documented-changes\"><summary>").append(folded)
             .append(" documented or resolved changes: new documented flows, verdicts fixed, flows and scans gone, openings used again</summary>\n");
            for (Change kind : FOLDED) {
                section(h, r, kind);
            }
            h.append("</details>\n");
        }
        h.append("<p class=\"muted\">Flows are compared by initiator host and role, responder host, protocol and responder "
                + "port; the initiator's port is ignored and responder ports in 16384-32767 (media) or 32768-61000 "
                + "(ephemeral) count as one.</p>\n").append(HtmlPage.SCRIPT).append("</body></html>\n");
        return h.toString();
    }

    /** One kind's section: flow changes grouped by cause ({@link DiffGroups}), openings one row per rule. */
    private static void section(StringBuilder h, ReportDiff.Result r, Change kind) {
        if (r.count(kind) == 0) {
            return;
        }
        boolean opening = isOpening(kind);
        h.append("<section id=\"").append(kind.label()).append("\"><h2>").append(esc(kind.label())).append(" (").append(r.count(kind)).append(")</h2>\n")
         .append("<p class=\"muted\">").append(esc(meaning(kind)))
         .append(opening ? "" : " One row per cause (same roles, protocol, verdicts, rule and reason, whatever the port or hosts); diff.csv lists each flow.")
         .append("</p>\n<table class=\"sortable\"><thead><tr>")
         .append(opening ? openingHeader(kind) : "<th>changes</th><th>initiator → responder</th><th>service</th><th>verdict</th>"
                 + "<th>flows</th><th>packets</th><th>bytes</th><th>rule</th><th>reason</th>")
         .append("</tr></thead><tbody>\n");
        int shown = 0;
        if (opening) {
            for (DiffRow row : r.rows()) {
                if (row.change() == kind && shown++ < HTML_ROWS_PER_KIND) {
                    h.append("<tr>").append(openingCells(row)).append("</tr>\n");
                }
            }
        } else {
            for (DiffGroups.Group g : DiffGroups.of(r.rows(), kind)) {
                if (shown++ < HTML_ROWS_PER_KIND) {
                    h.append("<tr>").append(groupCells(g)).append("</tr>\n");
                }
            }
        }
        h.append("</tbody></table>\n");
        if (shown > HTML_ROWS_PER_KIND) {
            h.append("<p class=\"muted\">First ").append(HTML_ROWS_PER_KIND).append(" shown; all are in diff.csv.</p>\n");
        }
        h.append("</section>\n");
    }

    /** Why a kind of change was not looked for in this run, or empty when it was. */
    static String notChecked(Change kind, Context c) {
        if ((kind == Change.ESCAPED || kind == Change.NEW_ESCAPED || kind == Change.UNUSED_ALLOWED) && c.policy().isEmpty()) {
            return "no --allowed given";
        }
        if (kind == Change.LONG_UNUSED && !c.unusedNote().isEmpty()) {
            return "no state file";
        }
        if (c.baseline().isEmpty() && kind != Change.ESCAPED && kind != Change.UNUSED_ALLOWED && kind != Change.LONG_UNUSED) {
            return "no baseline";
        }
        return "";
    }

    private static boolean isOpening(Change kind) {
        return kind == Change.NEWLY_UNUSED || kind == Change.NEWLY_USED || kind == Change.LONG_UNUSED
                || kind == Change.UNUSED_ALLOWED;
    }

    private static String meaning(Change kind) {
        return switch (kind) {
            case NEW_UNDOCUMENTED -> "Flows only the current report has, that the catalog does not document.";
            case NEW_DOCUMENTED -> "Flows only the current report has, every one documented by the catalog.";
            case VERDICT_CHANGE -> "Flows whose verdict got worse since the baseline.";
            case VERDICT_FIXED -> "Flows whose verdict got better since the baseline.";
            case GONE -> "Flows the baseline had and the current report does not.";
            case NEW_SCAN -> "Scans (one initiator probing many ports or hosts) only the current report has, or that reached new ports.";
            case SCAN_GONE -> "Scans the baseline had and the current report does not.";
            case ESCAPED -> "Flows of the current report that the allowed-flows policy does not allow (the baseline's did not either).";
            case NEW_ESCAPED -> "Flows the allowed-flows policy does not allow that the baseline had not (allowed, or not seen).";
            case NEWLY_UNUSED -> "Catalog openings no flow used now, that the baseline saw used: candidates to close.";
            case NEWLY_USED -> "Catalog openings the baseline listed as unused that flows use now.";
            case LONG_UNUSED -> "Catalog openings unused for at least --unused-days days, per the state file.";
            case UNUSED_ALLOWED -> "Rules of the allowed-flows policy that no flow of the current report used.";
        };
    }

    private static String openingHeader(Change kind) {
        return kind == Change.UNUSED_ALLOWED
                ? "<th>policy rule</th><th>service</th><th>from</th><th>to</th><th>comment</th>"
                : "<th>rule</th><th>service</th><th>from</th><th>to</th><th>what the opening is for</th>"
                        + (kind == Change.NEWLY_USED ? "" : "<th>unused days</th>");
    }

    private static String openingCells(DiffRow row) {
        StringBuilder t = new StringBuilder();
        t.append("<td class=\"t\"><code>").append(esc(row.rule())).append("</code></td><td class=\"t\">").append(esc(service(row)))
         .append("</td><td>").append(esc(row.initiatorRole())).append("</td><td><code class=\"nw\">").append(esc(row.responder()))
         .append("</code>").append(row.responderRole().isEmpty() ? "" : " <span class=\"muted\">" + esc(row.responderRole()) + "</span>")
         .append("</td><td class=\"r\">").append(esc(row.reason())).append("</td>");
        if (row.change() == Change.NEWLY_UNUSED || row.change() == Change.LONG_UNUSED) {
            t.append("<td class=\"n\">").append(row.unusedForDays() < 0 ? "" : row.unusedForDays()).append("</td>");
        }
        return t.toString();
    }

    /** A cause's row: its roles with the first few flows' hosts under them, then the service, verdicts, totals and reason. */
    private static String groupCells(DiffGroups.Group g) {
        DiffRow row = g.first();
        StringBuilder t = new StringBuilder();
        t.append("<td class=\"n\" data-v=\"").append(g.rows().size()).append("\"><b>").append(g.rows().size()).append("</b></td><td>")
         .append(esc(row.initiatorRole())).append(" → ").append(esc(row.responderRole()));
        for (DiffRow e : g.rows().subList(0, Math.min(DiffGroups.EXAMPLES, g.rows().size()))) {
            t.append("<div class=\"muted\">").append(esc(e.initiator())).append(e.initiator().isEmpty() ? "" : " → ")
             .append(esc(e.responder())).append(g.rows().size() > 1 ? " " + esc(e.port()) : "").append("</div>");
        }
        if (g.rows().size() > DiffGroups.EXAMPLES) {
            t.append("<div class=\"muted\">").append(g.rows().size() - DiffGroups.EXAMPLES).append(" more in diff.csv</div>");
        }
        return t.append("</td><td class=\"t\">").append(esc(g.service())).append("</td><td>")
         .append(esc(arrow(row.verdictBefore(), row.verdictAfter())))
         .append("</td><td class=\"n\">").append(esc(arrow(g.sum(DiffRow::flowsBefore), g.sum(DiffRow::flowsAfter))))
         .append("</td><td class=\"n\">").append(esc(arrow(g.sum(DiffRow::packetsBefore), g.sum(DiffRow::packetsAfter))))
         .append("</td><td class=\"n\" title=\"").append(esc(arrow(g.sum(DiffRow::bytesBefore), g.sum(DiffRow::bytesAfter))))
         .append(" bytes\">").append(esc(bytesArrow(g.sum(DiffRow::bytesBefore), g.sum(DiffRow::bytesAfter))))
         .append("</td><td class=\"t\"><code>").append(esc(row.rule())).append("</code></td><td class=\"r\">").append(esc(row.reason()))
         .append(g.rows().size() > 1 ? " <span class=\"muted\">(first flow's)</span>" : "").append("</td>").toString();
    }

    private static String service(DiffRow row) {
        return row.port().isEmpty() ? row.protocol() : row.port() + "/" + row.protocol();
    }

    private static String bytesArrow(long before, long after) {
        if (before < 0 && after < 0) {
            return "";
        }
        if (before < 0 || after < 0) {
            return HtmlPage.bytes(Math.max(before, after));
        }
        return HtmlPage.bytes(before) + " → " + HtmlPage.bytes(after);
    }

    private static String arrow(String before, String after) {
        if (before.isEmpty() || after.isEmpty() || before.equals(after)) {
            return before.isEmpty() ? after : after.isEmpty() ? before : after;
        }
        return before + " → " + after;
    }

    private static String arrow(long before, long after) {
        if (before < 0 && after < 0) {
            return "";
        }
        if (before < 0) {
            return Long.toString(after);
        }
        if (after < 0) {
            return Long.toString(before);
        }
        return before + " → " + after;
    }

    static String esc(String s) {
        return HtmlPage.esc(s);
    }
}
