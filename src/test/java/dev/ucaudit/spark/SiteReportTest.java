package dev.ucaudit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.engine.SplitCaptures;
import dev.ucaudit.report.ReportWriter;
import dev.ucaudit.testing.AtScale;
import dev.ucaudit.testing.Cli;
import dev.ucaudit.testing.SparkJob;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A simulated fleet through {@code ucaudit spark --per-site}: 200 site folders, each holding a different
 * stretch of the lab-site capture cut at random packet boundaries (fixed seed) into one to three files,
 * so that flows and pinholes cross from one file into the next inside a site. Each site's report, in
 * OUT/SITE/, names the site's own files with their packet counts (every site), and is that of
 * {@code ucaudit audit} of the site's folder alone, every file byte for byte but for the time it was written
 * (every tenth site: 200 audits would take most of a minute on their own).
 */
@SparkJob
@AtScale
class SiteReportTest {
    private static final int SITES = 200;
    @TempDir
    static Path dir;
    static Path fleet;
    /** Each site's files' packet counts, in name order. */
    static final List<List<Integer>> partSizes = new ArrayList<>();
    static final Path INVENTORY = Path.of("captures/lab-site-inventory.csv");

    @BeforeAll
    static void fleet() throws Exception {
        fleet = Files.createDirectories(dir.resolve("fleet"));
        List<SplitCaptures.Packet> lab = SplitCaptures.readAll(Path.of("captures/lab-site.pcap"));
        Random random = new Random(25);
        for (int i = 0; i < SITES; i++) {
            Path site = Files.createDirectories(fleet.resolve("site-" + i));
            int from = random.nextInt(lab.size() / 2);
            int to = from + 1 + random.nextInt(lab.size() - from - 1);
            List<SplitCaptures.Packet> packets = lab.subList(from, to);
            int[] cuts = SplitCaptures.cuts(random, 1 + random.nextInt(3), packets.size());
            SplitCaptures.writeParts(site, packets, "cap", cuts);
            List<Integer> sizes = new ArrayList<>();
            for (int c = 0, at = 0; c <= cuts.length; c++) {
                int next = c < cuts.length ? cuts[c] : packets.size();
                sizes.add(next - at);
                at = next;
            }
            partSizes.add(sizes);
        }
        Files.createDirectories(fleet.resolve("_temporary")); // hidden, as Hadoop's own tools leave it: not a site
    }

    @Test
    void eachSitesReportIsThatOfItsOwnAudit() throws Exception {
        Path out = dir.resolve("reports");
        Cli spark = Cli.run("spark", "--per-site", "--master", "local[2]", "--files-per-task", "2", "-q", "--inventory",
                INVENTORY.toString(), "--out", out.toString(), fleet.toString());
        assertTrue(spark.exit() <= 1, spark.toString());
        try (Stream<Path> written = Files.list(out)) { // and each one's lock beside it (.site-N.ucaudit-lock), as audit leaves one
            assertEquals(SITES, written.filter(f -> !f.getFileName().toString().startsWith(".")).count(),
                    "one report folder per site, and nothing else");
        }
        for (int i = 0; i < SITES; i++) {
            Path site = fleet.resolve("site-" + i);
            String summary = Files.readString(out.resolve("site-" + i).resolve("summary.json"));
            List<Integer> sizes = partSizes.get(i);
            for (int part = 0; part < sizes.size(); part++) {
                assertTrue(summary.contains("\"name\" : \"" + site + "/cap-" + part + ".pcapng\",\n    \"packets\" : "
                        + sizes.get(part) + ",\n"), "site-" + i + "'s summary.json names its file " + part + ": " + summary);
            }
            assertEquals(sizes.size(), summary.split("\"read_completely\"", -1).length - 1,
                    "site-" + i + "'s summary.json lists its own files only: " + summary);
            if (i % 10 != 0) {
                continue;
            }
            Path audited = dir.resolve("audit-" + i);
            Cli audit = Cli.run("audit", "-q", "--inventory", INVENTORY.toString(), "--out", audited.toString(), site.toString());
            assertEquals(audit.exit(), spark.exit() == 0 ? 0 : audit.exit(), audit.toString());
            for (String file : ReportWriter.FILES) {
                assertEquals(withoutWriteTime(audited.resolve(file)), withoutWriteTime(out.resolve("site-" + i).resolve(file)),
                        file + " of site-" + i + " differs from its own audit's");
            }
        }
    }

    @Test
    void sitesClassifiedOnSeveralDriverThreadsGiveTheReportsOfOneThreadInTheSameOrder() throws Exception {
        List<List<String>> runs = new ArrayList<>();
        for (String cores : List.of("1", "3")) {
            Path out = dir.resolve("cores-" + cores);
            Cli spark = Cli.run("spark", "--per-site", "--master", "local[2]", "--conf", "spark.driver.cores=" + cores,
                    "--inventory", INVENTORY.toString(), "--out", out.toString(), fleet.toString());
            assertTrue(spark.exit() <= 1, spark.toString());
            // the per-site lines, in the order they were printed, with each site's flows and summary
            List<String> seen = new ArrayList<>();
            for (String line : spark.out().lines().filter(l -> l.contains(": site site-")).toList()) {
                String site = line.replaceAll(".*: site (site-\\d+): .*", "$1");
                seen.add(site + "\n" + withoutWriteTime(out.resolve(site).resolve("flows.csv"))
                        + withoutWriteTime(out.resolve(site).resolve("summary.json")));
            }
            assertEquals(SITES, seen.size(), spark.out());
            runs.add(seen);
        }
        assertEquals(runs.get(0), runs.get(1), "three classifying threads: the same reports, told in the same order");
    }

    @Test
    void aCaptureOutsideAnySiteFolderEndsTheRunWithOneLineAndNoReport() throws Exception {
        Path paths = Files.createDirectories(dir.resolve("loose"));
        Files.createDirectories(paths.resolve("site-a"));
        Files.copy(Path.of("captures/lab-site.pcap"), paths.resolve("site-a/a.pcap"));
        Files.copy(Path.of("captures/lab-site.pcap"), paths.resolve("b.pcap"));
        Path out = dir.resolve("loose-not-written");
        Cli r = Cli.run("spark", "--per-site", "--master", "local[2]", "--out", out.toString(), paths.toString());
        assertEquals(2, r.exit(), r.toString());
        assertEquals("ucaudit: " + paths + "/b.pcap is not in a site folder: --per-site takes each first-level folder under a"
                + " PATH as a site; nothing was audited and " + out + " was left as it was\n", r.err());
        assertFalse(Files.exists(out));
    }

    private static String withoutWriteTime(Path file) throws Exception {
        assertTrue(Files.isRegularFile(file), file + " was written");
        return Files.readString(file, StandardCharsets.UTF_8)
                .replaceFirst("\"generated_at\" ?: ?\"[^\"]*\"", "\"generated_at\": \"(when)\"")
                .replaceFirst("Written by ucaudit at [^.<]*\\.[0-9]*Z", "Written by ucaudit at (when)");
    }
}
