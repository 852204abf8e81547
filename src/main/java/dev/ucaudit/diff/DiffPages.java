package dev.ucaudit.diff;

import dev.ucaudit.report.AtomicFile;
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
    private static final java.util.Set<Change> BAD = java.util.EnumSet.of(Change.NEW_UNDOCUMENTED, Change.NEW_SCAN,
            Change.VERDICT_CHANGE, Change.ESCAPED, Change.LONG_UNUSED);

    private static long findings(ReportDiff.Result r) {
        return BAD.stream().mapToLong(r::count).sum();
    }

    public static String text(ReportDiff.Result r, Context c) {
        StringBuilder s = new StringBuilder();
        if (!c.baseline().isEmpty()) {
            s.append(String.format(Locale.ROOT, "ucaudit diff: %s (%d flows) → %s (%d flows)%n", c.baseline(),
                    c.baselineFlows(), c.current(), c.currentFlows()));
            s.append(String.format(Locale.ROOT, "  flows: %d new undocumented, %d new documented, %d gone, "
                    + "%d verdict changes (worse), %d verdicts fixed%n", r.count(Change.NEW_UNDOCUMENTED),
                    r.count(Change.NEW_DOCUMENTED), r.count(Change.GONE), r.count(Change.VERDICT_CHANGE),
                    r.count(Change.VERDICT_FIXED)));
            s.append(String.format(Locale.ROOT, "  openings: %d newly unused, %d newly used, %d long unused%s%n",
                    r.count(Change.NEWLY_UNUSED), r.count(Change.NEWLY_USED), r.count(Change.LONG_UNUSED), c.unusedNote()));
        } else {
            s.append(String.format(Locale.ROOT, "ucaudit diff: %s (%d flows) against %s%n", c.current(), c.currentFlows(),
                    c.policy()));
        }
        if (!c.policy().isEmpty()) {
            s.append(String.format(Locale.ROOT, "  policy %s: %d flow signatures escaped it, %d allowed rules unused%n",
                    c.policy(), r.count(Change.ESCAPED), r.count(Change.UNUSED_ALLOWED)));
        } else {
            s.append("  policy: not checked (no --allowed): escaped flows unknown\n");
        }
        if (r.count(Change.NEW_SCAN) + r.count(Change.SCAN_GONE) > 0) {
            s.append(String.format(Locale.ROOT, "  scans: %d new or widened, %d gone%n", r.count(Change.NEW_SCAN),
                    r.count(Change.SCAN_GONE)));
        }
        for (Change kind : new Change[] {Change.NEW_UNDOCUMENTED, Change.NEW_SCAN, Change.VERDICT_CHANGE, Change.ESCAPED,
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
                s.append(String.format(Locale.ROOT, "  %-16s %s%s: %s%n", kind.label(), row.describe(),
                        row.rule().isEmpty() ? "" : " [" + row.rule() + "]", oneLine(row.reason())));
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
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>ucaudit diff</title>\n<style>\n")
         .append("body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;margin:24px auto;max-width:1280px;padding:0 16px;color:#1d232a}\n")
         .append("h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}\n")
         .append(".muted{color:#57606a}.cards{display:flex;flex-wrap:wrap;gap:10px;margin:14px 0}\n")
         .append(".card{border:1px solid #d0d7de;border-radius:6px;padding:8px 14px;min-width:120px}.card b{display:block;font-size:20px}\n")
         .append(".bad b{color:#cf222e}.good b{color:#1a7f37}.status{padding:10px 14px;border-radius:6px;margin:12px 0;font-weight:600}\n")
         .append(".fail{background:#ffebe9;border:1px solid #ff8182}.pass{background:#dafbe1;border:1px solid #4ac26b}\n")
         .append("table{border-collapse:collapse;width:100%;font-size:13px}th,td{border-bottom:1px solid #d8dee4;padding:4px 6px;text-align:left;vertical-align:top}\n")
         .append("th{background:#f6f8fa}td.n{text-align:right;font-variant-numeric:tabular-nums}code{font-size:12px}\n")
         .append("</style></head><body>\n<h1>ucaudit diff</h1>\n<p class=\"muted\">");
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
                ? "fail\">Exit 0 only because of --fail-on; " + findings + " findings below"
                : c.exitStatus() == 0 ? "pass\">Nothing that matters changed"
                : "fail\">Exit " + c.exitStatus() + ": " + esc(String.join(", ", c.failedOn())))
         .append(" <span class=\"muted\">(fail-on: ").append(esc(String.join(",", c.failOn()))).append(")</span></div>\n<div class=\"cards\">\n");
        for (Change kind : Change.values()) {
            boolean bad = BAD.contains(kind);
            long n = r.count(kind);
            boolean notChecked = c.policy().isEmpty() && (kind == Change.ESCAPED || kind == Change.UNUSED_ALLOWED);
            h.append("<div class=\"card").append(n > 0 && bad ? " bad" : "").append("\"><b>").append(notChecked ? "not checked"
                    : String.valueOf(n)).append("</b>")
             .append(esc(kind.label())).append("</div>\n");
        }
        h.append("</div>\n");
        if (!c.unusedNote().isEmpty()) {
            h.append("<p class=\"muted\">").append(esc(c.unusedNote().trim())).append("</p>\n");
        }
        for (Change kind : Change.values()) {
            if (r.count(kind) == 0) {
                continue;
            }
            h.append("<h2>").append(esc(kind.label())).append(" (").append(r.count(kind)).append(")</h2>\n<table><tr>")
             .append("<th>initiator</th><th>responder</th><th>service</th><th>verdict</th><th>flows</th><th>packets</th>")
             .append("<th>bytes</th><th>rule</th><th>reason</th>").append(kind == Change.NEWLY_UNUSED
                     || kind == Change.LONG_UNUSED ? "<th>unused days</th>" : "").append("</tr>\n");
            int shown = 0;
            for (DiffRow row : r.rows()) {
                if (row.change() != kind || shown++ >= HTML_ROWS_PER_KIND) {
                    continue;
                }
                h.append("<tr><td>").append(esc(row.initiator())).append(row.initiator().isEmpty() ? "" : " ")
                 .append("<span class=\"muted\">").append(esc(row.initiatorRole())).append("</span></td><td>")
                 .append(esc(row.responder())).append(" <span class=\"muted\">").append(esc(row.responderRole()))
                 .append("</span></td><td>").append(esc(row.port().isEmpty() ? row.protocol() : row.port() + "/" + row.protocol()))
                 .append("</td><td>").append(esc(arrow(row.verdictBefore(), row.verdictAfter()))).append("</td><td class=\"n\">")
                 .append(esc(arrow(row.flowsBefore(), row.flowsAfter()))).append("</td><td class=\"n\">")
                 .append(esc(arrow(row.packetsBefore(), row.packetsAfter()))).append("</td><td class=\"n\">")
                 .append(esc(arrow(row.bytesBefore(), row.bytesAfter()))).append("</td><td><code>").append(esc(row.rule()))
                 .append("</code></td><td>").append(esc(row.reason())).append("</td>");
                if (kind == Change.NEWLY_UNUSED || kind == Change.LONG_UNUSED) {
                    h.append("<td class=\"n\">").append(row.unusedForDays() < 0 ? "" : row.unusedForDays()).append("</td>");
                }
                h.append("</tr>\n");
            }
            h.append("</table>\n");
            if (r.count(kind) > HTML_ROWS_PER_KIND) {
                h.append("<p class=\"muted\">First ").append(HTML_ROWS_PER_KIND).append(" shown; all are in diff.csv.</p>\n");
            }
        }
        h.append("<p class=\"muted\">Flows are compared by initiator host and role, responder host, protocol and responder "
                + "port; the initiator's port is ignored and responder ports in 16384-32767 (media) or 32768-61000 "
                + "(ephemeral) count as one.</p>\n</body></html>\n");
        return h.toString();
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
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
