package dev.ucaudit.spark;

import dev.ucaudit.testing.SparkJob;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.cli.Main;
import dev.ucaudit.engine.SplitCaptures;
import dev.ucaudit.report.ReportWriter;
import dev.ucaudit.synth.MediaHeavySite;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ucaudit spark --master local[2]} against {@code ucaudit audit} of the same files in the same
 * order: every file of the two report folders is the same byte for byte, but for the time each was
 * written (and with {@code --partial}, partial.bin.gz is the same as {@code audit --partial}'s). The files: the lab-site capture cut into four parts (one gzip-compressed) in one sensor
 * folder, a generated media-heavy capture cut into three in another, at random packet boundaries
 * (fixed seed), so that flows and pinholes cross from one file into the next. With report folders
 * among the paths (two sensors' {@code audit --partial} of some of the files), the report is that of
 * {@code ucaudit merge} of the same reports and of an {@code audit --partial} of the other files, and
 * of one audit of them all; a damaged partial.bin.gz ends the run with one line.
 */
@SparkJob
class SparkReportTest {
    @TempDir
    static Path dir;
    static Path captures;
    static Path inventory;

    @BeforeAll
    static void captures() throws Exception {
        captures = Files.createDirectories(dir.resolve("captures"));
        Path lab = Files.createDirectories(captures.resolve("lab"));
        Path media = Files.createDirectories(captures.resolve("media"));
        Random random = new Random(12);
        List<SplitCaptures.Packet> labPackets = SplitCaptures.readAll(Path.of("captures/lab-site.pcap"));
        SplitCaptures.writeParts(lab, labPackets, "lab", SplitCaptures.cuts(random, 4, labPackets.size()));
        gzip(lab.resolve("lab-2.pcapng"));
        Path whole = dir.resolve("media-whole.pcap");
        MediaHeavySite.write(whole, 30_000, 200);
        List<SplitCaptures.Packet> mediaPackets = SplitCaptures.readAll(whole);
        SplitCaptures.writeParts(media, mediaPackets, "media", SplitCaptures.cuts(random, 3, mediaPackets.size()));
        inventory = Files.writeString(dir.resolve("inventory.csv"), MediaHeavySite.INVENTORY);
    }

    private static void gzip(Path file) throws Exception {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(Path.of(file + ".gz")))) {
            Files.copy(file, out);
        }
        Files.delete(file);
    }

    /** The files in the order {@code --order path} reads them: lab-0..3, then media-0..2. */
    private static List<String> inPathOrder() {
        List<String> files = new ArrayList<>();
        for (String f : List.of("lab/lab-0.pcapng", "lab/lab-1.pcapng", "lab/lab-2.pcapng.gz", "lab/lab-3.pcapng",
                "media/media-0.pcapng", "media/media-1.pcapng", "media/media-2.pcapng")) {
            files.add(captures + "/" + f);
        }
        return files;
    }

    @Test
    void oneFilePerTaskGivesTheReportOfOneAuditAndTheSamePartial() throws Exception {
        assertSameReports(List.of("--files-per-task", "1", "--partial"), inPathOrder());
    }

    @Test
    void severalFilesPerTaskInModificationOrderGiveTheReportOfOneAudit() throws Exception {
        // lab-3 was written first, then lab-0, lab-1, lab-2; media in name order: modified order differs from path order
        List<String> order = new ArrayList<>(inPathOrder());
        order.add(0, order.remove(3));
        long t = 1_700_000_000_000L;
        for (String f : order) {
            Files.setLastModifiedTime(Path.of(f), FileTime.fromMillis(t += 60_000));
        }
        assertSameReports(List.of("--files-per-task", "3", "--order", "modified"), order);
    }

    private void assertSameReports(List<String> sparkOptions, List<String> auditOrder) throws Exception {
        Path sparkOut = Files.createTempDirectory(dir, "spark").resolve("report");
        Path auditOut = Files.createTempDirectory(dir, "audit").resolve("report");
        List<String> spark = new ArrayList<>(List.of("spark", "--master", "local[2]", "--inventory", inventory.toString(),
                "--out", sparkOut.toString()));
        spark.addAll(sparkOptions);
        spark.add(captures.toString());
        Run s = run(spark);
        List<String> audit = new ArrayList<>(List.of("audit", "--inventory", inventory.toString(), "--out", auditOut.toString()));
        boolean partial = sparkOptions.contains("--partial");
        if (partial) {
            audit.add("--partial");
        }
        audit.addAll(auditOrder);
        Run a = run(audit);
        assertEquals(a.status, s.status, "exit status\nspark: " + s + "\naudit: " + a);
        assertTrue(s.out.contains(" 7 files in "), s.toString());
        for (String file : ReportWriter.FILES) {
            assertEquals(withoutWriteTime(auditOut.resolve(file)), withoutWriteTime(sparkOut.resolve(file)),
                    file + " of spark " + sparkOptions + " differs from audit's");
        }
        if (partial) {
            assertEquals(-1L, Files.mismatch(auditOut.resolve("partial.bin.gz"), sparkOut.resolve("partial.bin.gz")),
                    "partial.bin.gz of spark differs from audit --partial's");
        }
        try (var listed = Files.list(sparkOut)) {
            assertEquals(ReportWriter.FILES.size() + (partial ? 1 : 0), listed.count(), "the report folder holds the report's files only");
        }
    }

    private static String withoutWriteTime(Path file) throws Exception {
        assertTrue(Files.isRegularFile(file), file + " was written");
        return Files.readString(file, StandardCharsets.UTF_8)
                .replaceFirst("\"generated_at\" ?: ?\"[^\"]*\"", "\"generated_at\": \"(when)\"")
                .replaceFirst("Written by ucaudit at [^.<]*\\.[0-9]*Z", "Written by ucaudit at (when)");
    }

    /**
     * Two sensors' reports (lab-0..2 and media-1..2, each an {@code audit --partial}) found in a fleet
     * folder, and lab-3 and media-0 given as captures. Runs merge in the order of their first file's
     * name: sensor a's run (lab-0..2), then the run of the files spark reads itself (lab-3, media-0),
     * then sensor b's (media-1, media-2); so the report is that of one audit of all seven files in
     * path order, and that of {@code merge} of the two reports and an {@code audit --partial} of lab-3 and media-0.
     */
    @Test
    void reportFoldersAndCapturesMergedGiveTheReportOfMergeAndOfOneAudit() throws Exception {
        List<String> all = inPathOrder();
        Path fleet = Files.createTempDirectory(dir, "fleet");
        partialAudit(fleet.resolve("sensor-a"), all.subList(0, 3));
        partialAudit(fleet.resolve("sensor-b"), all.subList(5, 7));
        List<String> direct = List.of(all.get(3), all.get(4));

        Path sparkOut = Files.createTempDirectory(dir, "spark").resolve("report");
        List<String> spark = new ArrayList<>(List.of("spark", "--master", "local[2]", "--partial", "--inventory",
                inventory.toString(), "--out", sparkOut.toString(), fleet.toString()));
        spark.addAll(direct);
        Run s = run(spark);
        assertTrue(s.status <= 1, s.toString());
        assertEquals("", s.err);
        assertTrue(s.out.contains(": 2 reports' partial audits (") && s.out.contains(" read on the driver in ")
                && s.out.contains(", 2 files in 2 tasks read in "), s.out);

        Path directReport = Files.createTempDirectory(dir, "direct").resolve("report");
        partialAudit(directReport, direct);
        Path mergeOut = Files.createTempDirectory(dir, "merge").resolve("report");
        Run m = run(List.of("merge", "--inventory", inventory.toString(), "--out", mergeOut.toString(),
                fleet.resolve("sensor-b").toString(), directReport.toString(), fleet.resolve("sensor-a").toString()));
        assertEquals(s.status, m.status, m.toString());
        Path auditOut = Files.createTempDirectory(dir, "audit").resolve("report");
        List<String> audit = new ArrayList<>(List.of("audit", "--inventory", inventory.toString(), "--out", auditOut.toString()));
        audit.addAll(all);
        assertEquals(s.status, run(audit).status);
        for (String file : ReportWriter.FILES) {
            assertEquals(withoutWriteTime(mergeOut.resolve(file)), withoutWriteTime(sparkOut.resolve(file)),
                    file + " of spark differs from merge's");
            assertEquals(withoutWriteTime(auditOut.resolve(file)), withoutWriteTime(sparkOut.resolve(file)),
                    file + " of spark differs from one audit's");
        }
        assertEquals(-1L, Files.mismatch(mergeOut.resolve("partial.bin.gz"), sparkOut.resolve("partial.bin.gz")),
                "partial.bin.gz of spark differs from merge's");
    }

    @Test
    void aDamagedPartialEndsTheRunWithOneLineNamingItAndNoReport() throws Exception {
        Path fleet = Files.createTempDirectory(dir, "damaged-fleet");
        Path sensor = fleet.resolve("sensor-a");
        partialAudit(sensor, inPathOrder().subList(0, 2));
        Path partial = sensor.resolve("partial.bin.gz");
        byte[] bytes = Files.readAllBytes(partial);
        Files.write(partial, java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));
        Path out = dir.resolve("damaged-not-written");
        Run r = run(List.of("spark", "--master", "local[2]", "--out", out.toString(), fleet.toString(),
                captures.resolve("media").toString()));
        assertEquals(2, r.status, r.toString());
        assertTrue(r.err.startsWith("ucaudit: " + partial + ": ") && r.err.endsWith("; nothing was audited and " + out
                + " was left as it was\n") && r.err.lines().count() == 1, r.err);
        assertFalse(Files.exists(out));
    }

    /** {@code audit --partial} of {@code files} into {@code out} (findings or not, but no failure). */
    private static void partialAudit(Path out, List<String> files) {
        List<String> args = new ArrayList<>(List.of("audit", "-q", "--partial", "--inventory", inventory.toString(), "--out",
                out.toString()));
        args.addAll(files);
        Run r = run(args);
        assertTrue(r.status <= 1 && Files.isRegularFile(out.resolve("partial.bin.gz")), r.toString());
    }

    @Test
    void aMissingPathOrAFileThatIsNoCaptureEndsTheRunWithOneLineAndNoReport() throws Exception {
        Path out = dir.resolve("not-written");
        Run missing = run(List.of("spark", "--master", "local[2]", "--out", out.toString(), dir + "/no-such-folder"));
        assertEquals(2, missing.status, missing.toString());
        assertEquals("ucaudit: " + dir + "/no-such-folder does not exist; nothing was audited and " + out
                + " was left as it was\n", missing.err);
        assertFalse(Files.exists(out));

        Path bad = Files.createDirectories(dir.resolve("bad"));
        Files.copy(Path.of("captures/lab-site.pcap"), bad.resolve("a.pcap"));
        Files.writeString(bad.resolve("b.pcap"), "not a capture\n");
        Run notCapture = run(List.of("spark", "--master", "local[2]", "--out", out.toString(), bad.toString()));
        assertEquals(2, notCapture.status, notCapture.toString());
        assertEquals("ucaudit: " + bad + "/b.pcap is not a pcap or pcapng file (starts with bytes 6e 6f 74 20); convert it with:"
                + " editcap -F pcap " + bad + "/b.pcap OUT.pcap\n"
                + "ucaudit: " + bad + "/b.pcap: no packet could be read from it; nothing was written and " + out
                + " was left as it was\n", notCapture.err);
        assertFalse(Files.exists(out));
    }

    private record Run(int status, String out, String err) {
    }

    private static Run run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        return new Run(status, out.toString(), err.toString());
    }
}
