package dev.ucaudit.cli;

import dev.ucaudit.testing.ChildJvm;
import dev.ucaudit.testing.LiveCapture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rotating {@code ucaudit live} killed with SIGKILL (a crash) and started again as a second JVM on
 * the same --out and --state: the finished periods stay as they were, the new run continues beside
 * them and says from when the traffic is in no report.
 */
@LiveCapture
@ChildJvm
class LiveRestartTest {
    @BeforeAll
    static void needsCapture() {
        LoopbackTraffic.assumeCaptureOnLoopback();
    }

    @Test
    void aKilledRunRestartedContinuesTheSameOutAndSaysWhatIsLost(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("periods");
        Path state = tmp.resolve("state.json");
        String inventory = LoopbackTraffic.inventory(tmp).toString();
        Path err1 = tmp.resolve("err1.txt");
        Process first = start(out, state, inventory, err1, "--rotate", "1s");
        Map<String, String> before;
        try {
            waitFor(() -> Files.readString(err1).contains("listening on"), first, err1);
            LoopbackTraffic.sipRegister();
            waitFor(() -> complete(out).size() >= 2 && t607Used(out), first, err1);
            before = complete(out);
        } finally {
            first.destroyForcibly(); // SIGKILL: the period in progress is lost
            first.waitFor(30, TimeUnit.SECONDS);
        }
        Instant lastEnd = before.values().stream().map(LiveRestartTest::endedAt).max(Instant::compareTo).orElseThrow();

        Path err2 = tmp.resolve("err2.txt");
        Process second = start(out, state, inventory, err2, "--rotate", "1s", "--duration", "2500ms");
        assertTrue(second.waitFor(60, TimeUnit.SECONDS), "the restarted run ends after --duration");
        String err = Files.readString(err2);
        assertEquals(0, second.exitValue(), err);
        assertTrue(err.contains(out + " already holds " + before.size() + " period reports")
                && err.contains("up to " + lastEnd + "; this run continues after it") && err.contains("is in no report"), err);

        Map<String, String> after = complete(out);
        for (Map.Entry<String, String> e : before.entrySet()) {
            assertEquals(e.getValue(), after.get(e.getKey()), e.getKey() + " is kept as the first run wrote it");
        }
        assertTrue(after.size() >= before.size() + 2, "the second run's periods beside the first's: " + after.keySet());
        for (Map.Entry<String, String> e : after.entrySet()) {
            if (!before.containsKey(e.getKey())) {
                assertTrue(endedAt(e.getValue()).isAfter(lastEnd), e.getKey() + " comes after the first run's periods");
            }
        }
        assertTrue(Files.isRegularFile(state), "the state file is carried on");
        // the SIP REGISTER of the first run used T6-07: the cumulative view across both runs keeps that
        List<String> cumulative = Files.readAllLines(out.resolve("cumulative-unused.csv"));
        assertTrue(cumulative.size() > 1, cumulative.toString());
        assertTrue(cumulative.stream().noneMatch(l -> l.startsWith("T6-07,")), "T6-07 was used before the restart");
    }

    private static Process start(Path out, Path state, String inventory, Path stderr, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new java.util.ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "dev.ucaudit.cli.Main", "live", "--interface", "lo", "--filter", LoopbackTraffic.FILTER,
                "--inventory", inventory, "--state", state.toString(), "--out", out.toString()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectError(stderr.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** cumulative-unused.csv exists and no longer lists T6-07 (SIP to the CUCM): the REGISTER's period was written. */
    private static boolean t607Used(Path out) throws Exception {
        Path f = out.resolve("cumulative-unused.csv");
        return Files.isRegularFile(f) && Files.readAllLines(f).stream().noneMatch(l -> l.startsWith("T6-07,"));
    }

    /** Period folder name -> its summary.json, for the complete folders. */
    private static Map<String, String> complete(Path out) throws Exception {
        Map<String, String> m = new LinkedHashMap<>();
        if (!Files.isDirectory(out)) {
            return m;
        }
        try (Stream<Path> s = Files.list(out)) {
            for (Path p : s.sorted().toList()) {
                if (!Files.isSymbolicLink(p) && Files.isRegularFile(p.resolve("summary.json"))) {
                    m.put(p.getFileName().toString(), Files.readString(p.resolve("summary.json")));
                }
            }
        }
        return m;
    }

    private static Instant endedAt(String summary) {
        try {
            return Instant.parse(new ObjectMapper().readTree(summary).get("capture").get("ended_at").asText());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static void waitFor(Check check, Process p, Path stderr) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!check.ok()) {
            assertTrue(p.isAlive(), () -> "ucaudit live ended: " + LoopbackTraffic.read(stderr));
            assertTrue(System.currentTimeMillis() < deadline, () -> "not within 30 s: " + LoopbackTraffic.read(stderr));
            Thread.sleep(100);
        }
    }
}
