package dev.ucaudit.cli;

import dev.ucaudit.testing.Cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * export of a report marked INCOMPLETE says so on its first line, marks its drafts, and exits 2 as the
 * audit did (fail closed: a draft policy of traffic the audit did not read in full is no clean result).
 */
class ExportIncompleteTest {
    @TempDir
    Path dir;

    @Test
    void anIncompleteReportsExportSaysSoAndExits2() throws Exception {
        byte[] lab = Files.readAllBytes(Path.of("captures/lab-site.pcap"));
        Path cut = dir.resolve("cut.pcap");
        Files.write(cut, Arrays.copyOf(lab, lab.length - 7)); // the last record cut short
        Path report = dir.resolve("report");
        Cli audit = Cli.run("audit", "-q", "--out", report.toString(), cut.toString());
        assertEquals(2, audit.status, audit.toString());

        Path out = dir.resolve("export");
        Cli export = Cli.run("export", "--out", out.toString(), report.toString());
        assertEquals(2, export.status, export.toString());
        assertTrue(export.out.startsWith("ucaudit: INCOMPLETE: " + report), export.out);
        assertTrue(Files.readString(out.resolve("allowed-draft.csv")).contains("INCOMPLETE"), "the draft is marked");

        Path whole = dir.resolve("whole");
        assertTrue(Cli.run("audit", "-q", "--out", whole.toString(), "captures/lab-site.pcap").status <= 1);
        Cli fine = Cli.run("export", "--out", dir.resolve("export2").toString(), whole.toString());
        assertEquals(0, fine.status, fine.toString());
        assertTrue(!fine.out.contains("INCOMPLETE"), fine.out);
    }
}
