package dev.ucaudit.report;

import dev.ucaudit.audit.AuditResult;
import dev.ucaudit.audit.Conversation;
import dev.ucaudit.audit.FlowRecord;
import dev.ucaudit.audit.RunStats;
import dev.ucaudit.audit.UnusedOpening;
import dev.ucaudit.capture.CaptureProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * report.html: one self-contained page (inline CSS and SVG, no scripts, no external resources)
 * that a person opens first — the summary, findings first, pairs with their status, charts. The
 * page is written straight to the file, one method per section, and each section is bounded (top N
 * with the count of the rest, which the CSV files hold), so its size does not grow with the traffic.
 */
public final class HtmlReport {
    private static final int FINDINGS_SHOWN = 500;
    private static final int UNUSED_SHOWN = 500;
    private static final int PAIRS_CHARTED = 25;
    /** Pairs listed on the page; conversations.csv has them all. */
    private static final int PAIRS_SHOWN = 1_000;
    /** Destinations named per unused rule on the page; unused.csv has them all. */
    private static final int UNUSED_DESTINATIONS_SHOWN = 50;

    private HtmlReport() {
    }

    public static void write(Path file, AuditReport r, List<FlowRecord> flows) throws IOException {
        AtomicFile.write(file, w -> render(r, flows, w));
    }

