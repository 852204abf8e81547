package dev.ucaudit.history;

import dev.ucaudit.report.CsvCells;
import dev.ucaudit.diff.UnusedRow;
import dev.ucaudit.report.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** unused-history.csv: unused.csv's openings with how long each has gone unused (from the state file). */
public final class UnusedHistoryCsv {
    public static final String[] COLUMNS = {"rule", "protocol", "ports", "source_role", "destination_role",
        "destination", "purpose", "tracked_since", "last_used", "unused_for_days"};

    private UnusedHistoryCsv() {
    }

    public static void write(Path file, List<UnusedRow> unused, OpeningHistory history, Instant runTime) throws IOException {
        AtomicFile.write(file, w -> {
            try (CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(COLUMNS).setRecordSeparator("\n").get())) {
                for (UnusedRow u : unused) {
                    OpeningHistory.Opening o = history.opening(u.key()).orElse(null);
                    CsvCells.print(csv, u.rule(), u.protocol(), u.ports(), u.sourceRole(), u.destinationRole(), u.destination(),
                            u.purpose(), o == null ? "" : o.trackedSince(), o == null || o.lastUsed() == null ? "" : o.lastUsed(),
                            history.daysUnused(u.key(), runTime).map(String::valueOf).orElse(""));
                }
            }
        });
    }
}
