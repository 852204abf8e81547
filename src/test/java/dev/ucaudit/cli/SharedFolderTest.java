package dev.ucaudit.cli;

import dev.ucaudit.testing.Cli;
import dev.ucaudit.testing.CliAudit;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Report folders in a folder other users may write (issue 23 §4): a planted leftover is never followed
 * and another user's is never touched, staging names cannot be taken in advance, one real folder is one
 * lock whatever name reaches it, a name too long for what the run creates is refused before reading,
 * and a killed run's temporary partial is removed by the next run of the same report.
 */
class SharedFolderTest {
    private static final String PCAP = "captures/lab-site.pcap";

    @TempDir
    Path dir;

    private Cli audit(Path out, String... extra) {
        return CliAudit.audit(out, PCAP, Stream.concat(Stream.of("-q", "--fail-on", "none"), Stream.of(extra)).toArray(String[]::new));
    }

    @Test
    void aPlantedOldLinkIsNeverFollowed() throws Exception {
        Path victim = dir.resolve("elsewhere/victim");
        Files.createDirectories(victim.getParent());
        assertEquals(0, audit(victim, "--partial").status);
        byte[] flows = Files.readAllBytes(victim.resolve("flows.csv"));
        Path shared = Files.createDirectories(dir.resolve("shared"));
        Files.createSymbolicLink(shared.resolve(".report.ucaudit-old-4242"), victim);
        Cli c = audit(shared.resolve("report"));
        assertEquals(2, c.status, c.toString());
        assertTrue(c.err.contains("is not a folder a ucaudit run left"), c.err);
        assertArrayEquals(flows, Files.readAllBytes(victim.resolve("flows.csv")), "the other report is untouched");
        assertTrue(Files.exists(victim.resolve("partial.bin.gz")), "its partial too");

        // another user's leftover (made so here by root): left alone, never followed; the run goes on
        UserPrincipal nobody = lookup("nobody");
        if (nobody != null) {
            Path link = shared.resolve(".report.ucaudit-old-4242");
            Files.setOwner(link, nobody);
            if (nobody.equals(Files.getOwner(link, LinkOption.NOFOLLOW_LINKS))) {
                Cli other = audit(shared.resolve("report"));
                assertEquals(0, other.status, other.toString());
                assertTrue(Files.isSymbolicLink(link), "left where it was");
                assertArrayEquals(flows, Files.readAllBytes(victim.resolve("flows.csv")));
                assertFalse(Files.isSymbolicLink(shared.resolve("report")));
            }
        }
    }

    private static UserPrincipal lookup(String name) {
        try {
            return Path.of("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(name);
        } catch (Exception e) {
            return null;
        }
    }

    @Test
    void stagingNamesTakenInAdvanceDoNotStopTheRun() throws Exception {
        long pid = ProcessHandle.current().pid();
        for (int i = 0; i < 50; i++) {
            // another user's folders (non-empty: no run may clear them): the names this pid would have used
            Path planted = Files.createDirectory(dir.resolve(".report.ucaudit-new-" + pid + "-" + i));
            Files.writeString(planted.resolve("planted"), "x");
            Path aside = Files.createDirectory(dir.resolve(".report.ucaudit-old-" + pid + (i == 0 ? "" : "-" + i)));
            Files.writeString(aside.resolve("planted"), "x");
        }
        Path out = dir.resolve("report");
        assertEquals(0, audit(out).status);
        assertEquals(0, audit(out).status, "a second run swaps the first report out");
        assertTrue(Files.isRegularFile(out.resolve("summary.json")));
    }

    @Test
    void oneRealFolderIsOneLockWhateverNameReachesIt() throws Exception {
        Path rep = Files.createDirectories(dir.resolve("rep"));
        Path link = Files.createSymbolicLink(dir.resolve("link-to-rep"), rep);
        try (OutFolder first = OutFolder.claim(rep, null, false)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OutFolder.claim(link, null, false));
            assertTrue(e.getMessage().contains("is in use by another ucaudit run"), e.getMessage());
            Path viaLinkedParent = Files.createSymbolicLink(dir.resolve("same-dir"), dir).resolve("rep");
            assertThrows(IllegalArgumentException.class, () -> OutFolder.claim(viaLinkedParent, null, false));
        }
    }

    /** A link to a report not written yet names the folder it would write (which may appear before the swap). */
    @Test
    void aDanglingLinkIsOneLockWithTheFolderItNames() throws Exception {
        Path rep = dir.resolve("not-yet");
        Path link = Files.createSymbolicLink(dir.resolve("link-to-not-yet"), Path.of("not-yet"));
        Path chain = Files.createSymbolicLink(dir.resolve("link-to-link"), link);
        try (OutFolder first = OutFolder.claim(rep, null, false)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OutFolder.claim(link, null, false));
            assertTrue(e.getMessage().contains("is in use by another ucaudit run"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> OutFolder.claim(chain, null, false));
        }
        try (OutFolder viaLink = OutFolder.claim(link, null, false)) {
            assertThrows(IllegalArgumentException.class, () -> OutFolder.claim(rep, null, false));
        }
    }

    /** The lock is taken on a regular file ucaudit made: a link planted at its name is refused, never written through. */
    @Test
    void aLinkPlantedAtTheLockFileIsRefusedAndNotFollowed() throws Exception {
        Path precious = Files.writeString(dir.resolve("precious.txt"), "keep me\n");
        Files.createSymbolicLink(dir.resolve(".rep.ucaudit-lock"), precious);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OutFolder.claim(dir.resolve("rep"), null, false));
        assertTrue(e.getMessage().contains("is not a regular file"), e.getMessage());
        assertEquals("keep me\n", Files.readString(precious), "the file the link names is untouched");
    }

    @Test
    void aNameTooLongForTheStagingFolderIsRefusedBeforeReading() throws Exception {
        Path out = dir.resolve("r".repeat(238));
        Cli c = audit(out);
        assertEquals(2, c.status, c.toString());
        assertTrue(c.err.contains("the name is too long"), c.err);
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(0, s.filter(p -> !p.getFileName().toString().endsWith(".ucaudit-lock")).count(), "nothing created");
        }
        assertEquals(0, audit(dir.resolve("r".repeat(180))).status, "a long name that fits is taken");
    }

    @Test
    void aKilledRunsTemporaryPartialIsRemovedByTheNextRun() throws Exception {
        Path out = dir.resolve("report");
        Path leftover = dir.resolve(".report.ucaudit-partial-123456.tmp");
        Files.write(leftover, new byte[100_000]);
        Path otherReports = dir.resolve(".other.ucaudit-partial-1.tmp");
        Files.write(otherReports, new byte[10]);
        assertEquals(0, audit(out, "--partial").status);
        assertFalse(Files.exists(leftover), "this report's leftover is removed");
        assertTrue(Files.exists(otherReports), "another report's (perhaps running) is not");
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.filter(p -> p.getFileName().toString().contains("ucaudit-partial")).count());
        }
    }
}
