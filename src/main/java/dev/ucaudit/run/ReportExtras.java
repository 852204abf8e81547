package dev.ucaudit.run;

import java.util.ArrayList;
import dev.ucaudit.audit.FlowRecord;
import dev.ucaudit.audit.UnusedOpening;
import dev.ucaudit.catalog.Roles;
import dev.ucaudit.report.FlowRow;
import dev.ucaudit.diff.UnusedRow;
import dev.ucaudit.history.OpeningHistory;
import dev.ucaudit.history.UnusedHistoryCsv;
import dev.ucaudit.policy.AllowedPolicy;
import dev.ucaudit.policy.PolicyCheck;
import dev.ucaudit.policy.PolicyCsv;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code audit --allowed/--state} adds to a report folder, kept apart from the audit itself:
 * the policy check (escaped.csv, unused-allowed.csv, summary.json "policy") and the unused-over-time
 * history (state file, unused-history.csv, summary.json "unused_history").
 */
public record ReportExtras(AllowedPolicy policy, Roles roles, Path state, OpeningHistory.Tracked tracked, boolean newHistory) {
    public static final ReportExtras NONE = new ReportExtras(null, null, null, null, false);

    /** The extras' findings for one run, ready to be written beside the report. */
    public record Outcome(ReportExtras extras, PolicyCheck.Result policyResult, List<FlowRow> flows, List<UnusedRow> unused,
                   Instant runTime) {
        public boolean fails(List<String> failOn) {
            boolean selected = failOn.stream().anyMatch(f -> f.toLowerCase(Locale.ROOT).equals("escaped"));
            return selected && policyResult != null && !policyResult.escaped().isEmpty();
        }

        /**
         * Writes the extra files (and saves the state file) into a report folder being built; returns the
         * sections summary.json gets (the caller writes it last) and the lines to print once it is in place.
         */
        public Written write(Path dir) throws IOException {
            Map<String, Object> sections = new LinkedHashMap<>();
            List<String> lines = new ArrayList<>();
            if (policyResult != null) {
                PolicyCsv.writeEscaped(dir.resolve("escaped.csv"), policyResult);
                PolicyCsv.writeUnusedAllowed(dir.resolve("unused-allowed.csv"), policyResult);
                sections.put("policy", PolicyCsv.summary(policyResult));
                lines.add(String.format(Locale.ROOT, "ucaudit: policy %s: %d flows escaped it (escaped.csv), %d allowed rules unused (unused-allowed.csv)",
                        extras.policy().source(), policyResult.escaped().size(), policyResult.unusedRules().size()));
            }
            if (extras.state() != null) {
                OpeningHistory history = extras.newHistory() ? OpeningHistory.empty() : OpeningHistory.load(extras.state());
                String refused = history.refusal(extras.state(), extras.tracked()).orElse(null);
                if (refused != null) { // checked before reading; another run may have changed the file since
                    throw new IllegalArgumentException(refused);
                }
                OpeningHistory.Update update = history.update(flows, unused, runTime, extras.tracked(), Instant.now());
                Instant clock = update.clock();
                history.save(extras.state());
                UnusedHistoryCsv.write(dir.resolve("unused-history.csv"), unused, history, clock);
                long max = unused.stream().mapToLong(u -> history.daysUnused(u.key(), clock).orElse(0L)).max().orElse(0);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("state_file", extras.state().toString());
                m.put("openings_tracked", history.size());
                m.put("as_of", clock.toString());
                m.put("longest_unused_days", max);
                if (update.damagedTimes() > 0) {
                    m.put("damaged_times", update.damagedTimes());
                    lines.add(String.format(Locale.ROOT, "ucaudit: state: %,d capture times after the wall clock or before %s"
                            + " (first: %s) noted as damage: they do not move the state's clock (%s) nor count as uses",
                            update.damagedTimes(), OpeningHistory.EARLIEST.toString().substring(0, 4), update.firstDamaged(), clock));
                }
                sections.put("unused_history", m);
                lines.add(String.format(Locale.ROOT, "ucaudit: state %s updated; longest-unused opening: %d days (unused-history.csv)",
                        extras.state(), max));
            }
            return new Written(sections, lines);
        }
    }

    /** What {@link Outcome#write} wrote: summary.json's extra sections and the lines that tell the user. */
    public record Written(Map<String, Object> sections, List<String> lines) {
    }

    /** Checks the flows against the policy and captures what the state update needs; writes nothing. */
    public Outcome evaluate(List<FlowRecord> records, List<UnusedOpening> unusedOpenings, long lastPacketNanos) {
        if (policy == null && state == null) {
            return new Outcome(this, null, List.of(), List.of(), Instant.now());
        }
        List<FlowRow> flows = records.stream().map(FlowRow::of).toList();
        List<UnusedRow> unused = unusedOpenings.stream().map(ReportExtras::unusedRow).toList();
        PolicyCheck.Result result = policy == null ? null : new PolicyCheck(policy, roles).check(flows);
        Instant runTime = lastPacketNanos == Long.MIN_VALUE ? Instant.now()
                : Instant.ofEpochSecond(Math.floorDiv(lastPacketNanos, 1_000_000_000L), Math.floorMod(lastPacketNanos, 1_000_000_000L));
        return new Outcome(this, result, flows, unused, runTime);
    }

    private static UnusedRow unusedRow(UnusedOpening u) {
        return new UnusedRow(u.rule(), u.protocol(), u.ports(), u.sourceRole(), u.destinationRole(), u.destination(),
                u.purpose());
    }
}
