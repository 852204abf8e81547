package dev.ucaudit.cli;

import dev.ucaudit.testing.Cli;
import dev.ucaudit.testing.CliAudit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ucaudit.capture.CaptureFiles;
import dev.ucaudit.capture.PacketSource;
import dev.ucaudit.capture.PcapWriter;
import dev.ucaudit.packet.CaptureProblem;
import dev.ucaudit.packet.PacketSink;
import dev.ucaudit.packet.RawPacket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state file cannot be poisoned (issue 23 §3): a packet stamped far in the future never moves the
 * state's clock and is noted as damage; a run with another inventory or catalog refuses to update the
 * state (exit 2, one line) unless --new-history; a state file that is not whole is refused before any
 * packet is read, naming the file and the field.
 */
class StateFileSafetyTest {
    private static final String LAB = "captures/lab-site.pcap";
    private static final String INVENTORY = "captures/lab-site-inventory.csv";

    @TempDir
    Path dir;

    private Cli night(Path state, String out, String capture, String... extra) {
        return CliAudit.audit(dir.resolve(out), capture,
                Stream.concat(Stream.of("--fail-on", "none", "--state", state.toString()), Stream.of(extra)).toArray(String[]::new));
    }

    @Test
    void aPacketFromTheFutureDoesNotMoveTheStateClock() throws Exception {
        Path state = dir.resolve("state.json");
        assertEquals(0, night(state, "n1", LAB, "--inventory", INVENTORY).status);
        // the lab capture again, and one more packet (its first frame) stamped 2100-01-01
        Path damaged = dir.resolve("damaged.pcap");
        long future = Instant.parse("2100-01-01T00:00:00Z").getEpochSecond() * 1_000_000_000L;
        try (PacketSource in = CaptureFiles.open(Path.of(LAB)); PcapWriter w = PcapWriter.create(damaged, 1, true)) {
            in.run(new PacketSink() {
                @Override
                public void packet(RawPacket p) {
                    try {
                        w.writePacket(p.timestampNanos, Arrays.copyOfRange(p.data, p.offset, p.offset + p.length));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }

                @Override
                public void problem(CaptureProblem problem) {
                }
            });
            w.writePacket(future, firstFrame());
        }
        Cli n2 = night(state, "n2", damaged.toString(), "--inventory", INVENTORY);
        assertEquals(0, n2.status, n2.toString());
        assertTrue(n2.out.contains("noted as damage"), n2.out);
        JsonNode s = new ObjectMapper().readTree(state.toFile());
        assertTrue(s.path("updated_at").asText().startsWith("2026-"), s.path("updated_at").asText());
        for (Iterator<Map.Entry<String, JsonNode>> it = s.path("openings").fields(); it.hasNext(); ) {
            JsonNode o = it.next().getValue();
            assertFalse(o.path("last_used").asText().startsWith("2100"), o.toString());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = s.path("last_used_by_rule").fields(); it.hasNext(); ) {
            assertFalse(it.next().getValue().toString().contains("2100-"), "no use at 2100");
        }
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("n2/summary.json").toFile());
        assertTrue(summary.path("unused_history").path("damaged_times").asLong() > 0, summary.path("unused_history").toString());
        // a second of traffic and one packet of 2100 is no window of 74 years: the short-window warning stays
        String html = Files.readString(dir.resolve("n2/report.html"));
        assertTrue(html.contains("id=\"unused-warning\"") && html.contains("damaged timestamps"), "the warning stays");
    }

    /** The lab capture's first frame (a documented SCCP packet or whatever it starts with). */
    private static byte[] firstFrame() throws Exception {
        byte[][] first = new byte[1][];
        try (PacketSource in = CaptureFiles.open(Path.of(LAB))) {
            in.run(new PacketSink() {
                @Override
                public void packet(RawPacket p) {
                    if (first[0] == null) {
                        first[0] = Arrays.copyOfRange(p.data, p.offset, p.offset + p.length);
                    }
                }

                @Override
                public void problem(CaptureProblem problem) {
                }
            });
        }
        return first[0];
    }

    @Test
    void aRunWithAnotherInventoryRefusesToUpdateTheStateUnlessANewHistory() throws Exception {
        Path state = dir.resolve("state.json");
        assertEquals(0, night(state, "n1", LAB, "--inventory", INVENTORY).status);
        String before = Files.readString(state);
        assertTrue(before.contains("\"inventory\" : \"sha256:"), before);
        Cli none = night(state, "n2", LAB);
        assertEquals(2, none.status, none.toString());
        assertEquals(1, none.err.lines().count(), none.err);
        assertTrue(none.err.contains(state.toString()) && none.err.contains("--new-history"), none.err);
        assertEquals(before, Files.readString(state), "the state is left as it was");
        assertFalse(Files.exists(dir.resolve("n2")), "refused before anything was read or written");
        Cli catalog = night(state, "n3", LAB, "--inventory", INVENTORY, "--catalog", "default", "--catalog", writeExtraCatalog());
        assertEquals(2, catalog.status, catalog.toString());
        assertTrue(catalog.err.contains("another catalog"), catalog.err);

        Cli fresh = night(state, "n4", LAB, "--new-history");
        assertEquals(0, fresh.status, fresh.toString());
        assertTrue(Files.readString(state).contains("\"inventory\" : \"none\""));
    }

    private String writeExtraCatalog() throws Exception {
        Path extra = dir.resolve("site.csv");
        String header = Files.readAllLines(Path.of("rules/cucm-ports.csv")).get(0);
        String row = Files.readAllLines(Path.of("rules/cucm-ports.csv")).get(1).replaceFirst("^T1-01,", "SITE-01,");
        Files.writeString(extra, header + "\n" + row + "\n");
        return extra.toString();
    }

    @Test
    void aStateFileNotWholeIsRefusedBeforeReadingNamingFileAndField() throws Exception {
        Path state = dir.resolve("state.json");
        Files.writeString(state, "{\"version\":1,\"updated_at\":\"2026-11-02T09:00:00Z\",\"openings\":{\"x\":null},\"last_used_by_rule\":{}}");
        Cli nul = night(state, "n1", LAB);
        assertEquals(2, nul.status, nul.toString());
        assertTrue(nul.err.contains(state.toString()) && nul.err.contains("'openings.x'"), nul.err);
        assertFalse(nul.err.contains("because"), "no Java message: " + nul.err);
        assertFalse(Files.exists(dir.resolve("n1")));

        Files.writeString(state, "{\"version\":1,\"updated_at\":\"garbage\",\"openings\":{},\"last_used_by_rule\":{}}");
        Cli garbage = night(state, "n2", LAB);
        assertEquals(2, garbage.status, garbage.toString());
        assertTrue(garbage.err.contains(state.toString()) && garbage.err.contains("'updated_at'"), garbage.err);
        assertFalse(Files.exists(dir.resolve("n2")), "refused before any packet was read");
    }
}