    /** Writes the page to {@code out} section by section; nothing holds the whole page. */
    static void render(AuditReport r, List<FlowRecord> flows, Writer out) throws IOException {
        Html h = new Html(out);
        try {
            head(h, r);
            cards(h, r);
            scans(h, r.result());
            rowsCut(h, r.result());
            verdicts(h, r.result());
            findings(h, r.result(), flows, Completeness.reasons(r));
            pairs(h, r.result());
            unused(h, r);
            inputs(h, r.stats());
            problems(h, r.stats());
            footer(h, r);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** A page being written: {@code append} like a StringBuilder, straight to the file's writer. */
    static final class Html {
        private final Writer out;

        Html(Writer out) {
            this.out = out;
        }

        Html append(String text) {
            try {
                out.write(text == null ? "null" : text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        Html append(long n) {
            return append(Long.toString(n));
        }
    }

    private static void head(Html h, AuditReport r) {
        RunStats s = r.stats();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>ucaudit report</title>\n<style>\n")
         .append("body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;margin:24px auto;max-width:1280px;padding:0 16px;color:#1d232a}\n")
         .append("h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}\n")
         .append(".muted{color:#57606a}.cards{display:flex;flex-wrap:wrap;gap:10px;margin:14px 0}\n")
         .append(".card{border:1px solid #d0d7de;border-radius:6px;padding:8px 14px;min-width:120px}.card b{display:block;font-size:20px}\n")
         .append(".bad{color:#b42318}.good{color:#1a7f37}.warn{background:#fff8c5;border:1px solid #d4a72c;padding:8px 12px;border-radius:6px}\n")
         .append("table{border-collapse:collapse;width:100%;font-size:13px}th,td{border-bottom:1px solid #eaeef2;padding:4px 6px;text-align:left;vertical-align:top}\n")
         .append("th{background:#f6f8fa;position:sticky;top:0}td.n{text-align:right;font-variant-numeric:tabular-nums}\n")
         .append(".badge{border-radius:10px;padding:1px 8px;font-size:12px;white-space:nowrap}.badge.nc{background:#ffebe9;color:#b42318}.badge.c{background:#dafbe1;color:#1a7f37}\n")
         .append("code{font-size:12px}</style></head><body>\n");
        List<String> incomplete = Completeness.reasons(r);
        incompleteBanner(h, incomplete);
        h.append("<h1>ucaudit — CUCM traffic audit</h1>\n<div class=\"muted\">");
        h.append(esc(r.mode())).append(" audit of ");
        h.append(esc(String.join(", ", s.inputs().stream().map(i -> i.name).toList())));
        h.append("<br>Window: ").append(esc(Times.iso(s.firstNanos))).append(" — ").append(esc(Times.iso(s.lastNanos)));
        h.append("<br>Catalog: ").append(esc(String.join(", ", r.catalog().sources()))).append(" (")
         .append(r.catalog().rules().size()).append(" rows)");
        h.append("<br>Inventory: ").append(r.inventory().isPresent()
                ? esc(r.inventory().source()) + " (" + r.inventory().entries().size() + " entries)" : "none");
        h.append("</div>\n");
        if (!r.inventory().isPresent()) {
            h.append("<p class=\"warn\">No inventory was given: every host's role is <i>unknown</i>, so flows are ")
             .append("classified by port alone. Give <code>--inventory FILE</code> to check who talks to whom.</p>\n");
        }
    }

    private static void cards(Html h, AuditReport r) {
        List<String> incomplete = Completeness.reasons(r);
        RunStats s = r.stats();
        AuditResult res = r.result();
        long nonCompliant = res.conversationsUnordered().stream().filter(c -> !c.compliant()).count();
        h.append("<div class=\"cards\">");
        card(h, "packets read", fmt(s.packets), "");
        card(h, "flows", fmt(res.flows()), "");
        card(h, "documented", fmt(res.documented()), "good");
        card(h, "undocumented", fmt(res.undocumented()), res.undocumented() > 0 || !incomplete.isEmpty() ? "bad" : "good");
        card(h, "non-compliant pairs", fmt(nonCompliant) + " / " + fmt(res.conversationsUnordered().size()),
                nonCompliant > 0 ? "bad" : "good");
        card(h, "unused openings", fmt(r.unused().size()), "");
        card(h, "packets not decodable", fmt(s.undecodableTotal()), s.undecodableTotal() > 0 ? "bad" : "");
        card(h, "read problems", fmt(s.problemsTotal()), s.problemsTotal() > 0 ? "bad" : "");
        h.append("</div>\n");
    }

    private static void scans(Html h, AuditResult res) {
        if (res.scans().isEmpty()) {
            return;
        }
        h.append("<h2>Scans (").append(fmt(res.scans().size())).append(")</h2>\n<ul>\n");
        for (dev.ucaudit.audit.ScanDetector.Entry e : res.scans()) {
            h.append("<li>").append(esc(e.describe())).append(" <span class=\"muted\">(")
             .append(esc(Times.iso(e.firstSeenNanos()))).append(" — ").append(esc(Times.iso(e.lastSeenNanos())))
             .append(")</span></li>\n");
        }
        h.append("</ul>\n<p class=\"muted\">");
        if (res.listScanFlows()) {
            h.append("Their probes are listed in flows.csv (--list-scan-flows).");
        } else {
            h.append(fmt(res.scanFlowsSummarized())).append(" scan probes are counted in every total but summarized here, ")
             .append("not written to flows.csv; <code>--list-scan-flows</code> lists them.");
        }
        h.append("</p>\n");
    }

    private static void rowsCut(Html h, AuditResult res) {
        if (res.flowsNotListed() > 0) {
            h.append("<p class=\"warn\">flows.csv holds at most ").append(fmt(res.maxFlowRows())).append(" rows (--max-flow-rows): ")
             .append(fmt(res.flowsNotListed())).append(" more flows (").append(fmt(res.undocumentedNotListed()))
             .append(" undocumented) are counted in conversations and summary.json but not listed.</p>\n");
        }
    }

    private static void verdicts(Html h, AuditResult res) {
        h.append("<h2>Traffic per verdict</h2>\n");
        long docBytes = res.conversationsUnordered().stream().mapToLong(Conversation::documentedBytes).sum();
        long allBytes = res.conversationsUnordered().stream().mapToLong(Conversation::bytes).sum();
        verdictChart(h, res.documented(), res.undocumented(), docBytes, allBytes - docBytes);
    }

    /** The {@link #FINDINGS_SHOWN} largest undocumented flows; the count of all listed ones. */
    private static void findings(Html h, AuditResult res, List<FlowRecord> flows, List<String> incomplete) {
        Comparator<FlowRecord> byBytes = Comparator.comparingLong(FlowRecord::bytes).reversed();
        long listed = flows.stream().filter(f -> !f.documented()).count();
        List<FlowRecord> findings = top(flows.stream().filter(f -> !f.documented()).iterator(), byBytes, FINDINGS_SHOWN);
        h.append("<h2>Findings: undocumented flows (").append(fmt(res.undocumented())).append(")</h2>\n");
        if (findings.isEmpty() && res.undocumented() == 0 && !incomplete.isEmpty()) {
            h.append("<p class=\"bad\">No undocumented flow in what was read, but the input was not read in full"
                    + " (see INCOMPLETE at the top): flows in what was not read are unknown.</p>\n");
        } else if (findings.isEmpty() && res.undocumented() == 0) {
            h.append("<p class=\"good\">Every flow is documented by the catalog.</p>\n");
        } else if (findings.isEmpty()) {
            h.append("<p class=\"bad\">").append(fmt(res.undocumented()))
             .append(" undocumented flows, none of them listed here: they are scan probes summarized above, or rows beyond ")
             .append("--max-flow-rows. Their counts are in conversations.csv and summary.json.</p>\n");
        } else {
            h.append("<table><tr><th>initiator</th><th>responder</th><th>service</th><th>packets</th><th>bytes</th><th>first seen</th><th>why undocumented</th></tr>\n");
            for (FlowRecord f : findings) {
                h.append("<tr><td>").append(host(f.initiator(), f.initiatorRole(), f.initiatorName())).append("</td><td>")
                 .append(host(f.responder(), f.responderRole(), f.responderName())).append("</td><td>")
                 .append(esc(f.responderPort() >= 0 ? f.responderPort() + "/" + f.protocol() : f.protocol()))
                 .append("</td><td class=\"n\">").append(fmt(f.packets())).append("</td><td class=\"n\">")
                 .append(fmt(f.bytes())).append("</td><td>").append(esc(Times.iso(f.firstSeenNanos())))
                 .append("</td><td>").append(esc(f.reason())).append("</td></tr>\n");
            }
            h.append("</table>\n");
            if (listed > FINDINGS_SHOWN) {
                h.append("<p class=\"muted\">").append(fmt(listed - FINDINGS_SHOWN))
                 .append(" more in flows.csv.</p>\n");
            }
            long unlisted = res.undocumented() - listed;
            if (unlisted > 0) {
                h.append("<p class=\"muted\">").append(fmt(unlisted))
                 .append(" more undocumented flows are scan probes summarized above or rows beyond --max-flow-rows.</p>\n");
            }
        }
    }

    /** The chart, then the first {@link #PAIRS_SHOWN} pairs (non-compliant first, then by bytes); all are in conversations.csv. */
    private static void pairs(Html h, AuditResult res) {
        List<Conversation> pairs = res.conversations();
        h.append("<h2>Traffic per pair (top ").append(Math.min(PAIRS_CHARTED, pairs.size())).append(" by bytes)</h2>\n");
        pairChart(h, pairs);
        h.append("<h2>Conversation pairs (").append(fmt(pairs.size())).append(")</h2>\n");
        if (res.pairsNotListed() > 0) {
            h.append("<p class=\"warn\">").append(fmt(res.pairsNotListed())).append(" more host pairs (")
             .append(fmt(res.flowsOfUnlistedPairs())).append(" flows, ").append(fmt(res.undocumentedFlowsOfUnlistedPairs()))
             .append(" undocumented) went beyond --max-conversations ").append(fmt(res.maxConversations()))
             .append(": they are in every total but have no row here or in conversations.csv.</p>\n");
        }
        h.append("<table><tr><th>status</th><th>host a</th><th>host b</th><th>flows</th><th>undocumented</th><th>packets</th><th>bytes</th><th>services (responder ports)</th></tr>\n");
        for (Conversation c : pairs.subList(0, Math.min(PAIRS_SHOWN, pairs.size()))) {
            h.append("<tr><td><span class=\"badge ").append(c.compliant() ? "c" : "nc").append("\">")
             .append(c.status()).append("</span></td><td>").append(host(c.hostA(), c.roleA(), c.nameA()))
             .append("</td><td>").append(host(c.hostB(), c.roleB(), c.nameB())).append("</td><td class=\"n\">")
             .append(fmt(c.flows())).append("</td><td class=\"n\">").append(fmt(c.undocumented()))
             .append("</td><td class=\"n\">").append(fmt(c.packets())).append("</td><td class=\"n\">")
             .append(fmt(c.bytes())).append("</td><td><code>").append(esc(c.servicesText())).append("</code></td></tr>\n");
        }
        h.append("</table>\n");
        if (pairs.size() > PAIRS_SHOWN) {
            long nonCompliant = pairs.stream().skip(PAIRS_SHOWN).filter(c -> !c.compliant()).count();
            h.append("<p class=\"muted\">").append(fmt(pairs.size() - PAIRS_SHOWN)).append(" more pairs (")
             .append(fmt(nonCompliant)).append(" non-compliant) in conversations.csv.</p>\n");
        }
    }

    /** One row per catalog rule (at most {@link #UNUSED_SHOWN}), with its first {@link #UNUSED_DESTINATIONS_SHOWN} destinations. */
    private static void unused(Html h, AuditReport r) {
        h.append("<h2>Documented openings nobody used (").append(fmt(r.unused().size())).append(")</h2>\n");
        if (r.unused().isEmpty()) {
            h.append("<p>None.</p>\n");
            return;
        }
        // One row per catalog rule, its unused destinations together (unused.csv has one row per opening).
        java.util.Map<String, UnusedGroup> byRule = new java.util.LinkedHashMap<>();
        for (UnusedOpening u : r.unused()) {
            UnusedGroup g = byRule.computeIfAbsent(u.rule(), k -> new UnusedGroup(u));
            if (g.count++ < UNUSED_DESTINATIONS_SHOWN) {
                g.where.append(g.count > 1 ? ", " : "").append(u.destination().isEmpty() ? "any" : u.destination());
            }
        }
        h.append("<p class=\"muted\">Each catalog row whose opening no flow used, with the inventory destinations it names")
         .append(" (candidates to close in a firewall; unused.csv has one row per opening).</p>\n");
        h.append("<table><tr><th>rule</th><th>service</th><th>from</th><th>to</th><th>unused at</th><th>purpose</th></tr>\n");
        int shown = 0;
        for (UnusedGroup g : byRule.values()) {
            if (shown++ == UNUSED_SHOWN) {
                break;
            }
            UnusedOpening u = g.first;
            if (g.count > UNUSED_DESTINATIONS_SHOWN) {
                g.where.append(" and ").append(fmt(g.count - UNUSED_DESTINATIONS_SHOWN)).append(" more in unused.csv");
            }
            h.append("<tr><td>").append(esc(u.rule())).append("</td><td>")
             .append(esc(u.ports().isEmpty() ? u.protocol() : u.ports() + "/" + u.protocol())).append("</td><td>")
             .append(esc(u.sourceRole())).append("</td><td>").append(esc(u.destinationRole())).append("</td><td><code>")
             .append(esc(g.where.toString())).append("</code></td><td>").append(esc(u.purpose())).append("</td></tr>\n");
        }
        h.append("</table>\n");
        if (byRule.size() > UNUSED_SHOWN) {
            h.append("<p class=\"muted\">").append(fmt(byRule.size() - UNUSED_SHOWN)).append(" more rules in unused.csv.</p>\n");
        }
    }

    /** The unused openings of one rule: the first, how many, the first destinations. */
    private static final class UnusedGroup {
        final UnusedOpening first;
        final StringBuilder where = new StringBuilder();
        long count;

        UnusedGroup(UnusedOpening first) {
            this.first = first;
        }
    }

    private static void inputs(Html h, RunStats s) {
        h.append("<h2>Input</h2>\n<table><tr><th>input</th><th>packets</th><th>problems</th><th>read completely</th><th>error</th></tr>\n");
        for (RunStats.InputStats in : s.inputs()) {
            h.append("<tr><td>").append(esc(in.name)).append("</td><td class=\"n\">").append(fmt(in.packets))
             .append("</td><td class=\"n\">").append(fmt(in.problems)).append("</td><td>")
             .append(in.readCompletely ? "yes" : "<span class=\"bad\">no</span>").append("</td><td>")
             .append(esc(in.error)).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void problems(Html h, RunStats s) {
        if (!s.problems().isEmpty()) {
            h.append("<h2>Problems reading the input (").append(fmt(s.problemsTotal())).append(")</h2>\n<ul>\n");
            for (CaptureProblem p : s.problems()) {
                h.append("<li>").append(esc(p.describe())).append("</li>\n");
            }
            h.append("</ul>\n");
        }
    }

    /** The INCOMPLETE banner, first thing on the page, when some input was not read in full. */
    static void incompleteBanner(Html h, List<String> reasons) {
        if (reasons.isEmpty()) {
            return;
        }
        h.append("<div id=\"incomplete\" style=\"background:#ffebe9;border:2px solid #b42318;border-radius:6px;")
         .append("padding:10px 14px;margin:0 0 14px;color:#b42318\"><b>INCOMPLETE</b>: this report does not cover all")
         .append(" of its input, so it cannot say that every flow is documented.<ul>\n");
        for (String reason : reasons) {
            h.append("<li>").append(esc(reason)).append("</li>\n");
        }
        h.append("</ul></div>\n");
    }

    private static void footer(Html h, AuditReport r) {
        h.append("<p class=\"muted\">Written by ucaudit at ").append(esc(Times.iso(r.generatedAtMillis() * 1_000_000L)))
         .append(". The CSV files beside this page hold every row.</p>\n</body></html>\n");
    }

    /** The {@code n} first of {@code items} by {@code order}, in that order, holding no more than n at a time. */
    static <T> List<T> top(java.util.Iterator<T> items, Comparator<T> order, int n) {
        java.util.PriorityQueue<T> kept = new java.util.PriorityQueue<>(order.reversed());
        while (items.hasNext()) {
            T t = items.next();
            kept.add(t);
            if (kept.size() > n) {
                kept.poll();
            }
        }
        List<T> out = new java.util.ArrayList<>(kept);
        out.sort(order);
        return out;
    }

    private static void card(Html h, String label, String value, String cls) {
        h.append("<div class=\"card\"><b class=\"").append(cls).append("\">").append(esc(value)).append("</b>")
         .append(esc(label)).append("</div>");
    }

    private static String host(String address, String role, String name) {
        return "<code>" + esc(address) + "</code> <span class=\"muted\">" + esc(role)
                + (name == null || name.isEmpty() ? "" : " · " + esc(name)) + "</span>";
    }

    private static void verdictChart(Html h, long docFlows, long undocFlows, long docBytes, long undocBytes) {
        int width = 640;
        h.append("<svg role=\"img\" aria-label=\"traffic per verdict\" width=\"").append(width + 220)
         .append("\" height=\"96\" xmlns=\"http://www.w3.org/2000/svg\" font-size=\"12\">\n");
        bar(h, 0, "flows", docFlows, undocFlows, width, fmt(docFlows) + " documented / " + fmt(undocFlows) + " undocumented");
        bar(h, 44, "bytes", docBytes, undocBytes, width, fmt(docBytes) + " documented / " + fmt(undocBytes) + " undocumented");
        h.append("</svg>\n");
    }

    private static void bar(Html h, int y, String label, long good, long bad, int width, String text) {
        long total = Math.max(1, good + bad);
        int g = (int) Math.round((double) good / total * width);
        h.append("<text x=\"0\" y=\"").append(y + 15).append("\">").append(label).append("</text>")
         .append("<rect x=\"60\" y=\"").append(y + 2).append("\" width=\"").append(g).append("\" height=\"18\" fill=\"#2da44e\"/>")
         .append("<rect x=\"").append(60 + g).append("\" y=\"").append(y + 2).append("\" width=\"").append(width - g)
         .append("\" height=\"18\" fill=\"").append(bad > 0 ? "#cf222e" : "#eaeef2").append("\"/>")
         .append("<text x=\"60\" y=\"").append(y + 36).append("\" fill=\"#57606a\">").append(esc(text)).append("</text>\n");
    }

    private static void pairChart(Html h, List<Conversation> pairs) {
        List<Conversation> top = pairs.stream().sorted(Comparator.comparingLong(Conversation::bytes).reversed())
                .limit(PAIRS_CHARTED).toList();
        if (top.isEmpty()) {
            h.append("<p>No traffic.</p>\n");
            return;
        }
        long max = Math.max(1, top.get(0).bytes());
        int width = 560;
        int rowH = 20;
        h.append("<svg role=\"img\" aria-label=\"bytes per pair\" width=\"").append(width + 560).append("\" height=\"")
         .append(top.size() * rowH + 24).append("\" xmlns=\"http://www.w3.org/2000/svg\" font-size=\"12\">\n");
        int y = 0;
        for (Conversation c : top) {
            int total = (int) Math.max(1, Math.round((double) c.bytes() / max * width));
            int good = (int) Math.round((double) c.documentedBytes() / Math.max(1, c.bytes()) * total);
            h.append("<text x=\"0\" y=\"").append(y + 14).append("\">").append(esc(c.hostA() + " ↔ " + c.hostB()))
             .append("</text><rect x=\"330\" y=\"").append(y + 3).append("\" width=\"").append(good)
             .append("\" height=\"14\" fill=\"#2da44e\"/><rect x=\"").append(330 + good).append("\" y=\"").append(y + 3)
             .append("\" width=\"").append(total - good).append("\" height=\"14\" fill=\"#cf222e\"/><text x=\"")
             .append(336 + total).append("\" y=\"").append(y + 14).append("\" fill=\"#57606a\">").append(fmt(c.bytes()))
             .append(" B</text>\n");
            y += rowH;
        }
        h.append("<text x=\"330\" y=\"").append(y + 16).append("\" fill=\"#57606a\">green: documented bytes, red: undocumented bytes</text>\n</svg>\n");
    }

    /** {@code String.format(Locale.ROOT, "%,d", n)} without the formatter (it was ~12 % of a 2 M-packet run). */
    static String fmt(long n) {
        if (n == Long.MIN_VALUE) {
            return String.format(Locale.ROOT, "%,d", n);
        }
        String digits = Long.toString(Math.abs(n));
        int len = digits.length();
        if (len <= 3) {
            return n < 0 ? "-" + digits : digits;
        }
        StringBuilder b = new StringBuilder(len + len / 3 + 1);
        if (n < 0) {
            b.append('-');
        }
        int first = len % 3 == 0 ? 3 : len % 3;
        b.append(digits, 0, first);
        for (int i = first; i < len; i += 3) {
            b.append(',').append(digits, i, i + 3);
        }
        return b.toString();
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
