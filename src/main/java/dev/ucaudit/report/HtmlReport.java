package dev.ucaudit.report;

import dev.ucaudit.audit.ScanDetector;
import dev.ucaudit.audit.ContentSeen;
import java.util.ArrayList;
import dev.ucaudit.audit.AuditResult;
import dev.ucaudit.audit.Conversation;
import dev.ucaudit.audit.FlowRecord;
import dev.ucaudit.audit.Verdict;
import dev.ucaudit.audit.RunStats;
import dev.ucaudit.audit.UnusedOpening;
import dev.ucaudit.packet.CaptureProblem;
import dev.ucaudit.inventory.IpAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * report.html: one self-contained page (inline CSS, SVG and a few lines of script to sort and filter
 * tables; no external resources) that a person opens first: the summary, findings grouped first,
 * pairs with their status and why, charts. The page is written straight to the file, one method per
 * section, and each section is bounded (top N with the count of the rest, which the CSV files hold),
 * so its size does not grow with the traffic.
 */
public final class HtmlReport {
    /** Inputs named in the page's title and header (the others are counted). */
    static final int TITLE_INPUTS = 5;

    private static final int FINDING_GROUPS_SHOWN = 100;
    private static final int UNUSED_SHOWN = 500;
    private static final int PAIRS_CHARTED = 25;
    private static final int SERVICES_EXPLAINED = 4;
    /** Pairs listed on the page; conversations.csv has them all. */
    private static final int PAIRS_SHOWN = 1_000;
    /** Destinations named per unused rule on the page; unused.csv has them all. */
    private static final int UNUSED_DESTINATIONS_SHOWN = 50;
    /** Below a week of traffic, an unused opening may just not have had its day yet. */
    private static final long SHORT_WINDOW_NANOS = 7L * 86_400 * 1_000_000_000L;
    /** Capture times before 2000, or more than a day after the report was written, are damage: no window. */
    private static final long EARLIEST_CREDIBLE_NANOS = 946_684_800L * 1_000_000_000L;
    private static final long FUTURE_SLACK_NANOS = 86_400L * 1_000_000_000L;

    private HtmlReport() {
    }

    public static void write(Path file, AuditReport r, List<FlowRecord> flows) throws IOException {
        AtomicFile.write(file, w -> render(r, flows, w));
    }

