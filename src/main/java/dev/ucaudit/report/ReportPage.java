package dev.ucaudit.report;

import dev.ucaudit.audit.AuditResult;
import dev.ucaudit.audit.ContentSeen;
import dev.ucaudit.audit.Conversation;
import dev.ucaudit.audit.FlowRecord;
import dev.ucaudit.audit.RunStats;
import dev.ucaudit.audit.UnusedOpening;
import dev.ucaudit.audit.Verdict;
import dev.ucaudit.inventory.IpAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What report.html shows, as typed values, before any markup: the cards, the findings ranked by risk
 * with what to do, the voice summary, the pairs with why their flows are undocumented (and who opened
 * them), the unused openings per rule. Bounded as the page is: top N of each list, the counts of the
 * rest. {@link HtmlReport} writes it.
 */
record ReportPage(AuditReport report, List<FlowRecord> flows, String inputs, List<String> incomplete, List<Card> cards,
                  FindingGroups groups, List<Triage.Finding> findings, VoiceSummary voice, List<Conversation> pairsShown,
                  Map<String, List<PairReason>> pairReasons, List<UnusedRule> unusedRules, UnusedWarning unusedWarning) {
    /** Inputs named in the page's title and header (the others are counted). */
    static final int TITLE_INPUTS = 5;
    static final int FINDING_GROUPS_SHOWN = 100;
    static final int UNUSED_SHOWN = 500;
    /** Pairs listed on the page; conversations.csv has them all. */
    static final int PAIRS_SHOWN = 1_000;
    /** Reasons explained per pair. */
    static final int SERVICES_EXPLAINED = 4;
    /** Destinations named per unused rule on the page; unused.csv has them all. */
    static final int UNUSED_DESTINATIONS_SHOWN = 50;
    /** Below a week of traffic, an unused opening may just not have had its day yet. */
    private static final long SHORT_WINDOW_NANOS = 7L * 86_400 * 1_000_000_000L;
    /** Capture times before 2000, or more than a day after the report was written, are damage: no window. */
    private static final long EARLIEST_CREDIBLE_NANOS = 946_684_800L * 1_000_000_000L;
    private static final long FUTURE_SLACK_NANOS = 86_400L * 1_000_000_000L;

    /** A summary card: its value, what it counts, and its colour class ({@code good}, {@code bad}, {@code unknown} or empty). */
    record Card(String label, String value, String cls) {
    }

    /**
     * One reason of a pair's undocumented flows: the first flow's words, its first services, how many flows,
     * and who opened them ({@code initiator} → {@code responder}; {@code oneWay} when every flow of the reason had that direction).
     */
    record PairReason(String mark, String reason, List<String> services, long flows, IpAddress initiator, IpAddress responder,
                      boolean oneWay) {
        static final int SERVICES_NAMED = 3;

        String servicesText() {
            String named = String.join(", ", services);
            return flows > services.size() && services.size() == SERVICES_NAMED ? named + " … (" + HtmlReport.fmt(flows) + " flows)" : named;
        }
    }

    /** The unused openings of one catalog rule: the first, how many, the first destinations. */
    record UnusedRule(UnusedOpening first, long count, List<String> destinations) {
    }

    /** Why the unused openings prove little: a window too short, or capture times that cannot be right. */
    enum UnusedWarning { NONE, SHORT_WINDOW, DAMAGED_TIMES }

    static ReportPage of(AuditReport r, List<FlowRecord> flows) {
        AuditResult res = r.result();
        List<String> incomplete = Completeness.reasons(r);
        FindingGroups groups = FindingGroups.of(flows);
        List<Triage.Finding> ranked = Triage.rank(groups.largestFirst(), r.catalog());
        List<Conversation> pairs = res.conversations();
        List<Conversation> shown = pairs.subList(0, Math.min(PAIRS_SHOWN, pairs.size()));
        boolean allListed = res.flowsNotListed() == 0 && res.scanFlowsSummarized() == 0;
        return new ReportPage(r, flows, Completeness.inputNames(r.stats(), TITLE_INPUTS), incomplete, cards(r, incomplete), groups,
                ranked.subList(0, Math.min(FINDING_GROUPS_SHOWN, ranked.size())),
                VoiceSummary.of(r.inspection(), flows, r.catalog(), allListed), shown, pairReasons(flows, shown),
                unusedRules(r.unused()), unusedWarning(r));
    }

    private static List<Card> cards(AuditReport r, List<String> incomplete) {
        RunStats s = r.stats();
        AuditResult res = r.result();
        long nonCompliant = res.conversationsUnordered().stream().filter(c -> !c.compliant()).count();
        long contradicted = res.flows(ContentSeen.CONTRADICTED);
        return List.of(new Card("packets read", HtmlReport.fmt(s.packets), ""),
                new Card("flows", HtmlReport.fmt(res.flows()), ""),
                new Card("documented", HtmlReport.fmt(res.documented()), "good"),
                new Card("of which by port alone", HtmlReport.fmt(res.flows(ContentSeen.PORT_ALONE)), ""),
                new Card("not the port's protocol", HtmlReport.fmt(contradicted), contradicted > 0 ? "bad" : ""),
                new Card("undocumented", HtmlReport.fmt(res.undocumented()), res.undocumented() > 0 || !incomplete.isEmpty() ? "bad" : "good"),
                new Card("port-only (roles unknown)", HtmlReport.fmt(res.portOnly()), res.portOnly() > 0 ? "unknown" : ""),
                new Card("non-compliant pairs", HtmlReport.fmt(nonCompliant) + " / " + HtmlReport.fmt(res.conversationsUnordered().size()),
                        nonCompliant > 0 ? "bad" : "good"),
                new Card("unused openings", HtmlReport.fmt(r.unused().size()), ""),
                new Card("packets not decodable", HtmlReport.fmt(s.undecodableTotal()), s.undecodableTotal() > 0 ? "bad" : ""),
                new Card("read problems", HtmlReport.fmt(s.problemsTotal()), s.problemsTotal() > 0 ? "bad" : ""));
    }

    /** Undocumented flows not in the groups listed: scan probes summarized, rows beyond --max-flow-rows. */
    long undocumentedUnlisted() {
        return report.result().undocumented() - flows.stream().filter(f -> f.verdict() == Verdict.UNDOCUMENTED).count();
    }

    /** Flows of the groups shown. */
    long findingsListed() {
        return findings.stream().mapToLong(f -> f.group().flows()).sum();
    }

    static String pairKey(IpAddress a, IpAddress b) {
        return IpAddress.TEXT_ORDER.compare(a, b) <= 0 ? a.text() + ' ' + b.text() : b.text() + ' ' + a.text();
    }

    /**
     * Per non-compliant pair shown, why its flows are undocumented: one entry per reason (port and hosts
     * taken out, as the findings group them) with the services it covers; at most a few reasons per pair.
     */
    private static Map<String, List<PairReason>> pairReasons(List<FlowRecord> flows, List<Conversation> shown) {
        Map<String, Map<String, Reasons>> out = new HashMap<>();
        for (Conversation c : shown) {
            if (!c.compliant()) {
                out.put(pairKey(c.hostA(), c.hostB()), new LinkedHashMap<>());
            }
        }
        for (FlowRecord f : flows) {
            Map<String, Reasons> reasons = f.documented() ? null : out.get(pairKey(f.initiator(), f.responder()));
            if (reasons == null) {
                continue;
            }
            String shape = FindingGroups.shape(f);
            Reasons e = reasons.get(shape);
            if (e == null && reasons.size() < SERVICES_EXPLAINED) {
                e = new Reasons(f.reason(), f.verdict() == Verdict.PORT_ONLY ? "? " : "✗ ", f);
                reasons.put(shape, e);
            }
            if (e == null) {
                reasons.computeIfAbsent("", k -> new Reasons("further reasons: see flows.csv", "", null)).add(null);
            } else {
                e.add(f);
            }
        }
        Map<String, List<PairReason>> frozen = new HashMap<>();
        out.forEach((pair, reasons) -> frozen.put(pair, reasons.values().stream().map(Reasons::freeze).toList()));
        return frozen;
    }

    /** A pair's reason being gathered: see {@link PairReason}. */
    private static final class Reasons {
        final String reason;
        final String mark;
        final FlowRecord first;
        final List<String> services = new ArrayList<>(PairReason.SERVICES_NAMED);
        long flows;
        boolean oneWay = true;

        Reasons(String reason, String mark, FlowRecord first) {
            this.reason = reason;
            this.mark = mark;
            this.first = first;
        }

        void add(FlowRecord f) {
            flows++;
            if (f == null) {
                return;
            }
            oneWay &= f.initiator().equals(first.initiator());
            String service = HtmlReport.service(f);
            if (services.size() < PairReason.SERVICES_NAMED && !services.contains(service)) {
                services.add(service);
            }
        }

        PairReason freeze() {
            return new PairReason(mark, reason, List.copyOf(services), flows, first == null ? null : first.initiator(),
                    first == null ? null : first.responder(), oneWay);
        }
    }

    /** One row per catalog rule, its unused destinations together (unused.csv has one row per opening). */
    private static List<UnusedRule> unusedRules(List<UnusedOpening> unused) {
        Map<String, List<UnusedOpening>> byRule = new LinkedHashMap<>();
        Map<String, long[]> counts = new HashMap<>();
        for (UnusedOpening u : unused) {
            List<UnusedOpening> kept = byRule.computeIfAbsent(u.rule(), k -> new ArrayList<>());
            long n = ++counts.computeIfAbsent(u.rule(), k -> new long[1])[0];
            if (n <= UNUSED_DESTINATIONS_SHOWN && byRule.size() <= UNUSED_SHOWN) {
                kept.add(u);
            }
        }
        List<UnusedRule> out = new ArrayList<>(byRule.size());
        byRule.forEach((rule, kept) -> out.add(new UnusedRule(kept.isEmpty() ? null : kept.get(0), counts.get(rule)[0],
                kept.stream().map(u -> u.destination().isEmpty() ? "any" : u.destination()).toList())));
        return out;
    }

    private static UnusedWarning unusedWarning(AuditReport r) {
        RunStats s = r.stats();
        boolean credible = s.firstNanos >= EARLIEST_CREDIBLE_NANOS && s.lastNanos <= r.generatedAtMillis() * 1_000_000L + FUTURE_SLACK_NANOS;
        if (!credible) { // one packet stamped 2100 must not make a second of traffic look like years
            return UnusedWarning.DAMAGED_TIMES;
        }
        return s.lastNanos - s.firstNanos < SHORT_WINDOW_NANOS ? UnusedWarning.SHORT_WINDOW : UnusedWarning.NONE;
    }
}
