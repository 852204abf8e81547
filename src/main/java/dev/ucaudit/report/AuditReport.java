package dev.ucaudit.report;

import dev.ucaudit.audit.AuditResult;
import dev.ucaudit.audit.RunCounts;
import dev.ucaudit.audit.UnusedOpening;
import dev.ucaudit.catalog.Catalog;
import dev.ucaudit.catalog.CatalogProblem;
import dev.ucaudit.inventory.Inventory;
import java.util.List;
import java.util.Map;

/**
 * Everything a report folder is written from: what was read, what was found, and with which
 * catalog and inventory. {@code capture} holds live-capture statistics (empty for files).
 */
public record AuditReport(String mode, Catalog catalog, List<CatalogProblem> catalogProblems,
                          Inventory inventory, List<CatalogProblem> inventoryProblems,
                          RunCounts stats, AuditResult result, List<UnusedOpening> unused,
                          Map<String, Object> inspection, Map<String, Object> capture,
                          long flowsEvictedIdle, long flowsEvictedSize, List<String> failOn, int exitStatus,
                          long generatedAtMillis) {
}
