package dev.ucaudit.cli;

import dev.ucaudit.testing.LiveCapture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import dev.ucaudit.capture.live.NativeCapture;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ucaudit live} in this JVM on lo, with traffic the test sends itself. Skipped without capture rights. */
@LiveCapture
class LiveLoopbackTest {
    @BeforeAll
    static void needsCapture() {
        LoopbackTraffic.assumeCaptureOnLoopback();
    }

    @Test
    void capturesSipAndSccpAndReportsVerdictsAndCaptureFigures(@TempDir Path tmp) throws Exception {
        capturesSipAndSccp(tmp, "pcap4j");
    }

    @Test
    void theNativeHelperCapturesSipAndSccpToo(@TempDir Path tmp) throws Exception {
        String why = NativeCapture.load();
        Assumptions.assumeTrue(why == null, () -> "native capture helper cannot load here (" + why
                + "): build it with gcc and libpcap-dev; skipping");
        capturesSipAndSccp(tmp, "native");
    }

    private void capturesSipAndSccp(Path tmp, String engine) throws Exception {
        Path out = tmp.resolve("report");
        CompletableFuture<Integer> run = LoopbackTraffic.startLive("live", "--interface", "lo",
                "--duration", "5s", "--filter", LoopbackTraffic.FILTER, "--inventory", inventory(tmp),
                "--capture-engine", engine, "--out", out.toString());
        LoopbackTraffic.sipRegister();
        LoopbackTraffic.sccpConnection();
        int status = run.get(60, TimeUnit.SECONDS);
        assertEquals(0, status, "both flows are documented");

        List<String> flows = Files.readAllLines(out.resolve("flows.csv"));
        assertEquals(3, flows.size(), String.join("\n", flows));
        String sip = flows.stream().filter(l -> l.contains(",5060,udp,")).findFirst().orElseThrow();
        String[] sipColumns = sip.split(",");
        assertEquals(LoopbackTraffic.PHONE, sipColumns[2], "the phone sent the REGISTER, so it is the initiator: " + sip);
        assertEquals(LoopbackTraffic.CUCM + ":5060", sipColumns[4] + ":" + sipColumns[5], "cucm answered on 5060: " + sip);
        assertTrue(sip.contains(LoopbackTraffic.PHONE + ",") && sip.contains(",2,") && sip.contains(",phone,cucm,documented,T6-07,"), sip);
        String sccp = flows.stream().filter(l -> l.contains(",2000,tcp,")).findFirst().orElseThrow();
        assertTrue(sccp.contains(",phone,cucm,documented,T6-03,"), sccp);
        assertTrue(sccp.split(",")[2].equals(LoopbackTraffic.PHONE), "the phone opened the connection: " + sccp);

        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("live", summary.get("mode").asText());
        JsonNode capture = summary.get("capture");
        assertEquals("lo", capture.get("interface").asText());
        assertEquals(engine, capture.get("capture_engine").asText());
        assertEquals(LoopbackTraffic.FILTER, capture.get("filter").asText());
        long read = summary.get("packets").get("read").asLong();
        assertTrue(read >= 12, "2 SIP + at least 10 TCP packets: " + read);
        assertEquals(read, capture.get("packets_analysed").asLong());
        assertEquals(read, capture.get("packets_captured").asLong() - capture.get("packets_dropped_by_ucaudit").asLong());
        assertEquals(0, capture.get("packets_dropped_by_ucaudit").asLong());
        assertTrue(capture.get("packets_received_by_filter").asLong() >= read, capture.toString());
        assertEquals(0, capture.get("packets_dropped_by_kernel").asLong());
        JsonNode loss = capture.get("upstream_loss");
        assertTrue(loss.get("acks").asLong() > 0, loss.toString());
        assertEquals(0, loss.get("gaps").asLong(), "nothing is lost on lo: " + loss);
    }

    @Test
    void rotationWritesAFolderPerPeriodWithCumulativeUnusedAndLatest(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("rotated");
        CompletableFuture<Integer> run = LoopbackTraffic.startLive("live", "-i", "lo",
                "--duration", "4500ms", "--rotate", "2s", "--filter", LoopbackTraffic.FILTER,
                "--inventory", inventory(tmp), "--out", out.toString());
        LoopbackTraffic.sipRegister();
        int status = run.get(60, TimeUnit.SECONDS);
        assertEquals(0, status);
        List<Path> folders;
        try (Stream<Path> s = Files.list(out)) {
            folders = s.filter(p -> Files.isDirectory(p) && p.getFileName().toString().matches("\\d{4}-\\d\\d-\\d\\dT\\d{6}Z(-\\d+)?"))
                    .sorted().toList();
        }
        assertTrue(folders.size() >= 2, "one folder per 2 s period over 4.5 s: " + folders);
        for (Path f : folders) {
            assertTrue(Files.isRegularFile(f.resolve("summary.json")), f + " is complete");
        }
        assertTrue(Files.isSymbolicLink(out.resolve("latest")));
        assertEquals(folders.get(folders.size() - 1).toRealPath(), out.resolve("latest").toRealPath());
        // SIP to the CUCM used opening T6-07 in one period: it is no longer unused across all periods
        List<String> cumulative = Files.readAllLines(out.resolve("cumulative-unused.csv"));
        assertTrue(cumulative.size() > 1);
        assertTrue(cumulative.stream().noneMatch(l -> l.startsWith("T6-07,")), "T6-07 was used");
        long periodsWithT607Unused = 0;
        for (Path f : folders) {
            if (Files.readAllLines(f.resolve("unused.csv")).stream().anyMatch(l -> l.startsWith("T6-07,"))) {
                periodsWithT607Unused++;
            }
        }
        assertTrue(periodsWithT607Unused >= 1, "the periods without the REGISTER list T6-07 as unused");
        long total = 0;
        for (Path f : folders) {
            total += new ObjectMapper().readTree(f.resolve("summary.json").toFile()).get("packets").get("read").asLong();
        }
        assertEquals(2, total, "the two SIP packets, counted in exactly one period");
    }

    private static String inventory(Path dir) {
        try {
            return LoopbackTraffic.inventory(dir).toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
