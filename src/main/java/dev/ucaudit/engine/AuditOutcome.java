package dev.ucaudit.engine;

import dev.ucaudit.audit.AuditResult;
import dev.ucaudit.audit.RunCounts;
import dev.ucaudit.audit.UnusedOpening;
import java.util.List;
import java.util.Map;

/**
 * What an audit found, ready for {@code report/} to format: the classified flows with their
 * conversations and scans ({@code result}), what was read ({@code stats}, a snapshot), the catalog's openings no
 * flow used, the inspection's counters and how many flows the table finished early.
 */
public record AuditOutcome(AuditResult result, RunCounts stats, List<UnusedOpening> unused,
                           Map<String, Object> inspection, long flowsEvictedIdle, long flowsEvictedSize) {
    public AuditOutcome {
        unused = List.copyOf(unused);
    }
}
