package dev.ucaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.capture.PcapFileSource;
import dev.ucaudit.run.live.Retention;
import dev.ucaudit.testing.MediaHeavySample;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Issue 22 section 4: live --keep N / --keep-days D prune period folders; latest and cumulative-unused.csv stay right. */
class LiveRetentionTest {
    private static final long START_MILLIS = MediaHeavySample.START_MILLIS;

    @TempDir
    static Path shared;
    static Path capture;
    static Path inventory;

    @BeforeAll
    static void generate() throws Exception {
        MediaHeavySample sample = MediaHeavySample.write(shared, 30_000);
        capture = sample.capture();
        inventory = sample.inventory();
    }

    private static List<String> periods(Path out) throws Exception {
        try (Stream<Path> s = Files.list(out)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d{4}-.*")).sorted().toList();
        }
    }

    private static Path run(Path out, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("-i", "lo", "--inventory", inventory.toString(), "--out", out.toString(),
                "--rotate", "1s"));
        all.addAll(List.of(args));
        LiveCommand command = new LiveCommand();
        new CommandLine(command).parseArgs(all.toArray(String[]::new));
        PrintWriter quiet = new PrintWriter(new StringWriter());
        LiveRun run = command.newRun(quiet, quiet, new PrintStream(OutputStream.nullOutputStream()));
        run.startWindow(START_MILLIS);
        new PcapFileSource(capture).run(run.sink());
        run.finish(START_MILLIS);
        return out;
    }

    @Test
    void keepsTheNewestPeriodsAndLatestStillPointsAtTheNewest() throws Exception {
        List<String> all = periods(run(shared.resolve("all")));
        assertTrue(all.size() >= 4, "the capture spans several 1 s periods: " + all);
        Path out = run(shared.resolve("kept"), "--keep", "2");
        assertEquals(all.subList(all.size() - 2, all.size()), periods(out));
        assertEquals(all.get(all.size() - 1), Files.readSymbolicLink(out.resolve("latest")).toString());
        assertTrue(Files.exists(out.resolve("latest/summary.json")));
        assertTrue(Files.exists(out.resolve("cumulative-unused.csv")));
        assertEquals(Files.readString(shared.resolve("all/cumulative-unused.csv")), Files.readString(out.resolve("cumulative-unused.csv")),
                "the cumulative view covers every period, pruned or not");
    }

    @Test
    void keepDaysCountsFromTheNewestPeriodByItsName() throws Exception {
        Path out = Files.createDirectories(shared.resolve("days"));
        for (String old : List.of("2026-10-01T0800Z", "2026-11-01T0800Z", "2026-11-01T0800Z-2")) {
            Files.createDirectories(out.resolve(old));
            Files.writeString(out.resolve(old).resolve("summary.json"), "{}");
        }
        Files.createDirectories(out.resolve("2026-11-08T0900Z"));
        Files.createDirectories(out.resolve("notes"));
        List<Path> deleted = new Retention(0, 7).prune(out);
        assertEquals(List.of("2026-10-01T0800Z", "2026-11-01T0800Z", "2026-11-01T0800Z-2"),
                deleted.stream().map(p -> p.getFileName().toString()).toList());
        assertEquals(List.of("2026-11-08T0900Z"), periods(out));
        assertTrue(Files.isDirectory(out.resolve("notes")), "only period folders are pruned");
    }
}
