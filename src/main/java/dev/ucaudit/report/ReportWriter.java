package dev.ucaudit.report;

import dev.ucaudit.audit.FlowRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a whole report folder; each file atomically (temporary name, then rename). */
public final class ReportWriter {
    private ReportWriter() {
    }

    public static void write(Path dir, AuditReport report) throws IOException {
        Files.createDirectories(dir);
        List<FlowRecord> flows = report.result().rows();
        CsvReports.writeFlows(dir.resolve("flows.csv"), flows);
        CsvReports.writeConversations(dir.resolve("conversations.csv"), report.result().conversations());
        CsvReports.writeUnused(dir.resolve("unused.csv"), report.unused());
        HtmlReport.write(dir.resolve("report.html"), report, flows);
        // summary.json last: a folder with a summary is a complete report.
        SummaryJson.write(dir.resolve("summary.json"), report);
    }
}
