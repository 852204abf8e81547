package dev.ucaudit.diff;

import dev.ucaudit.report.SummaryKeys;
import java.util.TreeSet;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ucaudit.policy.PolicyCheck;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/** Compares two report folders signature by signature, and opening by opening. */
public final class ReportDiff {
    private ReportDiff() {
    }

    /** The rows of diff.csv in order (by change kind, then signature), and their counts. */
    public record Result(List<DiffRow> rows, Map<Change, Long> counts) {
        public long count(Change c) {
            return counts.getOrDefault(c, 0L);
        }

        static Result of(List<DiffRow> rows) {
            List<DiffRow> sorted = new ArrayList<>(rows);
            sorted.sort(Comparator.comparing(DiffRow::change));
            Map<Change, Long> counts = new EnumMap<>(Change.class);
            for (DiffRow r : sorted) {
                counts.merge(r.change(), 1L, Long::sum);
            }
            return new Result(List.copyOf(sorted), counts);
        }
    }

    /**
     * Flow changes between two reports, opening changes, and (when {@code daysUnused} knows them)
     * openings unused for at least {@code unusedDays} days; plus the policy rows when given.
     */
    public static Result compare(ReportFolder baseline, ReportFolder current, Function<UnusedRow, Optional<Long>> daysUnused,
                                 int unusedDays, Optional<PolicyCheck.Result> policy) {
        return compare(baseline, current, daysUnused, unusedDays, policy, Optional.empty());
    }

    /**
     * As above; {@code baselinePolicy}, the same policy checked on the baseline's flows, tells escaped flows the
     * baseline had (escaped: a standing state) from new ones (new-escaped).
     */
    public static Result compare(ReportFolder baseline, ReportFolder current, Function<UnusedRow, Optional<Long>> daysUnused,
                                 int unusedDays, Optional<PolicyCheck.Result> policy, Optional<PolicyCheck.Result> baselinePolicy) {
        List<DiffRow> rows = new ArrayList<>();
        if (baseline != null) {
            rows.addAll(flowChanges(SignatureStats.group(baseline.flows()), SignatureStats.group(current.flows())));
            rows.addAll(openingChanges(baseline.unused(), current.unused(), daysUnused));
            rows.addAll(scanChanges(scans(baseline), scans(current)));
        }
        for (UnusedRow u : current.unused()) {
            Optional<Long> days = daysUnused.apply(u);
            if (days.isPresent() && days.get() >= unusedDays) {
                rows.add(opening(Change.LONG_UNUSED, u, days.get()));
            }
        }
        Set<FlowSignature> escapedBefore = baselinePolicy.map(ReportDiff::escapedSignatures).orElse(null);
        Set<String> scansBefore = baseline == null ? null : scans(baseline).keySet();
        policy.ifPresent(p -> {
            rows.addAll(policyRows(p, escapedBefore));
            rows.addAll(summarizedScanEscapes(current, scansBefore));
        });
        return Result.of(rows);
    }

    /** The scans summary.json lists, by "initiator protocol". */
    static Map<String, JsonNode> scans(ReportFolder r) {
        Map<String, JsonNode> out = new TreeMap<>();
        r.summary().ifPresent(s -> s.path(SummaryKeys.SCANS).path(SummaryKeys.LISTED)
                .forEach(n -> out.put(n.path("initiator").asText() + " " + n.path("protocol").asText(), n)));
        return out;
    }

    /** A scan the baseline did not have (or that probes more ports now) and a scan that is gone. */
    static List<DiffRow> scanChanges(Map<String, JsonNode> before, Map<String, JsonNode> after) {
        List<DiffRow> rows = new ArrayList<>();
        after.forEach((key, a) -> {
            JsonNode b = before.get(key);
            long portsNow = a.path("responder_ports").asLong();
            if (b == null) {
                rows.add(scanRow(Change.NEW_SCAN, a, null, "new scan: " + a.path("summary").asText()));
            } else if (portsNow > b.path("responder_ports").asLong()) {
                rows.add(scanRow(Change.NEW_SCAN, a, b, "scan widened from " + b.path("responder_ports").asLong() + " to "
                        + portsNow + " responder ports: " + a.path("summary").asText()));
            }
        });
        before.forEach((key, b) -> {
            if (!after.containsKey(key)) {
                rows.add(scanRow(Change.SCAN_GONE, null, b, "not seen in the current report; baseline: " + b.path("summary").asText()));
            }
        });
        return rows;
    }

