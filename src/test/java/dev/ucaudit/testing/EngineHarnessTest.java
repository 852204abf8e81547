package dev.ucaudit.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ucaudit.audit.FlowRecord;
import dev.ucaudit.audit.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness itself: frames in, classified flow records out, roles from the inventory. */
class EngineHarnessTest {
    private static final Path LAB_INVENTORY = Path.of("captures/lab-site-inventory.csv");

    @TempDir
    Path dir;

    @Test
    void aPhoneToItsCallManagerOnSccpIsDocumentedAndAnUnknownPortIsNot() {
        byte[] hello = "x".getBytes(StandardCharsets.US_ASCII);
        EngineHarness.Run run = EngineHarness.withInventory(LAB_INVENTORY).audit(dir, List.of(
                EngineHarness.tcp4("10.20.0.21", 51000, "10.10.1.10", 2000, 0x02, new byte[0]),
                EngineHarness.tcp4("10.10.1.10", 2000, "10.20.0.21", 51000, 0x12, new byte[0]),
                EngineHarness.udp4("10.50.0.9", 40000, "10.10.1.10", 9999, hello)));

        FlowRecord sccp = run.flow(51000, 2000);
        assertEquals("phone", sccp.initiatorRole());
        assertEquals("cucm-publisher", sccp.responderRole());
        assertEquals(Verdict.DOCUMENTED, sccp.verdict(), sccp.toString());
        assertEquals(1, sccp.packetsFromInitiator());
        assertEquals(1, sccp.packetsFromResponder());

        FlowRecord unknown = run.flow(40000, 9999);
        assertEquals(Verdict.UNDOCUMENTED, unknown.verdict(), unknown.toString());
        assertEquals(List.of(), run.problems());
    }
}
