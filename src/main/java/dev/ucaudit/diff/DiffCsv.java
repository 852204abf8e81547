package dev.ucaudit.diff;

import dev.ucaudit.report.CsvCells;
import dev.ucaudit.report.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** diff.csv: one row per change, columns {@link DiffRow#COLUMNS}. */
public final class DiffCsv {
    private DiffCsv() {
    }

    private static String n(long v) {
        return v < 0 ? "" : Long.toString(v);
    }

    public static void write(Path file, List<DiffRow> rows) throws IOException {
        AtomicFile.write(file, w -> {
            try (CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(DiffRow.COLUMNS)
                    .setRecordSeparator("\n").get())) {
                for (DiffRow r : rows) {
                    CsvCells.print(csv, r.change().label(), r.initiator(), r.initiatorRole(), r.responder(), r.protocol(),
                            r.port(), r.verdictBefore(), r.verdictAfter(), n(r.flowsBefore()), n(r.flowsAfter()), r.rule(),
                            r.reason(), r.responderRole(), n(r.packetsBefore()), n(r.packetsAfter()), n(r.bytesBefore()),
                            n(r.bytesAfter()), n(r.unusedForDays()));
                }
            }
        });
    }
}