    /** Writes the page to {@code out} section by section; nothing holds the whole page, each section is bounded. */
    static void render(AuditReport r, List<FlowRecord> flows, Writer out) throws IOException {
        Html h = new Html(out);
        try {
            List<String> incomplete = Completeness.reasons(r);
            header(h, r, incomplete);
            findings(h, r, flows, incomplete);
            scans(h, r);
            RolesSection.html(h, RolesSection.of(r), r.inventory().isPresent()); // learned roles (issue 21)
            verdicts(h, r);
            pairs(h, r, flows);
            unused(h, r);
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

    private static void header(Html h, AuditReport r, List<String> incomplete) {
        RunStats s = r.stats();
        AuditResult res = r.result();
        String inputs = Completeness.inputNames(s, TITLE_INPUTS);
        h.append(HtmlPage.head("ucaudit: " + inputs + ", " + Times.iso(s.firstNanos) + " — " + Times.iso(s.lastNanos), ""));
        incompleteBanner(h, incomplete);
        h.append("<h1>ucaudit — CUCM traffic audit</h1>\n<div class=\"muted\">");
        h.append(esc(r.mode())).append(" audit of ").append(esc(inputs));
        h.append(" · window <span class=\"nw\">").append(esc(Times.iso(s.firstNanos))).append("</span> — <span class=\"nw\">")
         .append(esc(Times.iso(s.lastNanos))).append("</span> (").append(esc(span(s.lastNanos - s.firstNanos))).append(")");
        h.append("<br>Catalog: ").append(esc(String.join(", ", r.catalog().sources()))).append(" (")
         .append(r.catalog().rules().size()).append(" rows) · inventory: ").append(r.inventory().isPresent()
                ? esc(r.inventory().source()) + " (" + r.inventory().entries().size() + " entries)" : "none");
        h.append("</div>\n");
        if (!r.inventory().isPresent()) {
            h.append("<p class=\"warn\">⚠ No inventory was given: every host's role is <i>unknown</i>. A flow whose port ")
             .append("matches a catalog row that needs roles (phone, cucm, ...) is <b>port-only</b>: neither documented nor ")
             .append("known to be undocumented. Give <code>--inventory FILE</code> to check who talks to whom.</p>\n");
            RolesSection.learnedNote(h, r); // issue 21: roles learned from the traffic classify their hosts' flows
        }
        long nonCompliant = res.conversationsUnordered().stream().filter(c -> !c.compliant()).count();
        h.append("<div class=\"cards\">");
        card(h, "packets read", fmt(s.packets), "");
        card(h, "flows", fmt(res.flows()), "");
        card(h, "documented", fmt(res.documented()), "good");
        card(h, "of which by port alone", fmt(res.flows(ContentSeen.PORT_ALONE)), "");
        card(h, "not the port's protocol", fmt(res.flows(ContentSeen.CONTRADICTED)),
                res.flows(ContentSeen.CONTRADICTED) > 0 ? "bad" : "");
        card(h, "undocumented", fmt(res.undocumented()), res.undocumented() > 0 || !incomplete.isEmpty() ? "bad" : "good");
        card(h, "port-only (roles unknown)", fmt(res.portOnly()), res.portOnly() > 0 ? "unknown" : "");
        card(h, "non-compliant pairs", fmt(nonCompliant) + " / " + fmt(res.conversationsUnordered().size()),
                nonCompliant > 0 ? "bad" : "good");
        card(h, "unused openings", fmt(r.unused().size()), "");
        card(h, "packets not decodable", fmt(s.undecodableTotal()), s.undecodableTotal() > 0 ? "bad" : "");
        card(h, "read problems", fmt(s.problemsTotal()), s.problemsTotal() > 0 ? "bad" : "");
        h.append("</div>\n");
    }

    /** Undocumented flows grouped by what is wrong with them, largest groups first. */
    private static void findings(Html h, AuditReport r, List<FlowRecord> flows, List<String> incomplete) {
        AuditResult res = r.result();
        h.append("<section id=\"findings\"><h2>Findings: undocumented flows (").append(fmt(res.undocumented())).append(")</h2>\n");
        FindingGroups groups = FindingGroups.of(flows);
        long listed = 0;
        if (groups.size() == 0 && res.undocumented() == 0 && !incomplete.isEmpty()) {
            h.append("<p class=\"bad\">✗ No undocumented flow in what was read, but the input was not read in full"
                    + " (see INCOMPLETE at the top): flows in what was not read are unknown.</p>\n");
        } else if (groups.size() == 0 && res.undocumented() == 0 && res.portOnly() > 0) {
            h.append("<p class=\"unknown\">? No flow is known to be undocumented, but ").append(fmt(res.portOnly()))
             .append(" flows are port-only (see below): nothing shows their hosts have the roles their rows need.</p>\n");
        } else if (groups.size() == 0 && res.undocumented() == 0) {
            h.append("<p class=\"good\">✓ Every flow is documented by the catalog.</p>\n");
        } else if (groups.size() == 0) {
            h.append("<p class=\"bad\">✗ ").append(fmt(res.undocumented()))
             .append(" undocumented flows, none of them listed here: they are scan probes summarized below, or rows beyond ")
             .append("--max-flow-rows. Their counts are in conversations.csv and summary.json.</p>\n");
        } else {
            List<FindingGroups.Group> all = groups.largestFirst();
            h.append("<p class=\"muted\">Flows that break the catalog the same way (same roles, protocol and reason, whatever ")
             .append("the port or hosts) make one group; flows.csv lists each flow.</p>\n")
             .append("<table id=\"findings-table\" class=\"sortable\"><thead><tr><th>flows</th><th>initiator → responder</th>")
             .append("<th>service</th><th>why undocumented</th><th>packets</th><th>bytes</th><th>examples</th></tr></thead><tbody>\n");
            for (FindingGroups.Group g : all.subList(0, Math.min(FINDING_GROUPS_SHOWN, all.size()))) {
                listed += g.flows();
                h.append("<tr><td class=\"n\" data-v=\"").append(g.flows()).append("\"><b>").append(fmt(g.flows()))
                 .append("</b></td><td>").append(esc(g.roles())).append("</td><td class=\"t\">").append(esc(g.service()))
                 .append("</td><td class=\"r\">").append(esc(g.reason())).append(g.flows() > 1 && g.service().contains(" (")
                         ? " <span class=\"muted\">(first flow's port)</span>" : "")
                 .append("</td><td class=\"n\" data-v=\"").append(g.packets()).append("\">").append(fmt(g.packets()))
                 .append("</td>").append(HtmlPage.bytesCell(g.bytes())).append("<td>");
                for (FlowRecord f : g.examples()) {
                    h.append("<div>").append(hostName(f.initiator().text(), f.initiatorName())).append(" → ")
                     .append(hostName(f.responder().text(), f.responderName())).append(" <span class=\"nw\">")
                     .append(esc(service(f)))
                     .append("</span> <span class=\"muted nw\">").append(esc(Times.iso(f.firstSeenNanos()))).append("</span></div>");
                }
                h.append("</td></tr>\n");
            }
            h.append("</tbody></table>\n");
            if (all.size() > FINDING_GROUPS_SHOWN || groups.other()[0] > 0) {
                h.append("<p class=\"muted\">").append(fmt(res.undocumented() - listed)).append(" flows in ")
                 .append(all.size() > FINDING_GROUPS_SHOWN ? fmt(all.size() - FINDING_GROUPS_SHOWN) + " smaller groups" : "further groups")
                 .append(" are in flows.csv.</p>\n");
            }
            long unlisted = res.undocumented() - flows.stream().filter(f -> f.verdict() == Verdict.UNDOCUMENTED).count();
            if (unlisted > 0) {
                h.append("<p class=\"muted\">").append(fmt(unlisted))
                 .append(" more undocumented flows are scan probes summarized below or rows beyond --max-flow-rows.</p>\n");
            }
        }
        if (res.flowsNotListed() > 0) {
            h.append("<p class=\"warn\">⚠ flows.csv holds at most ").append(fmt(res.maxFlowRows())).append(" rows (--max-flow-rows): ")
             .append(fmt(res.flowsNotListed())).append(" more flows (").append(fmt(res.undocumentedNotListed()))
             .append(" undocumented) are counted in conversations and summary.json but not listed.</p>\n");
        }
        h.append("</section>\n");
        PortOnlySection.write(h, res, flows, FINDING_GROUPS_SHOWN);
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
        verdictChart(h, res.documented(), res.undocumented(), res.portOnly(), docBytes, allBytes - docBytes);
    }

    private static void pairs(Html h, AuditReport r, List<FlowRecord> flows) {
        AuditResult res = r.result();
        List<Conversation> pairs = res.conversations();
        h.append("<h2>Traffic per pair (").append(Math.min(PAIRS_CHARTED, pairs.size()))
         .append(" pairs: non-compliant first, then by bytes)</h2>\n");
        pairChart(h, pairs);
        h.append("<h2>Conversation pairs (").append(fmt(pairs.size())).append(")</h2>\n");
        if (res.pairsNotListed() > 0) {
            h.append("<p class=\"warn\">⚠ ").append(fmt(res.pairsNotListed())).append(" more host pairs (")
             .append(fmt(res.flowsOfUnlistedPairs())).append(" flows, ").append(fmt(res.undocumentedFlowsOfUnlistedPairs()))
             .append(" undocumented) went beyond --max-conversations ").append(fmt(res.maxConversations()))
             .append(": they are in every total but have no row here or in conversations.csv.</p>\n");
        }
        List<Conversation> shown = pairs.subList(0, Math.min(PAIRS_SHOWN, pairs.size()));
        Map<String, Map<String, Explained>> why = undocumentedServices(flows, shown);
        h.append("<table id=\"pairs-table\" class=\"sortable\"><thead><tr><th>status</th><th>host a</th><th>host b</th>")
         .append("<th>flows</th><th title=\"undocumented flows\">undoc.</th><th>packets</th><th>bytes</th><th>services</th>")
         .append("<th>undocumented services and why</th></tr></thead><tbody>\n");
        for (Conversation c : shown) {
            h.append("<tr><td>").append(badge(c)).append("</td><td>").append(host(c.hostA().text(), c.roleA(), c.nameA()))
             .append("</td><td>").append(host(c.hostB().text(), c.roleB(), c.nameB())).append("</td><td class=\"n\" data-v=\"")
             .append(c.flows()).append("\">").append(fmt(c.flows())).append("</td><td class=\"n\" data-v=\"")
             .append(c.undocumented()).append("\">").append(fmt(c.undocumented())).append("</td><td class=\"n\" data-v=\"")
             .append(c.packets()).append("\">").append(fmt(c.packets())).append("</td>").append(HtmlPage.bytesCell(c.bytes()))
             .append("<td><code>").append(esc(ServicesText.of(c))).append("</code></td><td class=\"r\">");
            Map<String, Explained> reasons = c.compliant() ? null : why.get(pairKey(c.hostA(), c.hostB()));
            if (reasons != null && !reasons.isEmpty()) {
                reasons.values().forEach(e -> h.append("<div><b>").append(e.mark).append(esc(e.services())).append("</b>")
                        .append(e.services.isEmpty() ? "" : ": ").append(esc(e.reason)).append("</div>"));
            } else if (!c.compliant()) {
                h.append("<span class=\"muted\">scan probes or rows beyond --max-flow-rows (see flows.csv)</span>");
            }
            h.append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
        if (pairs.size() > PAIRS_SHOWN) {
            long nonCompliant = pairs.stream().skip(PAIRS_SHOWN).filter(c -> !c.compliant()).count();
            h.append("<p class=\"muted\">").append(fmt(pairs.size() - PAIRS_SHOWN)).append(" more pairs (")
             .append(fmt(nonCompliant)).append(" non-compliant) in conversations.csv.</p>\n");
        }
    }

    /**
     * Per non-compliant pair shown, why its flows are undocumented: one entry per reason (port and hosts
     * taken out, as the findings group them) with the services it covers; at most a few reasons per pair.
     */
    private static Map<String, Map<String, Explained>> undocumentedServices(List<FlowRecord> flows, List<Conversation> shown) {
        Map<String, Map<String, Explained>> out = new HashMap<>();
        for (Conversation c : shown) {
            if (!c.compliant()) {
                out.put(pairKey(c.hostA(), c.hostB()), new LinkedHashMap<>());
            }
        }
        for (FlowRecord f : flows) {
            Map<String, Explained> reasons = f.documented() ? null : out.get(pairKey(f.initiator(), f.responder()));
            if (reasons == null) {
                continue;
            }
            String shape = FindingGroups.shape(f);
            Explained e = reasons.get(shape);
            if (e == null && reasons.size() < SERVICES_EXPLAINED) {
                e = new Explained(f.reason(), f.verdict() == Verdict.PORT_ONLY ? "? " : "✗ ");
                reasons.put(shape, e);
            }
            if (e == null) {
                reasons.computeIfAbsent("", k -> new Explained("further reasons: see flows.csv", "")).add("");
            } else {
                e.add(service(f));
            }
        }
        return out;
    }

    /** One reason of a pair's undocumented flows: the first flow's words, its first services, how many flows. */
    private static final class Explained {
        static final int SERVICES_NAMED = 3;
        final String reason;
        final String mark;
        final List<String> services = new ArrayList<>(SERVICES_NAMED);
        long flows;

        Explained(String reason, String mark) {
            this.reason = reason;
            this.mark = mark;
        }

        void add(String service) {
            flows++;
            if (!service.isEmpty() && services.size() < SERVICES_NAMED && !services.contains(service)) {
                services.add(service);
            }
        }

        String services() {
            String named = String.join(", ", services);
            return flows > services.size() && services.size() == SERVICES_NAMED ? named + " … (" + fmt(flows) + " flows)" : named;
        }
    }

    private static String pairKey(IpAddress a, IpAddress b) {
        return IpAddress.TEXT_ORDER.compare(a, b) <= 0 ? a.text() + ' ' + b.text() : b.text() + ' ' + a.text();
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
    private static void unused(Html h, AuditReport r) {
        h.append("<h2>Documented openings nobody used (").append(fmt(r.unused().size())).append(")</h2>\n");
        if (r.unused().isEmpty()) {
            h.append("<p>None.</p>\n");
            return;
        }
        long window = r.stats().lastNanos - r.stats().firstNanos;
        boolean credible = r.stats().firstNanos >= EARLIEST_CREDIBLE_NANOS
                && r.stats().lastNanos <= r.generatedAtMillis() * 1_000_000L + FUTURE_SLACK_NANOS;
        if (!credible) { // one packet stamped 2100 must not make a second of traffic look like years
            h.append("<p id=\"unused-warning\" class=\"warn\">⚠ The capture's times run before 2000 or past the time this")
             .append(" report was written (damaged timestamps), so its window proves nothing: an opening unused here may be")
             .append(" used daily; use --state over days before closing anything.</p>\n");
        } else if (window < SHORT_WINDOW_NANOS) {
            h.append("<p id=\"unused-warning\" class=\"warn\">⚠ ").append(esc(span(window)))
             .append(" of traffic: an opening unused here may be used daily; use --state over days before closing anything.</p>\n");
        }
        // One row per catalog rule, its unused destinations together (unused.csv has one row per opening).
        Map<String, UnusedGroup> byRule = new LinkedHashMap<>();
        for (UnusedOpening u : r.unused()) {
            UnusedGroup g = byRule.computeIfAbsent(u.rule(), k -> new UnusedGroup(u));
            if (g.count++ < UNUSED_DESTINATIONS_SHOWN) {
                g.where.append(g.count > 1 ? ", " : "").append(u.destination().isEmpty() ? "any" : u.destination());
            }
        }
        h.append("<details id=\"unused\"><summary>").append(fmt(byRule.size())).append(" catalog rows with ")
         .append(fmt(r.unused().size())).append(" openings no flow used (show)</summary>\n")
         .append("<p class=\"muted\">Each catalog row whose opening no flow used, with the inventory destinations it names")
         .append(" (candidates to close in a firewall; unused.csv has one row per opening).</p>\n");
        h.append("<table class=\"sortable\"><thead><tr><th>rule</th><th>service</th><th>from</th><th>to</th><th>unused at</th>")
         .append("<th>purpose</th></tr></thead><tbody>\n");
        int shown = 0;
        for (UnusedGroup g : byRule.values()) {
            if (shown++ == UNUSED_SHOWN) {
                break;
            }
            UnusedOpening u = g.first;
            if (g.count > UNUSED_DESTINATIONS_SHOWN) {
                g.where.append(" and ").append(fmt(g.count - UNUSED_DESTINATIONS_SHOWN)).append(" more in unused.csv");
            }
            h.append("<tr><td class=\"t\"><code>").append(esc(u.rule())).append("</code></td><td class=\"t\">")
             .append(esc(u.ports().isEmpty() ? u.protocol() : u.ports() + "/" + u.protocol())).append("</td><td>")
             .append(esc(u.sourceRole())).append("</td><td>").append(esc(u.destinationRole())).append("</td><td><code>")
             .append(esc(g.where.toString())).append("</code></td><td class=\"r\">").append(esc(u.purpose())).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
        if (byRule.size() > UNUSED_SHOWN) {
            h.append("<p class=\"muted\">").append(fmt(byRule.size() - UNUSED_SHOWN)).append(" more rules in unused.csv.</p>\n");
        }
        h.append("</details>\n");
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

    private static void inputs(Html h, AuditReport r) {
        RunStats s = r.stats();
        h.append("<h2>Input</h2>\n<table><thead><tr><th>input</th><th>packets</th><th>problems</th><th>read completely</th>")
         .append("<th>error</th></tr></thead><tbody>\n");
        List<RunStats.InputStats> listed = s.inputs();
        for (RunStats.InputStats in : listed.subList(0, Math.min(listed.size(), Completeness.INPUTS_LISTED))) {
            h.append("<tr><td>").append(esc(in.name)).append("</td><td class=\"n\">").append(fmt(in.packets))
             .append("</td><td class=\"n\">").append(fmt(in.problems)).append("</td><td>")
             .append(in.readCompletely ? "✓ yes" : "<span class=\"bad\">✗ no</span>").append("</td><td>")
             .append(esc(in.error)).append("</td></tr>\n");
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
         .append(". The CSV files beside this page hold every row.</p>\n").append(HtmlPage.SCRIPT).append("</body></html>\n");
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

    private static void card(Html h, String label, String value, String cls) {
        h.append("<div class=\"card\"><b class=\"").append(cls).append("\">").append(cls.equals("bad") ? "✗ " : "")
         .append(esc(value)).append("</b>").append(esc(label)).append("</div>");
    }

    private static String host(String address, String role, String name) {
        return "<code class=\"nw\">" + esc(address) + "</code> <span class=\"muted\">" + esc(role)
                + (name == null || name.isEmpty() ? "" : " · " + esc(name)) + "</span>";
    }

    private static String hostName(String address, String name) {
        return name == null || name.isEmpty() ? "<code class=\"nw\">" + esc(address) + "</code>"
                : "<span class=\"nw\" title=\"" + esc(address) + "\">" + esc(name) + "</span>";
    }

    private static void verdictChart(Html h, long docFlows, long undocFlows, long portOnlyFlows, long docBytes, long otherBytes) {
        int width = 640;
        h.append("<svg class=\"chart\" role=\"img\" aria-label=\"traffic per verdict\" viewBox=\"0 0 ").append(width + 80)
         .append(" 96\" width=\"").append(width + 80).append("\" height=\"96\" xmlns=\"http://www.w3.org/2000/svg\" font-size=\"12\">\n");
        String portOnly = portOnlyFlows > 0 ? " / ? " + fmt(portOnlyFlows) + " port-only (in red: not documented)" : "";
        bar(h, 0, "flows", docFlows, undocFlows + portOnlyFlows, width, "✓ " + fmt(docFlows) + " documented / ✗ "
                + fmt(undocFlows) + " undocumented" + portOnly);
        bar(h, 44, "bytes", docBytes, otherBytes, width, "✓ " + HtmlPage.bytes(docBytes) + " documented / ✗ "
                + HtmlPage.bytes(otherBytes) + (portOnlyFlows > 0 ? " not documented" : " undocumented"));
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

    /** Bars per pair: non-compliant pairs first, hosts by inventory name, ✓/✗ and counts beside the colours. */
    private static void pairChart(Html h, List<Conversation> pairs) {
        List<Conversation> top = pairs.stream().sorted(Comparator.comparing(Conversation::compliant)
                .thenComparing(Comparator.comparingLong(Conversation::bytes).reversed())).limit(PAIRS_CHARTED).toList();
        if (top.isEmpty()) {
            h.append("<p>No traffic.</p>\n");
            return;
        }
        long max = Math.max(1, top.stream().mapToLong(Conversation::bytes).max().orElse(1));
        int label = 360;
        int width = 300;
        int rowH = 20;
        h.append("<svg id=\"pair-chart\" class=\"chart\" role=\"img\" aria-label=\"bytes per pair\" viewBox=\"0 0 ")
         .append(label + width + 200).append(" ").append(top.size() * rowH + 24).append("\" width=\"").append(label + width + 200)
         .append("\" height=\"").append(top.size() * rowH + 24).append("\" xmlns=\"http://www.w3.org/2000/svg\" font-size=\"12\">\n");
        int y = 0;
        for (Conversation c : top) {
            int total = (int) Math.max(1, Math.round((double) c.bytes() / max * width));
            int good = (int) Math.round((double) c.documentedBytes() / Math.max(1, c.bytes()) * total);
            String mark = c.compliant() ? "✓ " : "✗ ";
            h.append("<text x=\"0\" y=\"").append(y + 14).append("\"").append(c.compliant() ? "" : " font-weight=\"bold\"")
             .append("><title>").append(esc(c.hostA().text() + " ↔ " + c.hostB().text())).append("</title>")
             .append(esc(mark + shortName(c.hostA().text(), c.nameA()) + " ↔ " + shortName(c.hostB().text(), c.nameB())))
             .append("</text><rect x=\"").append(label).append("\" y=\"").append(y + 3).append("\" width=\"").append(good)
             .append("\" height=\"14\" fill=\"#2da44e\"/><rect x=\"").append(label + good).append("\" y=\"").append(y + 3)
             .append("\" width=\"").append(total - good).append("\" height=\"14\" fill=\"#cf222e\"/><text x=\"")
             .append(label + total + 6).append("\" y=\"").append(y + 14).append("\" fill=\"#57606a\">")
             .append(esc(HtmlPage.bytes(c.bytes()))).append(c.compliant() ? "" : ", " + fmt(c.undocumented()) + " undoc. flows")
             .append("</text>\n");
            y += rowH;
        }
        h.append("<text x=\"").append(label).append("\" y=\"").append(y + 16)
         .append("\" fill=\"#57606a\">✓ compliant pair, ✗ non-compliant; green: documented bytes, red: undocumented</text>\n</svg>\n");
    }

    /** The inventory name when there is one (cut to fit the chart's label column), else the address. */
    private static String shortName(String address, String name) {
        String s = name == null || name.isEmpty() ? address : name;
        return s.length() > 22 ? s.substring(0, 21) + "…" : s;
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
