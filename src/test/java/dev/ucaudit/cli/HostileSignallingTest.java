package dev.ucaudit.cli;

import dev.ucaudit.testing.Cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ucaudit.synth.SignallingFloods;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attack of issue 15: 300 SIP INVITEs, each with a 15,000-character Call-ID and 64 m= lines
 * (38,400 pinholes). Each pinhole used to copy the whole Call-ID (about 600 MB in all); now it
 * keeps a short name, and the table's bytes stay far below its bound.
 */
class HostileSignallingTest {
    @TempDir
    Path dir;

    @Test
    void hugeCallIdsAreCutAndThePinholeTableStaysSmall() throws Exception {
        Path pcap = dir.resolve("invites.pcap");
        SignallingFloods.sipInvites(pcap, 300, 15_000, 64, 20);
        Path out = dir.resolve("r");
        Cli r = Cli.run("audit", "--out", out.toString(), pcap.toString());
        assertTrue(r.status == 0 || r.status == 1, r.toString());
        JsonNode p = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).at("/inspection/pinholes");
        assertEquals(38_400, p.get("opened").asLong(), p.toString());
        assertEquals(38_400, p.get("held").asLong(), p.toString());
        // under 1 KB a pinhole (the 15 KB Call-IDs alone would be 576 MB)
        assertTrue(p.get("bytes_held").asLong() < 38_400L * 1024, p.toString());
        List<CSVRecord> rtp = PublicCapturesAuditTest.flows(out).stream()
                .filter(f -> f.get("responder_port").equals(Integer.toString(SignallingFloods.mediaPort(0)))).toList();
        assertEquals(20, rtp.size());
        for (CSVRecord f : rtp) {
            assertEquals("port-only", f.get("verdict"), f.toString()); // no inventory: the tie is made, the roles unknown (issue 20 §5)
            String reason = f.get("reason");
            assertTrue(reason.contains("SIP call flood-") && reason.contains("...(15000 chars)"), reason);
            assertTrue(reason.length() < 300, reason);
        }
    }
}