    private static DiffRow scanRow(Change change, JsonNode after, JsonNode before, String reason) {
        JsonNode shown = after != null ? after : before;
        String responder = shown.path("responder").asText("");
        return new DiffRow(change, shown.path("initiator").asText(), "", responder.isEmpty()
                ? shown.path("responders").asLong() + " hosts" : responder, "", shown.path("protocol").asText(),
                shown.path("responder_ports").asLong() + " ports", before == null ? "" : "scan", after == null ? "" : "scan",
                before == null ? 0 : before.path("flows").asLong(), after == null ? 0 : after.path("flows").asLong(),
                before == null ? 0 : before.path("packets").asLong(), after == null ? 0 : after.path("packets").asLong(),
                -1, -1, "", reason, -1);
    }

    /**
     * Scan probes summarized in summary.json are not in flows.csv, so the policy cannot check them one by one:
     * each scan with summarized probes is an escaped row (fail closed), never silently allowed.
     */
    static List<DiffRow> summarizedScanEscapes(ReportFolder current, Set<String> scansBefore) {
        long summarized = current.summary().map(s -> s.path("scans").path("flows_summarized").asLong(0)).orElse(0L);
        if (summarized == 0) {
            return List.of();
        }
        List<DiffRow> rows = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : scans(current).entrySet()) {
            JsonNode scan = e.getValue();
            boolean isNew = scansBefore != null && !scansBefore.contains(e.getKey());
            DiffRow r = scanRow(isNew ? Change.NEW_ESCAPED : Change.ESCAPED, scan, null, scan.path("flows").asLong() + " probes of this scan are summarized,"
                    + " not listed in flows.csv, so the allowed-flows policy cannot check them: counted as escaped ("
                    + scan.path("summary").asText() + ")");
            rows.add(r);
        }
        return rows;
    }

    static List<DiffRow> flowChanges(Map<FlowSignature, SignatureStats> before, Map<FlowSignature, SignatureStats> after) {
        Set<FlowSignature> all = new TreeSet<>(before.keySet());
        all.addAll(after.keySet());
        List<DiffRow> rows = new ArrayList<>();
        for (FlowSignature sig : all) {
            SignatureStats b = before.get(sig);
            SignatureStats a = after.get(sig);
            Change change;
            if (b == null) {
                change = a.rank() == 0 ? Change.NEW_DOCUMENTED : Change.NEW_UNDOCUMENTED;
            } else if (a == null) {
                change = Change.GONE;
            } else if (a.rank() > b.rank()) {
                change = Change.VERDICT_CHANGE;
            } else if (a.rank() < b.rank()) {
                change = Change.VERDICT_FIXED;
            } else {
                continue;
            }
            SignatureStats shown = a != null ? a : b;
            String reason = change == Change.GONE ? "not seen in the current report; baseline: " + b.reason() : shown.reason();
            rows.add(new DiffRow(change, sig.initiator(), sig.initiatorRole(), sig.responder(), shown.responderRole(),
                    sig.protocol(), sig.port(), b == null ? "" : b.verdict(), a == null ? "" : a.verdict(),
                    b == null ? 0 : b.flows(), a == null ? 0 : a.flows(), b == null ? 0 : b.packets(),
                    a == null ? 0 : a.packets(), b == null ? 0 : b.bytes(), a == null ? 0 : a.bytes(),
                    !shown.rules().isEmpty() || b == null ? shown.rules() : b.rules(), reason, -1));
        }
        return rows;
    }

    static List<DiffRow> openingChanges(List<UnusedRow> before, List<UnusedRow> after,
                                        Function<UnusedRow, Optional<Long>> daysUnused) {
        Map<String, UnusedRow> b = byKey(before);
        Map<String, UnusedRow> a = byKey(after);
        List<DiffRow> rows = new ArrayList<>();
        for (UnusedRow u : a.values()) {
            if (!b.containsKey(u.key())) {
                rows.add(opening(Change.NEWLY_UNUSED, u, daysUnused.apply(u).orElse(-1L)));
            }
        }
        for (UnusedRow u : b.values()) {
            if (!a.containsKey(u.key())) {
                rows.add(opening(Change.NEWLY_USED, u, -1));
            }
        }
        return rows;
    }

    private static Map<String, UnusedRow> byKey(List<UnusedRow> rows) {
        Map<String, UnusedRow> out = new TreeMap<>();
        for (UnusedRow u : rows) {
            out.putIfAbsent(u.key(), u);
        }
        return out;
    }

    private static DiffRow opening(Change change, UnusedRow u, long days) {
        return new DiffRow(change, "", u.sourceRole(), u.destination(), u.destinationRole(), u.protocol(), u.ports(),
                "", "", -1, -1, -1, -1, -1, -1, u.rule(), u.purpose(), days);
    }

    /** Escaped flows (one row per signature, citing the nearest rule) and allowed rules nobody used. */
    /** The signatures of the flows a policy check found escaped. */
    static Set<FlowSignature> escapedSignatures(PolicyCheck.Result p) {
        Set<FlowSignature> out = new TreeSet<>();
        for (PolicyCheck.Escape e : p.escaped()) {
            out.add(FlowSignature.of(e.flow()));
        }
        return out;
    }

    /** As below; {@code escapedBefore} null: no baseline to call an escape new against (every escape is escaped). */
    static List<DiffRow> policyRows(PolicyCheck.Result p) {
        return policyRows(p, null);
    }

    static List<DiffRow> policyRows(PolicyCheck.Result p, Set<FlowSignature> escapedBefore) {
        Map<FlowSignature, List<PolicyCheck.Escape>> bySig = new TreeMap<>();
        for (PolicyCheck.Escape e : p.escaped()) {
            bySig.computeIfAbsent(FlowSignature.of(e.flow()), k -> new ArrayList<>()).add(e);
        }
        List<DiffRow> rows = new ArrayList<>();
        bySig.forEach((sig, list) -> {
            PolicyCheck.Escape first = list.get(0);
            Set<String> verdicts = new LinkedHashSet<>();
            long packets = 0;
            long bytes = 0;
            for (PolicyCheck.Escape e : list) {
                verdicts.add(e.flow().verdict());
                packets += e.flow().packets();
                bytes += e.flow().bytes();
            }
            String verdict = verdicts.size() == 1 ? verdicts.iterator().next() : SignatureStats.MIXED;
            Change kind = escapedBefore != null && !escapedBefore.contains(sig) ? Change.NEW_ESCAPED : Change.ESCAPED;
            rows.add(new DiffRow(kind, sig.initiator(), sig.initiatorRole(), sig.responder(),
                    first.flow().responderRole(), sig.protocol(), sig.port(), "", verdict, -1, list.size(), -1, packets,
                    -1, bytes, first.nearest().map(r -> r.origin()).orElse(""), first.why(), -1));
        });
        for (PolicyCheck.RuleUse u : p.unusedRules()) {
            var r = u.rule();
            rows.add(new DiffRow(Change.UNUSED_ALLOWED, "", r.source().text(), r.destination().text(), "",
                    r.protocolText(), r.ports().toString(), "", "", -1, 0, -1, 0, -1, 0, r.origin(),
                    r.comment().isEmpty() ? "allowed, but no observed flow used it" : r.comment(), -1));
        }
        return rows;
    }

    /** Counts per change label, all kinds present (zero when none), for diff --format json. */
    public static Map<String, Long> countsByLabel(Result r) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Change c : Change.values()) {
            out.put(c.label(), r.count(c));
        }
        return out;
    }
}
