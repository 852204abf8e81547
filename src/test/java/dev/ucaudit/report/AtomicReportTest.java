package dev.ucaudit.report;

import dev.ucaudit.testing.ChildJvm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ucaudit.cli.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Report files are written under a temporary name and renamed into place: a run that fails or is
 * killed mid-write leaves the previous complete file, never a half-written one; the next run clears
 * the leftovers.
 */
@ChildJvm
class AtomicReportTest {
    static final String OLD = "first_seen,last_seen,initiator\nOLD,COMPLETE,ROW\n";

    @TempDir
    Path dir;

    private static List<Path> temporaries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    @Test
    void failingWriteLeavesTheOldFileWholeAndNoTemporary() throws Exception {
        Path target = dir.resolve("flows.csv");
        Files.writeString(target, OLD);
        assertThrows(IOException.class, () -> AtomicFile.write(target, w -> {
            w.write("first_seen,last_seen,initiator\n");
            for (int i = 0; i < 100_000; i++) {
                w.write("NEW,HALF,ROW\n");
            }
            throw new IOException("disk full");
        }));
        assertEquals(OLD, Files.readString(target));
        assertTrue(temporaries(dir).isEmpty());
    }

    /** A child JVM is killed (SIGKILL) in the middle of AtomicFile.write. */
    @Test
    void killedWriterLeavesTheOldFileWholeAndTheNextRunClearsItsTemporary() throws Exception {
        Path target = dir.resolve("flows.csv");
        Files.writeString(target, OLD);
        Files.writeString(dir.resolve("summary.json"), "{\"tool\":\"ucaudit\",\"old\":true}\n"); // a ucaudit report
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                SlowWriter.class.getName(), target.toString()).redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("WRITING", r.readLine());
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(OLD, Files.readString(target), "the old complete file is untouched");
        List<Path> left = temporaries(dir);
        assertEquals(1, left.size(), "the killed run's half-written temporary: " + left);
        assertTrue(Files.size(left.get(0)) > 1000);
        assertTrue(left.get(0).getFileName().toString().startsWith(".flows.csv."));

        // the next audit into the folder removes the leftover and writes whole files
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "audit", "--out", dir.toString(),
                "--inventory", "captures/lab-site-inventory.csv", "captures/lab-site.pcap");
        assertTrue(status == 0 || status == 1, err.toString());
        assertTrue(temporaries(dir).isEmpty(), "leftover temporaries: " + temporaries(dir));
        for (String f : ReportWriter.FILES) {
            String text = Files.readString(dir.resolve(f));
            assertFalse(text.contains("OLD,COMPLETE"), f);
            assertTrue(f.endsWith(".html") ? text.trim().endsWith("</html>") : text.endsWith("\n"), f + " is complete");
        }
        assertTrue(Files.readString(dir.resolve("flows.csv")).startsWith("first_seen,last_seen,initiator,initiator_port"));
        new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    }

    @Test
    void rewritingAFolderDropsTheOldSummaryFirst() throws Exception {
        Files.writeString(dir.resolve("summary.json"), "{\"old\":true}\n");
        Files.writeString(dir.resolve(".conversations.csv.999.tmp"), "half");
        Files.writeString(dir.resolve(".unrelated.tmp"), "not ours");
        ReportWriter.removeLeftovers(dir);
        assertFalse(Files.exists(dir.resolve(".conversations.csv.999.tmp")));
        assertTrue(Files.exists(dir.resolve(".unrelated.tmp")), "only report temporaries are removed");
    }

    /** Child process: starts an atomic write, says WRITING, and hangs until killed. */
    public static final class SlowWriter {
        public static void main(String[] args) throws Exception {
            AtomicFile.write(Path.of(args[0]), w -> {
                w.write("first_seen,last_seen,initiator\n");
                for (int i = 0; i < 10_000; i++) {
                    w.write("NEW,PARTIAL,ROW\n");
                }
                w.flush();
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
}
