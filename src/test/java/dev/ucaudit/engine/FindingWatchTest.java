package dev.ucaudit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.audit.AuditListener;
import dev.ucaudit.audit.FindingListener;
import dev.ucaudit.audit.FlowRecord;
import dev.ucaudit.audit.ScanDetector;
import dev.ucaudit.audit.Verdict;
import dev.ucaudit.capture.PcapFileSource;
import dev.ucaudit.synth.Messages;
import dev.ucaudit.testing.EngineHarness;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22 section 4, in the engine: findings told as they become known (live --events) are each
 * undocumented flow once, a scan once instead of its probes, and watching does not change the report.
 */
class FindingWatchTest {
    private static final Path LAB = Path.of("captures/lab-site.pcap");

    /** What a watch heard. */
    private static final class Heard implements FindingListener {
        final List<FlowRecord> flows = new ArrayList<>();
        final List<Scan> scans = new ArrayList<>();

        @Override
        public void undocumentedFlow(FlowRecord flow) {
            flows.add(flow);
        }

        @Override
        public void scan(Scan scan) {
            scans.add(scan);
        }
    }

    private static AuditOutcome audit(AuditConfig config, Path capture, Heard heard) {
        AuditEngine engine = new AuditEngine(config, AuditListener.SILENT);
        if (heard != null) {
            engine.watchFindings(heard, Duration.ofSeconds(2));
        }
        engine.read(new PcapFileSource(capture));
        return engine.finish();
    }

    private static String key(FlowRecord r) {
        return r.initiator().text() + ":" + r.initiatorPort() + ">" + r.responder().text() + ":" + r.responderPort() + "/" + r.protocol().label();
    }

    @Test
    void eachUndocumentedFlowIsToldOnceAndTheReportIsUnchanged() {
        everyUndocumentedFlowIsToldOnce(EngineHarness.withInventory(Path.of("captures/lab-site-inventory.csv")).config());
    }

    /**
     * Without an inventory, finished flows wait for the learned roles (issue 21) and are classified later: they are
     * told then, not lost because they ended before anything classified them.
     */
    @Test
    void flowsHeldForLearnedRolesAreToldWhenClassified() {
        everyUndocumentedFlowIsToldOnce(EngineHarness.withoutInventory().config());
    }

    /**
     * Without an inventory, an early look made before the roles are learned says port-only; the flow is not told then,
     * and is told when the learned roles make it undocumented (a phone to a call manager's 3306, which only cucm to ime
     * uses).
     */
    @Test
    void aPortOnlyEarlyLookIsNotFinal(@TempDir Path dir) {
        byte[] none = new byte[0];
        long ms = 1_000_000L;
        List<byte[]> frames = List.of(
                EngineHarness.tcp4("10.1.0.20", 51000, "10.0.0.180", 2000, 0x18, Messages.sccpRegister("SEP001122334455", new byte[] {10, 1, 0, 20})),
                EngineHarness.tcp4("10.0.0.180", 2000, "10.1.0.20", 51000, 0x18, Messages.sccp(0x0081, new byte[16])),
                EngineHarness.tcp4("10.1.0.20", 52000, "10.0.0.180", 3306, 0x02, none),
                EngineHarness.tcp4("10.0.0.180", 3306, "10.1.0.20", 52000, 0x12, none),
                EngineHarness.tcp4("10.1.0.20", 52000, "10.0.0.180", 3306, 0x10, none),
                EngineHarness.tcp4("10.1.0.20", 52000, "10.0.0.180", 3306, 0x10, none)); // 3 s later: the early look is due
        List<Long> times = List.of(1_000 * ms, 1_001 * ms, 1_010 * ms, 1_011 * ms, 1_012 * ms, 4_000 * ms);
        Path capture = EngineHarness.writeFrames(dir, frames, times);
        Heard heard = new Heard();
        AuditOutcome outcome = audit(EngineHarness.withoutInventory().config(), capture, heard);
        FlowRecord mysql = outcome.result().rows().stream().filter(r -> r.responderPort() == 3306).findFirst().orElseThrow();
        assertEquals(Verdict.UNDOCUMENTED, mysql.verdict(), mysql.reason());
        assertEquals(List.of(3306), heard.flows.stream().map(FlowRecord::responderPort).toList(), "told once, undocumented");
    }

    private static void everyUndocumentedFlowIsToldOnce(AuditConfig config) {
        Heard heard = new Heard();
        AuditOutcome watched = audit(config, LAB, heard);
        AuditOutcome plain = audit(config, LAB, null);
        assertEquals(plain.result().rows(), watched.result().rows(), "watching changes no row of the report");
        Set<String> undocumented = new HashSet<>();
        for (FlowRecord r : plain.result().rows()) {
            if (r.verdict() == Verdict.UNDOCUMENTED) {
                undocumented.add(key(r));
            }
        }
        assertTrue(!heard.flows.isEmpty(), "the lab site has undocumented flows");
        Set<String> told = new HashSet<>();
        for (FlowRecord r : heard.flows) {
            assertTrue(told.add(key(r)), "told twice: " + key(r));
            assertEquals(Verdict.UNDOCUMENTED, r.verdict());
            assertTrue(undocumented.contains(key(r)), "told but not undocumented in the report: " + key(r));
        }
        assertEquals(undocumented, told, "every undocumented flow of the report is told");
    }

    @Test
    void aPortScanIsToldOnceNotAsEachOfItsProbes(@TempDir Path tmp) {
        List<byte[]> frames = new ArrayList<>();
        for (int port = 1; port <= 700; port++) {
            frames.add(EngineHarness.tcp4("10.9.9.9", 40000, "10.1.1.1", port, 0x02, new byte[0]));
        }
        Heard heard = new Heard();
        audit(EngineHarness.withoutInventory().config(), EngineHarness.writeFrames(tmp, frames), heard);
        assertEquals(1, heard.scans.size(), heard.scans.toString());
        FindingListener.Scan scan = heard.scans.get(0);
        assertEquals("10.9.9.9", scan.initiator().text());
        assertEquals(ScanDetector.PORT_THRESHOLD, scan.probes(), "told as soon as recognized");
        assertTrue(scan.description().startsWith("10.9.9.9 probed 500 ports of 10.1.1.1 over tcp"), scan.description());
        assertTrue(heard.flows.size() < ScanDetector.PORT_THRESHOLD, "the probes after the scan are not told: " + heard.flows.size());
    }
}
