package dev.ucaudit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ucaudit.audit.FlowRecord;
import dev.ucaudit.audit.UnusedOpening;
import dev.ucaudit.catalog.Roles;
import dev.ucaudit.diff.FlowRow;
import dev.ucaudit.diff.UnusedRow;
import dev.ucaudit.history.OpeningHistory;
import dev.ucaudit.history.UnusedHistoryCsv;
import dev.ucaudit.policy.AllowedPolicy;
import dev.ucaudit.policy.PolicyCheck;
import dev.ucaudit.policy.PolicyCsv;
import dev.ucaudit.report.AtomicFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code audit --allowed/--state} adds to a report folder, kept apart from the audit itself:
 * the policy check (escaped.csv, unused-allowed.csv, summary.json "policy") and the unused-over-time
 * history (state file, unused-history.csv, summary.json "unused_history").
 */
record ReportExtras(AllowedPolicy policy, Roles roles, Path state) {
    static final ReportExtras NONE = new ReportExtras(null, null, null);

    /** The extras' findings for one run, ready to be written beside the report. */
    record Outcome(ReportExtras extras, PolicyCheck.Result policyResult, List<FlowRow> flows, List<UnusedRow> unused,
                   Instant runTime) {
        boolean fails(List<String> failOn) {
            boolean selected = failOn.stream().anyMatch(f -> f.toLowerCase(Locale.ROOT).equals("escaped"));
            return selected && policyResult != null && !policyResult.escaped().isEmpty();
        }

        /** Writes the extra files, then adds their sections to summary.json (written last, as ReportWriter does). */
        void write(Path dir, PrintWriter out) throws IOException {
            Map<String, Object> sections = new LinkedHashMap<>();
            if (policyResult != null) {
                PolicyCsv.writeEscaped(dir.resolve("escaped.csv"), policyResult);
                PolicyCsv.writeUnusedAllowed(dir.resolve("unused-allowed.csv"), policyResult);
                sections.put("policy", PolicyCsv.summary(policyResult));
                out.printf(Locale.ROOT, "ucaudit: policy %s: %d flows escaped it (escaped.csv), %d allowed rules unused (unused-allowed.csv)%n",
                        extras.policy().source(), policyResult.escaped().size(), policyResult.unusedRules().size());
            }
            if (extras.state() != null) {
                OpeningHistory history = OpeningHistory.load(extras.state());
                history.update(flows, unused, runTime);
                history.save(extras.state());
                UnusedHistoryCsv.write(dir.resolve("unused-history.csv"), unused, history, runTime);
                long max = unused.stream().mapToLong(u -> history.daysUnused(u.key(), runTime).orElse(0L)).max().orElse(0);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("state_file", extras.state().toString());
                m.put("openings_tracked", history.size());
                m.put("as_of", runTime.toString());
                m.put("longest_unused_days", max);
                sections.put("unused_history", m);
                out.printf(Locale.ROOT, "ucaudit: state %s updated; longest-unused opening: %d days (unused-history.csv)%n",
                        extras.state(), max);
            }
            if (!sections.isEmpty()) {
                amendSummary(dir.resolve("summary.json"), sections);
            }
            out.flush();
        }
    }

    /** Checks the flows against the policy and captures what the state update needs; writes nothing. */
    Outcome evaluate(List<FlowRecord> records, List<UnusedOpening> unusedOpenings, long lastPacketNanos) {
        if (policy == null && state == null) {
            return new Outcome(this, null, List.of(), List.of(), Instant.now());
        }
        List<FlowRow> flows = records.stream().map(FlowRow::of).toList();
        List<UnusedRow> unused = unusedOpenings.stream().map(UnusedRow::of).toList();
        PolicyCheck.Result result = policy == null ? null : new PolicyCheck(policy, roles).check(flows);
        Instant runTime = lastPacketNanos == Long.MIN_VALUE ? Instant.now()
                : Instant.ofEpochSecond(Math.floorDiv(lastPacketNanos, 1_000_000_000L), Math.floorMod(lastPacketNanos, 1_000_000_000L));
        return new Outcome(this, result, flows, unused, runTime);
    }

    boolean isEmpty() {
        return policy == null && state == null;
    }

    /** Adds sections to summary.json before its "fail_on" key, keeping every other key as written. */
    private static void amendSummary(Path file, Map<String, Object> sections) throws IOException {
        if (!Files.isRegularFile(file)) {
            return;
        }
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode old = (ObjectNode) mapper.readTree(file.toFile());
        ObjectNode fresh = mapper.createObjectNode();
        boolean placed = false;
        for (Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = old.fields(); it.hasNext();) {
            Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> e = it.next();
            if (!placed && e.getKey().equals("fail_on")) {
                sections.forEach((k, v) -> fresh.set(k, mapper.valueToTree(v)));
                placed = true;
            }
            fresh.set(e.getKey(), e.getValue());
        }
        if (!placed) {
            sections.forEach((k, v) -> fresh.set(k, mapper.valueToTree(v)));
        }
        String json = mapper.writeValueAsString(fresh);
        AtomicFile.write(file, w -> w.write(json + "\n"));
    }
}
