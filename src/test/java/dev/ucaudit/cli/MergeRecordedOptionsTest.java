package dev.ucaudit.cli;

import dev.ucaudit.testing.Cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A merge knows what it merges (issue 23 §2): partials record the options that change their meaning;
 * merge uses them when none are given, refuses a mix with one line naming the first difference,
 * requires the inventory they were recorded with, and reads the same partial once however often given.
 */
class MergeRecordedOptionsTest {
    private static final String LAB = "captures/lab-site.pcap";
    private static final String INVENTORY = "captures/lab-site-inventory.csv";

    @TempDir
    Path dir;

    private Path partial(String name, String... options) {
        Path out = dir.resolve(name);
        String[] args = new String[options.length + 6];
        args[0] = "audit";
        args[1] = "-q";
        args[2] = "--partial";
        args[3] = "--out";
        args[4] = out.toString();
        System.arraycopy(options, 0, args, 5, options.length);
        args[args.length - 1] = LAB;
        Cli c = Cli.run(args);
        assertTrue(c.status <= 1, c.toString());
        return out;
    }

    @Test
    void mergeUsesTheOptionsThePartialWasRecordedWith() throws Exception {
        Path recorded = partial("recorded", "--no-inspection", "--inventory", INVENTORY);
        Path plain = dir.resolve("plain");
        Cli audit = Cli.run("audit", "-q", "--no-inspection", "--inventory", INVENTORY, "--out", plain.toString(), LAB);
        Path merged = dir.resolve("merged");
        Cli merge = Cli.run("merge", "--inventory", INVENTORY, "--out", merged.toString(), recorded.toString());
        assertEquals(audit.status, merge.status, merge.toString());
        assertEquals(MergeCommandTest.files(plain), MergeCommandTest.files(merged),
                "merged with the defaults, a partial recorded with --no-inspection gives audit --no-inspection's report");
        assertTrue(merge.err.contains("--no-inspection"), merge.err);
    }

    @Test
    void aMixOfOptionsOrAGivenOneThatDiffersIsRefusedInOneLine() throws Exception {
        Path sixty = partial("sixty", "--idle-timeout", "60");
        Path usual = partial("usual");
        Path out = dir.resolve("out");
        Cli mix = Cli.run("merge", "--out", out.toString(), usual.toString(), sixty.toString());
        assertEquals(2, mix.status, mix.toString());
        assertEquals(1, mix.err.lines().count(), mix.err);
        assertTrue(mix.err.contains("idle-timeout=PT5M") && mix.err.contains("idle-timeout=PT1M"), mix.err);
        assertFalse(Files.exists(out));

        Cli given = Cli.run("merge", "--idle-timeout", "60", "--out", out.toString(), usual.toString());
        assertEquals(2, given.status, given.toString());
        assertTrue(given.err.contains("this merge with idle-timeout=PT1M"), given.err);
        assertFalse(Files.exists(out));

        Path noInspection = partial("no-inspection", "--no-inspection");
        Cli inspection = Cli.run("merge", "--out", out.toString(), usual.toString(), noInspection.toString());
        assertEquals(2, inspection.status, inspection.toString());
        assertTrue(inspection.err.contains("inspection=on") && inspection.err.contains("inspection=off"), inspection.err);
    }

    @Test
    void anInventoryThePartialWasRecordedWithIsRequired() throws Exception {
        Path recorded = partial("recorded", "--inventory", INVENTORY);
        Path out = dir.resolve("out");
        Cli none = Cli.run("merge", "--out", out.toString(), recorded.toString());
        assertEquals(2, none.status, none.toString());
        assertTrue(none.err.contains("was recorded with an inventory") && none.err.contains("give merge the same --inventory"), none.err);
        assertFalse(Files.exists(out));
        Cli same = Cli.run("merge", "-q", "--inventory", INVENTORY, "--out", out.toString(), recorded.toString());
        assertTrue(same.status <= 1, same.toString());
    }

    @Test
    void theSamePartialGivenTwiceIsReadOnce() throws Exception {
        Path lab = partial("lab", "--inventory", INVENTORY);
        Path copy = dir.resolve("copy.bin.gz");
        Files.copy(lab.resolve("partial.bin.gz"), copy);
        Path link = dir.resolve("latest");
        Files.createSymbolicLink(link, lab);
        Path once = dir.resolve("once");
        Path twice = dir.resolve("twice");
        assertTrue(Cli.run("merge", "-q", "--inventory", INVENTORY, "--out", once.toString(), lab.toString()).status <= 1);
        Cli m = Cli.run("merge", "-q", "--inventory", INVENTORY, "--out", twice.toString(), lab.toString(), lab.toString(),
                copy.toString(), link.toString());
        assertTrue(m.status <= 1, m.toString());
        assertEquals(3, m.err.lines().filter(l -> l.contains("holds the same partial audit as") && l.endsWith("it is read once")).count(), m.err);
        assertEquals(MergeCommandTest.files(once), MergeCommandTest.files(twice));
    }
}
