package dev.ucaudit.report;

import dev.ucaudit.audit.RunStats;
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

    /** Why the report is incomplete, one reason per input or file; empty when it is complete. */
    public static List<String> reasons(AuditReport r) {
        return reasons(r.stats(), r.catalogProblems(), r.inventoryProblems());
    }

    /** The same, before a report is made of them: the run's statistics and the catalog's and inventory's unread rows. */
    public static List<String> reasons(RunStats stats, List<CatalogProblem> catalogProblems,
                                       List<CatalogProblem> inventoryProblems) {
        List<String> reasons = new ArrayList<>();
        List<CaptureProblem> kept = stats.problems();
        for (RunStats.InputStats in : stats.inputs()) {
            if (!in.error.isEmpty()) {
                reasons.add(in.error);
            } else if (!in.readCompletely) {
                String first = kept.stream().filter(p -> p.source().equals(in.name) && p.lostData())
                        .map(CaptureProblem::message).findFirst().orElse("");
                reasons.add(String.format(Locale.ROOT, "%s was not read in full: %,d read problems%s", in.name,
                        in.problems, first.isEmpty() ? "" : " (first: " + first + ")"));
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
