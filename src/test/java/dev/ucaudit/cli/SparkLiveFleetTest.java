package dev.ucaudit.cli;

import dev.ucaudit.testing.Cli;
import dev.ucaudit.testing.SparkJob;
import dev.ucaudit.testing.LiveCapture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.capture.PcapFileSource;
import dev.ucaudit.synth.MediaHeavySite;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A fleet of live sensors merged by {@code ucaudit spark}: two live runs with {@code --rotate 2s
 * --partial} (fed from generated captures through the live run's own sink and rotation, as
 * LivePeriodsTest does) write their period folders into fleet/sensor-x and fleet/sensor-y, each with
 * its {@code latest} link and cumulative-unused.csv, and a copy of one period lies in fleet/archive.
 * Spark given the fleet folder finds every period, reads the latest link's and the copy's partial
 * once (warning about the copy only), and writes the report {@code ucaudit merge} of the period
 * folders writes, partial.bin.gz included, byte for byte but the write time.
 */
@LiveCapture
@SparkJob
class SparkLiveFleetTest {
    /** 2026-11-02T09:00:00Z, the media-heavy capture's first packet. */
    private static final long START_MILLIS = 1_793_610_000_000L;

    @TempDir
    Path dir;

    @Test
    void livePeriodsOfTwoSensorsMergedBySparkEqualMergeOfThem() throws Exception {
        Path inventory = Files.writeString(dir.resolve("inventory.csv"), MediaHeavySite.INVENTORY);
        Path fleet = dir.resolve("fleet");
        Path x = dir.resolve("x.pcap");
        MediaHeavySite.write(x, 20_000);
        Path y = dir.resolve("y.pcap");
        MediaHeavySite.write(y, 12_000, 200);
        List<Path> periods = new ArrayList<>(live(x, fleet.resolve("sensor-x"), inventory, "lo"));
        periods.addAll(live(y, fleet.resolve("sensor-y"), inventory, "eth1")); // runs named by start time and interface
        assertTrue(periods.size() >= 6, periods.toString());
        Path copy = Files.createDirectories(fleet.resolve("archive").resolve(periods.get(1).getFileName()));
        Files.copy(periods.get(1).resolve(AuditSession.PARTIAL), copy.resolve(AuditSession.PARTIAL));
        Files.copy(periods.get(1).resolve("flows.csv"), copy.resolve("flows.csv"));

        Path sparkOut = dir.resolve("spark");
        Cli spark = Cli.run("spark", "--master", "local[2]", "--partial", "--inventory", inventory.toString(),
                "--out", sparkOut.toString(), fleet.toString());
        assertTrue(spark.status <= 1, spark.toString());
        // of two with the same bytes, the first by name is read: fleet/archive/... before fleet/sensor-x/...
        assertEquals("ucaudit: warning: " + periods.get(1).resolve(AuditSession.PARTIAL) + " holds the same partial audit as "
                + copy.resolve(AuditSession.PARTIAL) + "; it is read once\n", spark.err,
                "one warning, for the copy; none for the latest links");
        assertTrue(spark.out.contains(": " + periods.size() + " reports' partial audits ("), spark.out);

        List<String> merge = new ArrayList<>(List.of("merge", "-q", "--inventory", inventory.toString(), "--out",
                dir.resolve("merged").toString()));
        periods.forEach(p -> merge.add(p.toString()));
        Cli merged = Cli.run(merge.toArray(String[]::new));
        assertEquals(merged.status, spark.status, merged.toString());
        assertEquals(MergeCommandTest.files(dir.resolve("merged")), MergeCommandTest.files(sparkOut),
                "spark over the fleet folder gives the report of merge of the periods");
        assertEquals(-1L, Files.mismatch(dir.resolve("merged").resolve(AuditSession.PARTIAL),
                sparkOut.resolve(AuditSession.PARTIAL)));
    }

    /** A live run with --rotate 2s --partial fed from {@code capture}; its period folders, by name. */
    private static List<Path> live(Path capture, Path out, Path inventory, String iface) throws Exception {
        LiveCommand command = new LiveCommand();
        new CommandLine(command).parseArgs("-i", iface, "--inventory", inventory.toString(), "--out", out.toString(),
                "--rotate", "2s", "--partial");
        PrintWriter quiet = new PrintWriter(new StringWriter());
        LiveRun run = command.newRun(quiet, quiet, new PrintStream(OutputStream.nullOutputStream()));
        run.startWindow(START_MILLIS);
        new PcapFileSource(capture).run(run.sink());
        assertEquals(0, run.finish(START_MILLIS) & 2, "no period lost its partial");
        assertTrue(Files.isSymbolicLink(out.resolve("latest")), "the latest link");
        try (Stream<Path> s = Files.list(out)) {
            return s.filter(p -> !Files.isSymbolicLink(p) && Files.isRegularFile(p.resolve(AuditSession.PARTIAL))).sorted().toList();
        }
    }
}
