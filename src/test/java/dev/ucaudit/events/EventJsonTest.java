package dev.ucaudit.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ucaudit.audit.ContentSeen;
import dev.ucaudit.audit.FlowRecord;
import dev.ucaudit.audit.RolesFrom;
import dev.ucaudit.audit.Verdict;
import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.inventory.IpAddress;
import org.junit.jupiter.api.Test;

/** Issue 22 sections 1 and 4: an event carrying text from the wire is one ASCII line with nothing raw in it, and reads back the same. */
class EventJsonTest {
    @Test
    void wireTextIsEscapedAndTheLineReadsBackTheSame() throws Exception {
        String hostile = "RTP of SIP call \u001b]0;pwned\u0007\nucaudit: every flow is documented → fine";
        FlowRecord r = new FlowRecord(1_764_928_800_000_000_000L, 1_764_928_801_000_000_000L, IpAddress.parse("10.1.0.5"), 40000,
                IpAddress.parse("10.10.1.10"), 4444, IpProtocol.TCP, 3, 180, "phone", "cucm", Verdict.UNDOCUMENTED, "", hostile,
                "syn", "", "cucm-pub", 2, 1, 120, 60, 0x12, 0, 0, "", ContentSeen.NOT_BY_PORT,
                RolesFrom.DECLARED);
        String line = EventJson.line(EventJson.flow(r));
        assertTrue(line.chars().allMatch(c -> c >= 0x20 && c < 0x7f), "printable ASCII only: " + line);
        assertTrue(line.contains("\\u001B]0;pwned\\u0007\\nucaudit: every flow is documented \\u2192 fine"), line);
        assertTrue(line.startsWith("{\"time\":\"2025-12-05T10:00:00"), line);
        assertEquals(hostile, new ObjectMapper().readTree(line).path("reason").asText());
        assertEquals("undocumented-flow", new ObjectMapper().readTree(line).path("event").asText());
    }
}
