package dev.ucaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.testing.Cli;
import dev.ucaudit.testing.SparkJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spark} knows what it merges, as {@code merge} does (issue 23 §2): given report folders and no
 * options, it audits its captures and classifies everything with the options the reports' partials
 * were recorded with; a mix of reports, or a given option that would change which bytes they kept, is
 * refused with one line naming the first difference (exit 2, nothing written); the inventory they were
 * recorded with is required.
 */
@SparkJob
class SparkRecordedOptionsTest {
    private static final String LAB = "captures/lab-site.pcap";
    private static final String INVENTORY = "captures/lab-site-inventory.csv";

    @TempDir
    Path dir;

    private Path partial(String name, String... options) {
        return partialOf(LAB, name, options);
    }

    private Path partialOf(String capture, String name, String... options) {
        Path out = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("audit", "-q", "--partial", "--out", out.toString()));
        args.addAll(List.of(options));
        args.add(capture);
        Cli c = Cli.run(args.toArray(String[]::new));
        assertTrue(c.status <= 1, c.toString());
        return out;
    }

    private static Cli spark(String... args) {
        List<String> all = new ArrayList<>(List.of("spark", "--master", "local[2]"));
        all.addAll(List.of(args));
        return Cli.run(all.toArray(String[]::new));
    }

    @Test
    void sparkAuditsItsCapturesWithTheOptionsTheReportsWereRecordedWith() throws Exception {
        Path recorded = partial("recorded", "--no-inspection", "--idle-timeout", "60", "--inventory", INVENTORY);
        Path more = Files.createDirectories(dir.resolve("more"));
        Files.copy(Path.of(LAB), more.resolve("again.pcap"));
        Path sparkOut = dir.resolve("spark");
        Cli s = spark("--inventory", INVENTORY, "--out", sparkOut.toString(), recorded.toString(), more.toString());
        assertTrue(s.status <= 1, s.toString());
        assertTrue(s.err.contains("recorded with: --no-inspection, --idle-timeout 60") && s.err.lines().count() == 1, s.err);

        Path again = partialOf(more.resolve("again.pcap").toString(), "again", "--no-inspection", "--idle-timeout", "60", "--inventory", INVENTORY);
        Path mergeOut = dir.resolve("merge");
        Cli m = Cli.run("merge", "-q", "--no-inspection", "--idle-timeout", "60", "--inventory", INVENTORY,
                "--out", mergeOut.toString(), recorded.toString(), again.toString());
        assertEquals(m.status, s.status, m.toString());
        assertEquals(MergeCommandTest.files(mergeOut), MergeCommandTest.files(sparkOut),
                "the captures spark reads are audited as the report was: the report of merge with those options");
    }

    @Test
    void aMixOfReportsOrAGivenOptionThatDiffersIsRefusedInOneLine() throws Exception {
        Path sixty = partial("sixty", "--idle-timeout", "60");
        Path usual = partial("usual");
        Path out = dir.resolve("out");
        Cli mix = spark("--out", out.toString(), usual.toString(), sixty.toString());
        assertEquals(2, mix.status, mix.toString());
        assertEquals(1, mix.err.lines().count(), mix.err);
        assertTrue(mix.err.contains("idle-timeout=PT5M") && mix.err.contains("idle-timeout=PT1M")
                && mix.err.contains("different options cannot give one audit's report"), mix.err);
        assertFalse(Files.exists(out));

        Cli given = spark("--idle-timeout", "60", "--out", out.toString(), usual.toString(), LAB);
        assertEquals(2, given.status, given.toString());
        assertEquals(1, given.err.lines().count(), given.err);
        assertTrue(given.err.contains("this spark run with idle-timeout=PT1M"), given.err);
        assertFalse(Files.exists(out));
    }

    @Test
    void theInventoryTheReportsWereRecordedWithIsRequired() throws Exception {
        Path recorded = partial("recorded", "--inventory", INVENTORY);
        Path out = dir.resolve("out");
        Cli none = spark("--out", out.toString(), recorded.toString());
        assertEquals(2, none.status, none.toString());
        assertEquals(1, none.err.lines().count(), none.err);
        assertTrue(none.err.contains("was recorded with an inventory") && none.err.contains("give the same --inventory"), none.err);
        assertFalse(Files.exists(out));
    }
}
