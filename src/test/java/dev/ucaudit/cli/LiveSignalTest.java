package dev.ucaudit.cli;

import dev.ucaudit.testing.ChildJvm;
import dev.ucaudit.testing.LiveCapture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ucaudit live} as its own process, stopped by SIGINT: the report must be complete. */
@LiveCapture
@ChildJvm
class LiveSignalTest {
    @BeforeAll
    static void needsCapture() {
        LoopbackTraffic.assumeCaptureOnLoopback();
    }

    @Test
    void sigintDrainsAndWritesTheWholeReport(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("report");
        Path stderr = tmp.resolve("stderr.txt");
        Path stdout = tmp.resolve("stdout.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "dev.ucaudit.cli.Main", "live", "--interface", "lo", "--filter", LoopbackTraffic.FILTER,
                "--inventory", LoopbackTraffic.inventory(tmp).toString(), "--out", out.toString())
                .redirectError(stderr.toFile()).redirectOutput(stdout.toFile()).start();
        try {
            LoopbackTraffic.awaitListening(p, stderr);
            LoopbackTraffic.sipRegister();
            LoopbackTraffic.sccpConnection();
            new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).inheritIO().start().waitFor();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "ucaudit live did not end after SIGINT");
        } finally {
            p.destroyForcibly();
        }
        String err = LoopbackTraffic.read(stderr);
        assertEquals(0, p.exitValue(), "exit status after SIGINT with only documented flows; stderr:\n" + err);
        assertTrue(err.contains("SIGINT: stopping"), err);
        for (String f : List.of("flows.csv", "conversations.csv", "unused.csv", "summary.json", "report.html")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertTrue(Files.readString(out.resolve("report.html")).strip().endsWith("</html>"));
        List<String> flows = Files.readAllLines(out.resolve("flows.csv"));
        assertEquals(3, flows.size(), String.join("\n", flows));
        assertTrue(flows.stream().allMatch(l -> l.startsWith("first_seen") || l.contains(",documented,")));
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        JsonNode capture = summary.get("capture");
        long read = summary.get("packets").get("read").asLong();
        assertTrue(read >= 12, "every packet sent before SIGINT is in the report: " + read);
        assertEquals(read, capture.get("packets_analysed").asLong());
        assertEquals(capture.get("packets_captured").asLong(), read + capture.get("packets_dropped_by_ucaudit").asLong());
        // tcpdump-style figures on exit, agreeing with summary.json
        assertTrue(err.contains(capture.get("packets_captured").asLong() + " packets captured"), err);
        assertTrue(err.contains(capture.get("packets_received_by_filter").asLong() + " packets received by filter"), err);
        assertTrue(err.contains(capture.get("packets_dropped_by_kernel").asLong() + " packets dropped by kernel"), err);
        assertTrue(err.contains("packets dropped by ucaudit (analysis could not keep up)"), err);
        assertTrue(err.contains("estimated loss upstream of the capture"), err);
    }
}
