package dev.ucaudit.report;

import dev.ucaudit.audit.FlowRecord;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a whole report folder; each file atomically (temporary name, then rename). */
public final class ReportWriter {
    private ReportWriter() {
    }

    /** The files of a report folder, summary.json last. */
    public static final List<String> FILES = List.of("flows.csv", "conversations.csv", "unused.csv", "report.html", "summary.json");

    public static void write(Path dir, AuditReport report) throws IOException {
        Files.createDirectories(dir);
        removeLeftovers(dir);
        // While the folder is rewritten it holds no summary.json: a folder with a summary is a complete
        // report, so a run killed part-way never leaves new CSVs beside the old run's summary.
        Files.deleteIfExists(dir.resolve("summary.json"));
        List<FlowRecord> flows = report.result().rows();
        CsvReports.writeFlows(dir.resolve("flows.csv"), flows);
        CsvReports.writeConversations(dir.resolve("conversations.csv"), report.result().conversations());
        CsvReports.writeUnused(dir.resolve("unused.csv"), report.unused());
        HtmlReport.write(dir.resolve("report.html"), report, flows);
        // summary.json last: a folder with a summary is a complete report.
        SummaryJson.write(dir.resolve("summary.json"), report);
    }

    /** Temporary files a killed earlier run left behind ({@code .flows.csv.123.tmp} and the like). */
    static void removeLeftovers(Path dir) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path p : s) {
                String n = p.getFileName().toString();
                if (FILES.stream().anyMatch(f -> n.startsWith("." + f + "."))) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
