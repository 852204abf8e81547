package dev.ucaudit.report;

import dev.ucaudit.audit.RunCounts;
import dev.ucaudit.packet.CaptureProblem;
import dev.ucaudit.catalog.CatalogProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a report covers everything it was given: an input damaged inside (bytes skipped, reading
 * stopped early) or a catalog or inventory row that could not be read makes it incomplete. A report
 * that is incomplete never says that every flow is documented.
 */
public final class Completeness {
    private Completeness() {
    }

    /** Inputs listed one by one in summary.json and report.html; beyond it they are counted (200,000 parts made a 28 MB summary). */
    public static final int INPUTS_LISTED = 1000;

    /** The first {@code n} inputs' names, joined, and how many more ("a.pcap, b.pcap and 3 more inputs"). */
    public static String inputNames(RunCounts stats, int n) {
        List<RunCounts.Input> all = stats.inputs();
        String names = String.join(", ", all.subList(0, Math.min(n, all.size())).stream().map(RunCounts.Input::name).toList());
        return all.size() > n ? String.format(Locale.ROOT, "%s and %,d more inputs", names, all.size() - n) : names;
    }

    /** Why the report is incomplete, one reason per input or file; empty when it is complete. */
    public static List<String> reasons(AuditReport r) {
        return reasons(r.stats(), r.catalogProblems(), r.inventoryProblems());
    }

    /** The same, before a report is made of them: the run's statistics and the catalog's and inventory's unread rows. */
    public static List<String> reasons(RunCounts stats, List<CatalogProblem> catalogProblems,
                                       List<CatalogProblem> inventoryProblems) {
        List<String> reasons = new ArrayList<>();
        List<CaptureProblem> kept = stats.problems();
        for (RunCounts.Input in : stats.inputs()) {
            if (!in.error().isEmpty()) {
                reasons.add(in.error());
            } else if (!in.readCompletely()) {
                String first = kept.stream().filter(p -> p.source().equals(in.name()) && p.lostData())
                        .map(CaptureProblem::message).findFirst().orElse("");
                reasons.add(String.format(Locale.ROOT, "%s was not read in full: %,d read problems%s", in.name(),
                        in.problems(), first.isEmpty() ? "" : " (first: " + first + ")"));
            }
        }
        rows(reasons, "catalog", catalogProblems);
        rows(reasons, "inventory", inventoryProblems);
        return reasons;
    }

    private static void rows(List<String> reasons, String what, List<CatalogProblem> problems) {
        if (!problems.isEmpty()) {
            reasons.add(String.format(Locale.ROOT, "%,d %s row(s) could not be read (first: %s)", problems.size(), what,
                    problems.get(0).describe()));
        }
    }
}
