package dev.ucaudit.run.live;

import dev.ucaudit.audit.UnusedOpening;
import dev.ucaudit.report.CsvReports;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * {@code cumulative-unused.csv} of a rotating live run: the catalog openings unused in every period so
 * far, narrowed as each period is written; a restarted run narrows what the earlier one left.
 */
public final class CumulativeUnused {
    private final Path file;
    private Set<UnusedOpening> unused;

    public CumulativeUnused(Path out) {
        this.file = out.resolve("cumulative-unused.csv");
    }

    /** Takes up the earlier run's file, when it is readable (else the view starts again with this run). */
    public void continueEarlier() {
        unused = read(file);
    }

    /** A period was written with these unused openings: the file now holds those unused in every period. */
    public void narrow(List<UnusedOpening> period) throws IOException {
        if (unused == null) {
            unused = new LinkedHashSet<>(period);
        } else {
            unused.retainAll(Set.copyOf(period));
        }
        CsvReports.writeUnused(file, new ArrayList<>(unused));
    }

    private static Set<UnusedOpening> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (Reader r = Files.newBufferedReader(file);
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            Set<UnusedOpening> rows = new LinkedHashSet<>();
            for (CSVRecord rec : csv) {
                rows.add(new UnusedOpening(rec.get("rule"), rec.get("protocol"), rec.get("ports"), rec.get("source_role"),
                        rec.get("destination_role"), rec.get("destination"), rec.get("destination_name"), rec.get("purpose")));
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            return null; // not ours or damaged
        }
    }
}
