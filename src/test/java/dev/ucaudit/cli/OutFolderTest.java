package dev.ucaudit.cli;

import dev.ucaudit.testing.Cli;
import dev.ucaudit.testing.LiveCapture;
import dev.ucaudit.testing.ChildJvm;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ucaudit.report.ReportFolderSwap;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 section 2: nothing the user had is lost. The report is built beside --out and swapped in;
 * --out and --state are checked and locked before anything is read.
 */
@ChildJvm
class OutFolderTest {
    static final String PCAP = "captures/lab-site.pcap";
    static final String INVENTORY = "captures/lab-site-inventory.csv";

    @TempDir
    Path dir;

    private static Map<String, byte[]> contents(Path folder) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : s.toList()) {
                m.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return m;
    }

    private static void assertSameFiles(Map<String, byte[]> expected, Path folder) throws IOException {
        Map<String, byte[]> actual = contents(folder);
        assertEquals(expected.keySet(), actual.keySet());
        for (String k : expected.keySet()) {
            assertArrayEquals(expected.get(k), actual.get(k), k + " changed");
        }
    }

    private Path audited(String name) {
        Path out = dir.resolve(name);
        Cli r = Cli.run("audit", "--inventory", INVENTORY, "--out", out.toString(), PCAP);
        assertEquals(1, r.status, r.toString());
        return out;
    }

    private static long siblings(Path out, String infix) throws IOException {
        try (Stream<Path> s = Files.list(out.toAbsolutePath().getParent())) {
            return s.filter(p -> p.getFileName().toString().contains(infix)).count();
        }
    }

    /** A failure after some new files were written (here: a corrupt state file) leaves the old report as it was. */
    @Test
    void failureWhileWritingLeavesTheOldReportWhole() throws Exception {
        Path out = audited("report");
        Map<String, byte[]> before = contents(out);
        Path state = dir.resolve("state.json");
        Files.writeString(state, "{ not json");
        Cli r = Cli.run("audit", "--out", out.toString(), "--state", state.toString(), "--fail-on", "none", PCAP);
        assertEquals(2, r.status, r.toString());
        assertSameFiles(before, out);
        assertEquals(0, siblings(out, ".ucaudit-new-"), "no half-built folder left beside --out");
    }

    /** A run killed (SIGKILL) while writing leaves the old report; the next run clears what it left. */
    @Test
    void killedRunLeavesTheOldReportAndTheNextRunClearsItsLeftovers() throws Exception {
        Path out = audited("report");
        Map<String, byte[]> before = contents(out);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                SlowSwap.class.getName(), out.toString()).redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("WRITING", r.readLine());
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertSameFiles(before, out);
        assertEquals(1, siblings(out, ".ucaudit-new-"), "the killed run's half-built folder");
        audited("report");
        assertEquals(0, siblings(out, ".ucaudit-new-"));
        assertFalse(Files.readString(out.resolve("flows.csv")).contains("PARTIAL"));
    }

    /** A run killed between its two renames left the old report aside: the next run puts it back first. */
    @Test
    void oldReportLeftAsideIsPutBack() throws Exception {
        Path out = audited("report");
        Map<String, byte[]> before = contents(out);
        Files.move(out, dir.resolve(".report.ucaudit-old-12345"));
        new ReportFolderSwap().check(out);
        assertSameFiles(before, out);
    }

    /** escaped.csv of an earlier --allowed run does not survive beside a report made without --allowed. */
    @Test
    void filesOfAnEarlierRunThatThisRunDoesNotWriteAreGone() throws Exception {
        Path allowed = dir.resolve("allowed.csv");
        Files.writeString(allowed, "source,destination,protocol,ports,comment\nphone,cucm-subscriber,tcp,2000,SCCP\n");
        Path out = dir.resolve("report");
        Path state = dir.resolve("state.json");
        Cli first = Cli.run("audit", "--inventory", INVENTORY, "--allowed", allowed.toString(), "--state", state.toString(),
                "--out", out.toString(), PCAP);
        assertEquals(1, first.status, first.toString());
        assertTrue(Files.exists(out.resolve("escaped.csv")) && Files.exists(out.resolve("unused-history.csv")));
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertTrue(summary.has("policy") && summary.has("unused_history"), "one summary.json with every section");
        audited("report");
        assertFalse(Files.exists(out.resolve("escaped.csv")));
        assertFalse(Files.exists(out.resolve("unused-allowed.csv")));
        assertFalse(Files.exists(out.resolve("unused-history.csv")));
    }

    @Test
    void aReportWithItsPartialIsReplacedAndAPartialOfAnEarlierRunGoes() throws Exception {
        Path out = dir.resolve("report");
        for (int run = 0; run < 2; run++) {
            Cli partial = Cli.run("audit", "--partial", "--inventory", INVENTORY, "--out", out.toString(), PCAP);
            assertEquals(1, partial.status, partial.toString());
            assertTrue(Files.isRegularFile(out.resolve(AuditSession.PARTIAL)));
        }
        audited("report");
        assertFalse(Files.exists(out.resolve(AuditSession.PARTIAL)), "it would not match this report");
    }

    @Test
    void outThatIsNotAReportIsRefusedAndNothingIsDeleted() throws Exception {
        Path mine = dir.resolve("mine");
        Files.createDirectories(mine);
        Files.writeString(mine.resolve("notes.txt"), "mine");
        Files.writeString(mine.resolve(".x.tmp"), "mine too");
        Cli r = Cli.run("audit", "--out", mine.toString(), PCAP);
        assertEquals(2, r.status, r.toString());
        assertTrue(r.err.startsWith("ucaudit: --out " + mine + " holds files but is not a ucaudit report"), r.err);
        assertEquals(2, contents(mine).size());

        Path out = audited("report");
        Files.writeString(out.resolve(".x.tmp"), "a user's file");
        r = Cli.run("audit", "--out", out.toString(), PCAP);
        assertEquals(2, r.status, r.toString());
        assertTrue(r.err.contains("also holds .x.tmp that ucaudit did not write"), r.err);
        assertEquals("a user's file", Files.readString(out.resolve(".x.tmp")));
    }

    /** --out as a symbolic link to a report: the report it points to is replaced, the link is kept. */
    @Test
    void symbolicLinkToAReportStaysALink() throws Exception {
        Path real = audited("real");
        Path link = Files.createSymbolicLink(dir.resolve("link"), real.getFileName());
        Files.writeString(real.resolve("escaped.csv"), "old\n");
        Cli r = Cli.run("audit", "--inventory", INVENTORY, "--out", link.toString(), PCAP);
        assertEquals(1, r.status, r.toString());
        assertTrue(Files.isSymbolicLink(link));
        assertFalse(Files.exists(real.resolve("escaped.csv")), "the report the link points to was replaced");
        assertEquals(0, siblings(real, ".ucaudit-old-") + siblings(real, ".ucaudit-new-"));
    }

    @Test
    void outThatIsAFileOrTheRootIsRefusedAtOnce() throws Exception {
        Path file = dir.resolve("file");
        Files.writeString(file, "x");
        Cli r = Cli.run("audit", "--out", file.toString(), PCAP);
        assertEquals(2, r.status);
        assertEquals("ucaudit: --out " + file + " is a file, not a folder; give a folder name (it is created) or move the file away\n", r.err);
        r = Cli.run("audit", "--out", file.resolve("sub").toString(), PCAP);
        assertEquals(2, r.status);
        assertTrue(r.err.contains(file + " is a file, not a folder"), r.err);
        r = Cli.run("audit", "--out", dir.resolve("r").toString(), "--state", file.resolve("state.json").toString(), PCAP);
        assertEquals(2, r.status);
        assertTrue(r.err.startsWith("ucaudit: --state " + file.resolve("state.json") + ": " + file + ": already exists"), r.err);
        r = Cli.run("audit", "--out", "/", PCAP);
        assertEquals(2, r.status);
        assertTrue(r.err.startsWith("ucaudit: --out /: ucaudit does not write into the root folder"), r.err);
        assertEquals("x", Files.readString(file));
    }

    /** live --out FILE fails before capturing, not after the whole --duration. */

    @LiveCapture
    @Test
    void liveChecksOutBeforeCapturing() throws Exception {
        Path file = dir.resolve("file");
        Files.writeString(file, "x");
        for (String[] rotate : new String[][] {{}, {"--rotate", "1h"}}) {
            String[] args = Stream.concat(Stream.of("live", "-i", "lo", "--duration", "2s", "--out", file.toString()),
                    Stream.of(rotate)).toArray(String[]::new);
            Cli r = Cli.run(args);
            assertEquals(2, r.status, r.toString());
            assertTrue(r.err.contains("is a file, not a folder") && !r.err.contains("listening"), r.err);
        }
    }

    /** Two runs into one --out, or sharing one --state: the second names the holder's pid and exits 2. */
    @Test
    void secondRunIntoTheSameOutOrStateIsRefused() throws Exception {
        Path out = dir.resolve("report");
        Path state = dir.resolve("state.json");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                Holder.class.getName(), out.toString(), state.toString()).redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("LOCKED", r.readLine());
            Cli second = Cli.run("audit", "--out", out.toString(), PCAP);
            assertEquals(2, second.status, second.toString());
            assertTrue(second.err.startsWith("ucaudit: --out " + out + " is in use by another ucaudit run (pid " + child.pid()), second.err);
            Cli third = Cli.run("audit", "--out", dir.resolve("other").toString(), "--state", state.toString(), PCAP);
            assertEquals(2, third.status, third.toString());
            assertTrue(third.err.startsWith("ucaudit: --state " + state + " is in use by another ucaudit run (pid " + child.pid()), third.err);
            assertFalse(Files.exists(out.resolve("flows.csv")));
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        audited("report"); // the lock went with the process
    }

    /** Within one JVM (two threads or two command runs), the second claim is refused too. */
    @Test
    void secondClaimInTheSameProcessIsRefused() throws Exception {
        Path out = dir.resolve("report");
        try (OutFolder first = OutFolder.claim(out, null, false)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OutFolder.claim(out, null, false));
            assertTrue(e.getMessage().contains("pid " + ProcessHandle.current().pid()), e.getMessage());
        }
        OutFolder.claim(out, null, false).close();
    }

    /** Report, state and export files get the mode any new file gets under the umask (not always 0600). */
    @Test
    void filesFollowTheUmask() throws Exception {
        Path probeFile = Files.createFile(dir.resolve("probe"));
        Path probeDir = Files.createDirectory(dir.resolve("probe-dir"));
        String fileMode = PosixFilePermissions.toString(Files.getPosixFilePermissions(probeFile));
        String dirMode = PosixFilePermissions.toString(Files.getPosixFilePermissions(probeDir));
        Path state = dir.resolve("state.json");
        Path out = dir.resolve("report");
        assertEquals(1, Cli.run("audit", "--inventory", INVENTORY, "--state", state.toString(), "--out", out.toString(), PCAP).status);
        Path export = dir.resolve("export");
        assertEquals(0, Cli.run("export", out.toString(), "--out", export.toString()).status);
        assertEquals(dirMode, PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        for (Path p : new Path[] {out.resolve("flows.csv"), out.resolve("summary.json"), out.resolve("unused-history.csv"),
            state, export.resolve("asa-acl.txt"), export.resolve("allowed-draft.csv")}) {
            assertEquals(fileMode, PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p.toString());
        }
    }

    /** Child process: starts swapping a report in, says WRITING, and hangs until killed. */
    public static final class SlowSwap {
        public static void main(String[] args) throws Exception {
            new ReportFolderSwap().replace(Path.of(args[0]), staged -> {
                Files.writeString(staged.resolve("flows.csv"), "NEW,PARTIAL,ROW\n");
                System.out.println("WRITING");
                System.out.flush();
                try {
                    Thread.sleep(600_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }

    /** Child process: claims --out and --state as a run does, says LOCKED, and holds them until killed. */
    public static final class Holder {
        public static void main(String[] args) throws Exception {
            try (OutFolder claimed = OutFolder.claim(Path.of(args[0]), Path.of(args[1]), false)) {
                System.out.println("LOCKED");
                System.out.flush();
                Thread.sleep(600_000);
            }
        }
    }
}
