package dev.ucaudit.cli;

import dev.ucaudit.testing.Cli;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ucaudit.synth.LabSite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden-file test: the bundled lab capture in, the report out, compared with the checked-in
 * expected report. Run with -Ducaudit.updateGolden=true to rewrite the expected files after a
 * deliberate change (then review the diff).
 */
class LabSiteGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/lab-site");
    private static final boolean UPDATE = Boolean.getBoolean("ucaudit.updateGolden");

    @TempDir
    Path dir;

    @Test
    void bundledCaptureIsWhatTheGeneratorWrites() throws Exception {
        LabSite.write(dir.resolve("lab.pcap"), dir.resolve("inv.csv"));
        assertArrayEquals(Files.readAllBytes(Path.of("captures/lab-site.pcap")), Files.readAllBytes(dir.resolve("lab.pcap")),
                "captures/lab-site.pcap is stale: regenerate it with ./ucaudit generate lab-site");
        assertEquals(Files.readString(Path.of("captures/lab-site-inventory.csv")), Files.readString(dir.resolve("inv.csv")));
    }

    @Test
    void reportMatchesGoldenFiles() throws Exception {
        Path out = dir.resolve("report");
        Cli r = Cli.run("audit", "--inventory", "captures/lab-site-inventory.csv", "--out", out.toString(), "captures/lab-site.pcap");
        assertEquals(1, r.status, r.toString());
        assertEquals("", r.err, "a clean capture prints nothing on stderr");
        for (String name : new String[] {"flows.csv", "conversations.csv", "unused.csv"}) {
            compare(name, Files.readString(out.resolve(name), StandardCharsets.UTF_8));
        }
        compare("summary.json", normalizedSummary(out.resolve("summary.json")));
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("Findings: undocumented flows (4)"), "report.html lists the findings first");
        assertTrue(html.indexOf("Findings") < html.indexOf("Conversation pairs"));
        assertTrue(html.contains("<svg"), "report.html has charts");
        assertTrue(!html.contains("<script src") && !html.contains("src=\"http") && !html.contains("href=\"http")
                && !html.contains("<link"), "self-contained: only inline script, no external resources");
    }

    /** summary.json without what changes from run to run (time written, temporary paths). */
    static String normalizedSummary(Path file) throws Exception {
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = (ObjectNode) m.readTree(file.toFile());
        root.remove("generated_at");
        for (JsonNode in : root.get("inputs")) {
            ((ObjectNode) in).put("name", Path.of(in.get("name").asText()).getFileName().toString());
        }
        ((ObjectNode) root.get("catalog")).remove("sources");
        ObjectNode inv = (ObjectNode) root.get("inventory");
        if (inv.hasNonNull("source")) {
            inv.put("source", Path.of(inv.get("source").asText()).getFileName().toString());
        }
        return m.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    private static void compare(String name, String actual) throws Exception {
        Path expected = GOLDEN.resolve(name);
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(expected, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual,
                name + " differs from " + expected + " (if the change is intended: mvn test -Ducaudit.updateGolden=true)");
    }
}
