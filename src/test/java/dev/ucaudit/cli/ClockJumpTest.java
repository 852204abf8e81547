package dev.ucaudit.cli;

import dev.ucaudit.testing.Cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ucaudit.capture.PcapWriter;
import dev.ucaudit.synth.Host;
import dev.ucaudit.synth.Messages;
import dev.ucaudit.synth.Wire;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A capture whose time jumps back (a clock stepped, files joined out of order): flows are split by the
 * idle timeout measured on their own packets' times, and the jump is noted once as damage of the input.
 */
class ClockJumpTest {
    private static final long HOUR_MS = 3_600_000L;

    @TempDir
    Path dir;

    @Test
    void flowsGoIdleByTheirOwnPacketsTimesAfterTheClockJumpsBack() throws Exception {
        Host a = Host.of("a", "192.0.2.10", 1, -1);
        Host b = Host.of("b", "198.51.100.20", 2, -1);
        Path pcap = dir.resolve("ike.pcap");
        try (Wire w = new Wire(PcapWriter.create(pcap, 1, false), 1_700_000_000_000_000_000L + 15 * HOUR_MS * 1_000_000L)) {
            exchange(w, a, b);                 // 15:00
            w.advanceMillis(-13 * HOUR_MS);    // the clock is set back to 02:00
            exchange(w, a, b);
            w.advanceMillis(HOUR_MS);          // 03:00: an hour idle, still behind 15:00
            exchange(w, a, b);
            w.advanceMillis(10_000);           // 10 s later: the same flow
            exchange(w, a, b);
            w.advanceMillis(12 * HOUR_MS);     // 15:00 again, 12 hours later
            exchange(w, a, b);
        }
        Path out = dir.resolve("r");
        Cli r = Cli.run("audit", "--out", out.toString(), pcap.toString());
        List<CSVRecord> flows = PublicCapturesAuditTest.flows(out);
        assertEquals(List.of("2", "2", "2", "4"), flows.stream().map(f -> f.get("packets")).sorted().toList(),
                "four flows by the 300 s rule on their own times: " + flows);
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertTrue(s.get("complete").asBoolean(), "every packet was read: " + s);
        JsonNode problems = s.get("problems");
        assertEquals(1, problems.get("total").asLong(), "the jump back noted once: " + problems);
        assertEquals("clock", problems.at("/listed/0/kind").asText(), problems.toString());
        assertTrue(problems.at("/listed/0/message").asText().contains("jumps back by 13.0 h"), problems.toString());
        assertTrue(r.err.contains("packet 3: the capture's time jumps back by 13.0 h"), r.err);
    }

    /** An IKE-like exchange on 500/udp: a request and its answer, a second apart. */
    private static void exchange(Wire w, Host a, Host b) {
        w.udp(a, 500, b, 500, Messages.text("isakmp request"));
        w.advanceMillis(1_000);
        w.udp(b, 500, a, 500, Messages.text("isakmp answer"));
    }
}
