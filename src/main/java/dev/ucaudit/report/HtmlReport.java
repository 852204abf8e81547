package dev.ucaudit.report;

import dev.ucaudit.audit.AuditResult;
import dev.ucaudit.audit.Conversation;
import dev.ucaudit.audit.FlowRecord;
import dev.ucaudit.audit.RunCounts;
import dev.ucaudit.audit.ScanDetector;
import dev.ucaudit.audit.UnusedOpening;
import dev.ucaudit.inventory.IpAddress;
import dev.ucaudit.packet.CaptureProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * report.html's markup: one self-contained page (inline CSS, SVG and a few lines of script to sort and
 * filter tables and copy addresses; no external resources) written from a {@link ReportPage}, the page's
 * data: the summary, the findings ranked by risk with what to do, the voice summary, pairs with their
 * status and why, charts. Written straight to the file, one method per section, each bounded (top N with
 * the count of the rest, which the CSV files hold). Every string from the wire or an input goes through
 * {@link #esc}.
 */
public final class HtmlReport {
    /** Inputs named in the page's title and header (the others are counted). */
    static final int TITLE_INPUTS = ReportPage.TITLE_INPUTS;
    /** The report's own style: copy buttons (shown only with script), the risk badges, the suggestion line. */
    static final String CSS = ".copy{display:none;background:none;cursor:pointer;margin-left:3px;padding:0 3px;color:#57606a;font:inherit;"
            + "font-size:10px;line-height:1.2;border:1px solid #d0d7de;border-radius:3px}.js .copy{display:inline}.copy:hover{color:#0969da}\n"
            + ".risk{border-radius:10px;padding:1px 8px;font-size:12px;white-space:nowrap}.risk.r0{background:#ffebe9;color:#b42318}"
            + ".risk.r1{background:#fff1e5;color:#953800}.risk.r2{background:#eaeef2;color:#424a53}\n"
            + ".todo{margin-top:3px;color:#0b4f8a}.voice td{padding-right:18px}\n";
    /** Copies an address on a click on its button, with no server (clipboard API, else the selection and execCommand). */
    static final String COPY_SCRIPT = "<script>\n"
            + "document.addEventListener('click',function(e){var b=e.target.closest&&e.target.closest('button.copy');if(!b)return;\n"
            + " var t=b.getAttribute('data-copy'),c=b.previousElementSibling,s=window.getSelection(),r=document.createRange();\n"
            + " r.selectNodeContents(c);s.removeAllRanges();s.addRange(r);\n"
            + " var done=function(){b.textContent='copied';setTimeout(function(){b.textContent='copy';},1500);};\n"
            + " var old=function(){try{if(document.execCommand('copy'))done();}catch(x){}};\n"
            + " if(navigator.clipboard&&navigator.clipboard.writeText){navigator.clipboard.writeText(t).then(done,old);}else{old();}});\n"
            + "</script>\n";

    private HtmlReport() {
    }

    public static void write(Path file, AuditReport r, List<FlowRecord> flows) throws IOException {
        AtomicFile.write(file, w -> render(r, flows, w));
    }

    /** Writes the page to {@code out} section by section; nothing holds the whole page, each section is bounded. */
    static void render(AuditReport r, List<FlowRecord> flows, Writer out) throws IOException {
        Html h = new Html(out);
        ReportPage page = ReportPage.of(r, flows);
        try {
            header(h, page);
            findings(h, page);
            VoiceSection.write(h, page.voice());
            scans(h, r);
            RolesSection.html(h, RolesSection.of(r), r.inventory().isPresent()); // learned roles (issue 21)
            verdicts(h, r);
            pairs(h, page);
            unused(h, page);
            inputs(h, r);
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

    private static void header(Html h, ReportPage page) {
        AuditReport r = page.report();
        RunCounts s = r.stats();
        h.append(HtmlPage.head("ucaudit: " + page.inputs() + ", " + Times.iso(s.firstNanos()) + " — " + Times.iso(s.lastNanos()), CSS));
        incompleteBanner(h, page.incomplete());
        h.append("<h1>ucaudit — CUCM traffic audit</h1>\n<div class=\"muted\">");
        h.append(esc(r.mode())).append(" audit of ").append(esc(page.inputs()));
        h.append(" · window <span class=\"nw\">").append(esc(Times.iso(s.firstNanos()))).append("</span> — <span class=\"nw\">")
         .append(esc(Times.iso(s.lastNanos()))).append("</span> (").append(esc(span(s.lastNanos() - s.firstNanos()))).append(")");
        h.append("<br>Catalog: ").append(esc(String.join(", ", r.catalog().sources()))).append(" (")
         .append(r.catalog().rules().size()).append(" rows) · inventory: ").append(r.inventory().isPresent()
                ? esc(r.inventory().source()) + " (" + r.inventory().entries().size() + " entries)" : "none");
        h.append("</div>\n");
        if (!r.inventory().isPresent()) {
            h.append("<p id=\"no-inventory\" class=\"warn\">⚠ No inventory was given: a host's role is what its own traffic")
             .append(" showed (learned roles), else <i>unknown</i>. A flow whose port matches a catalog row that needs roles")
             .append(" (phone, cucm, ...) between hosts of unknown role is <b>port-only</b>: neither documented")
             .append(" nor known to be undocumented. To start one, <code>").append(esc(Triage.EXPORT)).append("</code> writes")
             .append(" <code>inventory-draft.csv</code> from the roles this capture showed; review it, then give")
             .append(" <code>--inventory FILE</code> to check who talks to whom.</p>\n");
            RolesSection.learnedNote(h, r); // issue 21: roles learned from the traffic classify their hosts' flows
        }
        h.append("<div class=\"cards\">");
        for (ReportPage.Card c : page.cards()) {
            h.append("<div class=\"card\"><b class=\"").append(c.cls()).append("\">").append(c.cls().equals("bad") ? "✗ " : "")
             .append(esc(c.value())).append("</b>").append(esc(c.label())).append("</div>");
        }
        h.append("</div>\n");
    }

    /** Undocumented flows grouped by what is wrong with them, the riskiest groups first, each with what to do. */
    private static void findings(Html h, ReportPage page) {
        AuditResult res = page.report().result();
        h.append("<section id=\"findings\"><h2>Findings: undocumented flows (").append(fmt(res.undocumented())).append(")</h2>\n");
        if (page.groups().size() == 0 && res.undocumented() == 0 && !page.incomplete().isEmpty()) {
            h.append("<p class=\"bad\">✗ No undocumented flow in what was read, but the input was not read in full"
                    + " (see INCOMPLETE at the top): flows in what was not read are unknown.</p>\n");
        } else if (page.groups().size() == 0 && res.undocumented() == 0 && res.portOnly() > 0) {
            h.append("<p class=\"unknown\">? No flow is known to be undocumented, but ").append(fmt(res.portOnly()))
             .append(" flows are port-only (see below): nothing shows their hosts have the roles their rows need.</p>\n");
        } else if (page.groups().size() == 0 && res.undocumented() == 0) {
            h.append("<p class=\"good\">✓ Every flow is documented by the catalog.</p>\n");
        } else if (page.groups().size() == 0) {
            h.append("<p class=\"bad\">✗ ").append(fmt(res.undocumented()))
             .append(" undocumented flows, none of them listed here: they are scan probes summarized below, or rows beyond ")
             .append("--max-flow-rows. Their counts are in conversations.csv and summary.json.</p>\n");
        } else {
            findingsTable(h, page);
        }
        if (res.flowsNotListed() > 0) {
            h.append("<p class=\"warn\">⚠ flows.csv holds at most ").append(fmt(res.maxFlowRows())).append(" rows (--max-flow-rows): ")
             .append(fmt(res.flowsNotListed())).append(" more flows (").append(fmt(res.undocumentedNotListed()))
             .append(" undocumented) are counted in conversations and summary.json but not listed.</p>\n");
        }
        h.append("</section>\n");
        PortOnlySection.write(h, res, page.flows(), ReportPage.FINDING_GROUPS_SHOWN);
    }

    private static void findingsTable(Html h, ReportPage page) {
        AuditResult res = page.report().result();
        h.append("<p class=\"muted\">Flows that break the catalog the same way (same roles, protocol and reason, whatever ")
         .append("the port or hosts) make one group, riskiest first: management access (telnet, SSH, SQL, remote desktop, web ")
         .append("administration) from outside its role, then hosts the inventory does not know talking to CUCM, then the rest. ")
         .append("flows.csv lists each flow.</p>\n")
         .append("<table id=\"findings-table\" class=\"sortable\"><thead><tr><th>risk</th><th>flows</th><th>initiator → responder</th>")
         .append("<th>service</th><th>why undocumented, and what to do</th><th>packets</th><th>bytes</th><th>examples</th></tr></thead><tbody>\n");
        for (Triage.Finding f : page.findings()) {
            FindingGroups.Group g = f.group();
            h.append("<tr data-risk=\"").append(f.risk().name()).append("\"><td data-v=\"").append(f.risk().ordinal())
             .append("\"><span class=\"risk r").append(f.risk().ordinal()).append("\" title=\"").append(esc(f.risk().text())).append("\">")
             .append(esc(f.risk().label())).append("</span></td>")
             .append("<td class=\"n\" data-v=\"").append(g.flows()).append("\"><b>").append(fmt(g.flows()))
             .append("</b></td><td>").append(esc(g.roles())).append("</td><td>").append(esc(g.service()))
             .append("</td><td class=\"r\">").append(esc(g.reason())).append(g.flows() > 1 && g.ports().length > 1
                     ? " <span class=\"muted\">(first flow's port)</span>" : "")
             .append("<div class=\"todo\">→ ").append(esc(f.suggestion())).append("</div>")
             .append("</td><td class=\"n\" data-v=\"").append(g.packets()).append("\">").append(fmt(g.packets()))
             .append("</td>").append(HtmlPage.bytesCell(g.bytes())).append("<td>");
            for (FlowRecord e : g.examples()) {
                h.append("<div>").append(address(e.initiator(), e.initiatorName())).append(" → ")
                 .append(address(e.responder(), e.responderName())).append(" <span class=\"nw\">").append(esc(service(e)))
                 .append("</span> <span class=\"muted nw\">").append(esc(Times.iso(e.firstSeenNanos()))).append("</span></div>");
            }
            h.append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
        int all = page.groups().size();
        if (all > page.findings().size() || page.groups().other()[0] > 0) {
            h.append("<p class=\"muted\">").append(fmt(res.undocumented() - page.undocumentedUnlisted() - page.findingsListed()))
             .append(" flows in ").append(all > page.findings().size() ? fmt(all - page.findings().size()) + " smaller groups" : "further groups")
             .append(" are in flows.csv.</p>\n");
        }
        if (page.undocumentedUnlisted() > 0) {
            h.append("<p class=\"muted\">").append(fmt(page.undocumentedUnlisted()))
             .append(" more undocumented flows are scan probes summarized below or rows beyond --max-flow-rows.</p>\n");
        }
    }

    private static void scans(Html h, AuditReport r) {
        AuditResult res = r.result();
        if (res.scans().isEmpty()) {
            return;
        }
        h.append("<h2>Scans (").append(fmt(res.scans().size())).append(")</h2>\n<ul>\n");
        for (ScanDetector.Entry e : res.scans()) {
            h.append("<li>").append(esc(e.describe())).append(" <span class=\"muted\">(<span class=\"nw\">")
             .append(esc(Times.iso(e.firstSeenNanos()))).append("</span> — <span class=\"nw\">")
             .append(esc(Times.iso(e.lastSeenNanos()))).append("</span>)</span></li>\n");
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

    private static void verdicts(Html h, AuditReport r) {
        AuditResult res = r.result();
        h.append("<h2>Traffic per verdict</h2>\n");
        long docBytes = res.conversationsUnordered().stream().mapToLong(Conversation::documentedBytes).sum();
        long allBytes = res.conversationsUnordered().stream().mapToLong(Conversation::bytes).sum();
        HtmlCharts.verdictChart(h, res.documented(), res.undocumented(), res.portOnly(), docBytes, allBytes - docBytes);
    }

    private static void pairs(Html h, ReportPage page) {
        AuditResult res = page.report().result();
        List<Conversation> pairs = res.conversations();
        h.append("<h2>Traffic per pair (").append(HtmlCharts.charted(pairs)).append(" pairs: non-compliant first, then by bytes)</h2>\n");
        HtmlCharts.pairChart(h, pairs);
        h.append("<h2>Conversation pairs (").append(fmt(pairs.size())).append(")</h2>\n");
        if (res.pairsNotListed() > 0) {
            h.append("<p class=\"warn\">⚠ ").append(fmt(res.pairsNotListed())).append(" more host pairs (")
             .append(fmt(res.flowsOfUnlistedPairs())).append(" flows, ").append(fmt(res.undocumentedFlowsOfUnlistedPairs()))
             .append(" undocumented) went beyond --max-conversations ").append(fmt(res.maxConversations()))
             .append(": they are in every total but have no row here or in conversations.csv.</p>\n");
        }
        h.append("<table id=\"pairs-table\" class=\"sortable\"><thead><tr><th>status</th><th>host a</th><th>host b</th>")
         .append("<th>flows</th><th title=\"undocumented flows\">undoc.</th><th>packets</th><th>bytes</th><th>services</th>")
         .append("<th>undocumented services, who opened them, and why</th></tr></thead><tbody>\n");
        for (Conversation c : page.pairsShown()) {
            h.append("<tr><td>").append(badge(c)).append("</td><td>").append(host(c.hostA(), c.roleA(), c.nameA()))
             .append("</td><td>").append(host(c.hostB(), c.roleB(), c.nameB())).append("</td><td class=\"n\" data-v=\"")
             .append(c.flows()).append("\">").append(fmt(c.flows())).append("</td><td class=\"n\" data-v=\"")
             .append(c.undocumented()).append("\">").append(fmt(c.undocumented())).append("</td><td class=\"n\" data-v=\"")
             .append(c.packets()).append("\">").append(fmt(c.packets())).append("</td>").append(HtmlPage.bytesCell(c.bytes()))
             .append("<td><code>").append(esc(ServicesText.list(c))).append("</code></td><td class=\"r\">");
            List<ReportPage.PairReason> reasons = c.compliant() ? null : page.pairReasons().get(ReportPage.pairKey(c.hostA(), c.hostB()));
            if (reasons != null && !reasons.isEmpty()) {
                for (ReportPage.PairReason e : reasons) {
                    h.append("<div><b>").append(e.mark()).append(esc(e.servicesText())).append("</b>")
                     .append(e.services().isEmpty() ? "" : ": ").append(esc(e.reason()));
                    if (e.initiator() != null) {
                        h.append(" <span class=\"muted dir\">(").append(e.oneWay() ? "opened by " : "first opened by ")
                         .append(esc(e.initiator().text())).append(" → ").append(esc(e.responder().text()))
                         .append(e.oneWay() ? "" : "; either side opened some").append(")</span>");
                    }
                    h.append("</div>");
                }
            } else if (!c.compliant()) {
                h.append("<span class=\"muted\">scan probes or rows beyond --max-flow-rows (see flows.csv)</span>");
            }
            h.append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
        if (pairs.size() > ReportPage.PAIRS_SHOWN) {
            long nonCompliant = pairs.stream().skip(ReportPage.PAIRS_SHOWN).filter(c -> !c.compliant()).count();
            h.append("<p class=\"muted\">").append(fmt(pairs.size() - ReportPage.PAIRS_SHOWN)).append(" more pairs (")
             .append(fmt(nonCompliant)).append(" non-compliant) in conversations.csv.</p>\n");
        }
    }

    /** {@code 5060/udp}, or the protocol alone when it has no ports. */
    static String service(FlowRecord f) {
        return f.responderPort() >= 0 ? f.responderPort() + "/" + f.protocol().label() : f.protocol().label();
    }

    private static String badge(Conversation c) {
        if (c.undocumented() == 0 && c.portOnly() > 0) {
            return "<span class=\"badge po\" title=\"no flow known to be undocumented; port-only flows: roles unknown\">? "
                    + c.status() + " (port-only)</span>";
        }
        return "<span class=\"badge " + (c.compliant() ? "c\">✓ " : "nc\">✗ ") + c.status() + "</span>";
    }

    /** Unused openings, one row per catalog rule, folded away: a short window proves little about them. */
    private static void unused(Html h, ReportPage page) {
        List<UnusedOpening> all = page.report().unused();
        h.append("<h2>Documented openings nobody used (").append(fmt(all.size())).append(")</h2>\n");
        if (all.isEmpty()) {
            h.append("<p>None.</p>\n");
            return;
        }
        RunCounts s = page.report().stats();
        if (page.unusedWarning() == ReportPage.UnusedWarning.DAMAGED_TIMES) {
            h.append("<p id=\"unused-warning\" class=\"warn\">⚠ The capture's times run before 2000 or past the time this")
             .append(" report was written (damaged timestamps), so its window proves nothing: an opening unused here may be")
             .append(" used daily; use --state over days before closing anything.</p>\n");
        } else if (page.unusedWarning() == ReportPage.UnusedWarning.SHORT_WINDOW) {
            h.append("<p id=\"unused-warning\" class=\"warn\">⚠ ").append(esc(span(s.lastNanos() - s.firstNanos())))
             .append(" of traffic: an opening unused here may be used daily; use --state over days before closing anything.</p>\n");
        }
        List<ReportPage.UnusedRule> rules = page.unusedRules();
        h.append("<details id=\"unused\"><summary>").append(fmt(rules.size())).append(" catalog rows with ")
         .append(fmt(all.size())).append(" openings no flow used (show)</summary>\n")
         .append("<p class=\"muted\">Each catalog row whose opening no flow used, with the inventory destinations it names")
         .append(" (candidates to close in a firewall; unused.csv has one row per opening).</p>\n");
        h.append("<table class=\"sortable\"><thead><tr><th>rule</th><th>service</th><th>from</th><th>to</th><th>unused at</th>")
         .append("<th>purpose</th></tr></thead><tbody>\n");
        for (ReportPage.UnusedRule g : rules.subList(0, Math.min(ReportPage.UNUSED_SHOWN, rules.size()))) {
            UnusedOpening u = g.first();
            String where = String.join(", ", g.destinations()) + (g.count() > ReportPage.UNUSED_DESTINATIONS_SHOWN
                    ? " and " + fmt(g.count() - ReportPage.UNUSED_DESTINATIONS_SHOWN) + " more in unused.csv" : "");
            h.append("<tr><td class=\"t\"><code>").append(esc(u.rule())).append("</code></td><td class=\"t\">")
             .append(esc(u.ports().isEmpty() ? u.protocol() : u.ports() + "/" + u.protocol())).append("</td><td>")
             .append(esc(u.sourceRole())).append("</td><td>").append(esc(u.destinationRole())).append("</td><td><code>")
             .append(esc(where)).append("</code></td><td class=\"r\">").append(esc(u.purpose())).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
        if (rules.size() > ReportPage.UNUSED_SHOWN) {
            h.append("<p class=\"muted\">").append(fmt(rules.size() - ReportPage.UNUSED_SHOWN)).append(" more rules in unused.csv.</p>\n");
        }
        h.append("</details>\n");
    }

    private static void inputs(Html h, AuditReport r) {
        RunCounts s = r.stats();
        h.append("<h2>Input</h2>\n<table><thead><tr><th>input</th><th>packets</th><th>problems</th><th>read completely</th>")
         .append("<th>error</th></tr></thead><tbody>\n");
        List<RunCounts.Input> listed = s.inputs();
        for (RunCounts.Input in : listed.subList(0, Math.min(listed.size(), Completeness.INPUTS_LISTED))) {
            h.append("<tr><td>").append(esc(in.name())).append("</td><td class=\"n\">").append(fmt(in.packets()))
             .append("</td><td class=\"n\">").append(fmt(in.problems())).append("</td><td>")
             .append(in.readCompletely() ? "✓ yes" : "<span class=\"bad\">✗ no</span>").append("</td><td>")
             .append(esc(in.error())).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
        if (listed.size() > Completeness.INPUTS_LISTED) {
            h.append("<p class=\"muted\">").append(fmt(listed.size() - Completeness.INPUTS_LISTED))
             .append(" more inputs, counted in every total, not listed.</p>\n");
        }
        if (!s.problems().isEmpty()) {
            h.append("<h2>Problems reading the input (").append(fmt(s.problemsTotal())).append(")</h2>\n<ul>\n");
            for (CaptureProblem p : s.problems()) {
                h.append("<li>").append(esc(p.describe())).append("</li>\n");
            }
            h.append("</ul>\n");
        }
        h.append("<p class=\"muted\">Written by ucaudit at ").append(esc(Times.iso(r.generatedAtMillis() * 1_000_000L)))
         .append(". The CSV files beside this page hold every row.</p>\n").append(HtmlPage.SCRIPT).append(COPY_SCRIPT).append("</body></html>\n");
    }

    /** A duration as a person says it: {@code 1.2 s}, {@code 14 min}, {@code 3.5 h}, {@code 6 days}. */
    static String span(long nanos) {
        double sec = Math.max(0, nanos) / 1e9;
        if (sec < 60) {
            return String.format(Locale.ROOT, sec < 10 ? "%.1f s" : "%.0f s", sec);
        }
        if (sec < 3600) {
            return String.format(Locale.ROOT, "%.0f min", sec / 60);
        }
        if (sec < 86_400) {
            return String.format(Locale.ROOT, "%.1f h", sec / 3600);
        }
        return String.format(Locale.ROOT, "%.1f days", sec / 86_400);
    }

    /** The INCOMPLETE banner, first thing on the page, when some input was not read in full. */
    static void incompleteBanner(Html h, List<String> reasons) {
        if (reasons.isEmpty()) {
            return;
        }
        h.append("<div id=\"incomplete\" role=\"alert\" style=\"background:#ffebe9;border:2px solid #b42318;border-radius:6px;")
         .append("padding:10px 14px;margin:0 0 14px;color:#b42318\"><b>⚠ INCOMPLETE</b>: this report does not cover all")
         .append(" of its input, so it cannot say that every flow is documented.<ul>\n");
        for (String reason : reasons) {
            h.append("<li>").append(esc(reason)).append("</li>\n");
        }
        h.append("</ul></div>\n");
    }

    /** An address a person can select and copy: plain text, and a copy button that needs no server. */
    static String copyable(IpAddress address) {
        String a = esc(address.text());
        return "<code class=\"addr nw\">" + a + "</code><button type=\"button\" class=\"copy\" data-copy=\""
                + a + "\" title=\"copy " + a + "\" aria-label=\"copy " + a + "\">copy</button>";
    }

    private static String host(IpAddress address, String role, String name) {
        return copyable(address) + " <span class=\"muted\">" + esc(role) + (name == null || name.isEmpty() ? "" : " · " + esc(name)) + "</span>";
    }

    /** The inventory name when there is one, and the address always, as text. */
    private static String address(IpAddress address, String name) {
        return name == null || name.isEmpty() ? copyable(address) : "<span class=\"nw\">" + esc(name) + "</span> " + copyable(address);
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
        return HtmlPage.esc(s);
    }
}
