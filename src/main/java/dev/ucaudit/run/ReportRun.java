package dev.ucaudit.run;

import dev.ucaudit.audit.RunCounts;
import dev.ucaudit.catalog.Catalog;
import dev.ucaudit.catalog.CatalogProblem;
import dev.ucaudit.engine.AuditOutcome;
import dev.ucaudit.inventory.Inventory;
import dev.ucaudit.report.AuditReport;
import dev.ucaudit.report.Completeness;
import dev.ucaudit.report.ReportFolderSwap;
import dev.ucaudit.report.ReportWriter;
import dev.ucaudit.report.SummaryJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one path from an audit's outcome to a written report, shared by {@code audit}, {@code live},
 * {@code merge} and {@code spark}: the exit status the outcome gives, the report folder built beside
 * {@code --out} and swapped in whole (with the partial audit and the policy and history files), and
 * summary.json written last. Prints nothing: the command line tells the user what {@link Written} holds.
 *
 * @param failOn what makes the exit status 1 (lower case: undocumented, port-only, unused, problems, escaped, none)
 */
public record ReportRun(Catalog catalog, List<CatalogProblem> catalogProblems, Inventory inventory,
                        List<CatalogProblem> inventoryProblems, List<String> failOn) {
    /** What {@code --fail-on} may name. */
    public static final Set<String> FAIL_ON = Set.of("undocumented", "port-only", "unused", "problems", "escaped", "none");
    /** The name a report folder gives its partial audit. */
    public static final String PARTIAL = "partial.bin.gz";

    public ReportRun {
        catalogProblems = List.copyOf(catalogProblems);
        inventoryProblems = List.copyOf(inventoryProblems);
        failOn = failOn.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }

    /**
     * Fail closed: a catalog or inventory file that cannot be used at all (missing, unreadable, a header
     * that is not one) ends the run before anything is read or written (the caller tells the user its problems).
     */
    public static void refuseUnusable(List<CatalogProblem> problems, String what) {
        List<String> files = problems.stream().filter(p -> p.line() == 0 || p.message().startsWith("header"))
                .map(CatalogProblem::file).distinct().toList();
        if (!files.isEmpty()) {
            throw new IllegalArgumentException("the " + what + " " + String.join(", ", files)
                    + " cannot be used (see above); nothing was audited and no report was written");
        }
    }

    /**
     * A report written (or, without a folder, only built).
     *
     * @param status     the exit status: 0, 1 (findings {@code failOn} selects), 2 (the report does not cover all its input)
     * @param incomplete why the report does not cover all its input (empty when it does)
     * @param extraLines what the policy check and the history say once the report is in place
     */
    public record Written(AuditReport report, int status, List<String> incomplete, List<String> extraLines) {
        public Written {
            incomplete = List.copyOf(incomplete);
            extraLines = List.copyOf(extraLines);
        }
    }

    /**
     * Writes the report of {@code outcome} into {@code dir}: the whole report is built beside it and swapped in
     * (the old report or the new, never a mix); summary.json is written once, last, after every other file and the
     * state file.
     *
     * @param partialFile a partial audit written while reading (moved into the report as {@link #PARTIAL}), or null
     * @param dir         null: no report folder (audit --format jsonl without --out); the report is only built
     */
    public Written write(AuditOutcome outcome, ReportExtras extras, Path partialFile, String mode, Path dir,
                         Map<String, Object> capture) throws IOException {
        List<String> incomplete = Completeness.reasons(outcome.stats(), catalogProblems, inventoryProblems);
        int status = exitStatus(outcome, incomplete);
        ReportExtras.Outcome extra = extras.evaluate(outcome.result().rows(), outcome.unused(), outcome.stats().lastNanos());
        if (status == 0 && extra.fails(failOn)) {
            status = 1;
        }
        AuditReport report = new AuditReport(mode, catalog, catalogProblems, inventory, inventoryProblems,
                outcome.stats(), outcome.result(), outcome.unused(), outcome.inspection(), capture,
                outcome.flowsEvictedIdle(), outcome.flowsEvictedSize(), failOn, status, System.currentTimeMillis());
        List<String> extraLines = new ArrayList<>();
        if (dir != null) {
            new ReportFolderSwap().replace(dir, staged -> {
                ReportWriter.writeAllButSummary(staged, report);
                if (partialFile != null) {
                    Files.move(partialFile, staged.resolve(PARTIAL));
                }
                ReportExtras.Written written = extra.write(staged);
                extraLines.addAll(written.lines());
                SummaryJson.write(staged.resolve("summary.json"), report, written.sections());
            });
        }
        return new Written(report, status, incomplete, extraLines);
    }

    private int exitStatus(AuditOutcome outcome, List<String> incomplete) {
        if (!incomplete.isEmpty()) {
            return 2;
        }
        if (failOn.contains("none")) {
            return 0;
        }
        boolean findings = (failOn.contains("undocumented") && outcome.result().undocumented() > 0)
                || (failOn.contains("port-only") && outcome.result().portOnly() > 0)
                || (failOn.contains("unused") && !outcome.unused().isEmpty())
                || (failOn.contains("problems") && (outcome.stats().problemsTotal() > 0 || outcome.stats().undecodableTotal() > 0));
        return findings ? 1 : 0;
    }

    /**
     * The inputs of {@code stats} of which nothing could be used: not opened, or damaged so that no packet was read.
     * Fail closed: a run with one writes no report.
     */
    public static List<String> unusableInputs(RunCounts stats) {
        return stats.inputs().stream()
                .filter(i -> !i.error().isEmpty() || (i.packets() == 0 && !i.readCompletely()))
                .map(RunCounts.Input::name).toList();
    }
}
