package dev.ucaudit.report;

import dev.ucaudit.audit.FlowRecord;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a report's files into a folder; each file atomically (temporary name, then rename). The
 * commands write into a fresh folder that {@link ReportFolderSwap} then swaps in whole.
 */
public final class ReportWriter {
    private ReportWriter() {
    }

    /** The files of a report folder, summary.json last. */
    public static final List<String> FILES = List.of("flows.csv", "conversations.csv", "unused.csv", "report.html", SummaryKeys.FILE);

    public static void write(Path dir, AuditReport report) throws IOException {
        writeAllButSummary(dir, report);
        // summary.json last: a folder with a summary is a complete report.
        SummaryJson.write(dir.resolve(SummaryKeys.FILE), report);
    }

    /** flows.csv, conversations.csv, unused.csv and report.html: summary.json is the caller's, written last. */
    public static void writeAllButSummary(Path dir, AuditReport report) throws IOException {
        Files.createDirectories(dir);
        removeLeftovers(dir);
        List<FlowRecord> flows = report.result().rows();
        CsvReports.writeFlows(dir.resolve("flows.csv"), flows);
        CsvReports.writeConversations(dir.resolve("conversations.csv"), report.result().conversations());
        CsvReports.writeUnused(dir.resolve("unused.csv"), report.unused());
        HtmlReport.write(dir.resolve("report.html"), report, flows);
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
