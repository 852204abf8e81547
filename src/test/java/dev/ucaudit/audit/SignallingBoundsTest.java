package dev.ucaudit.audit;

import dev.ucaudit.inspect.SignallingInspection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.capture.CaptureFiles;
import dev.ucaudit.capture.PacketSource;
import dev.ucaudit.catalog.Catalog;
import dev.ucaudit.catalog.CatalogLoader;
import dev.ucaudit.inventory.Inventory;
import dev.ucaudit.synth.SignallingFloods;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile signalling from our generator against small inspection bounds: the pinhole table and the
 * TCP reassembly buffers hold no more than their bounds, drop the oldest, and count and name it.
 */
class SignallingBoundsTest {
    private static final long MIB = 1024 * 1024;

    @TempDir
    Path dir;

    private SignallingInspection audit(Path pcap, long maxPinholes, long maxPinholeBytes, long maxReassemblyBytes) throws Exception {
        Catalog catalog = new CatalogLoader().load(List.of());
        Inventory inventory = Inventory.empty(catalog.roles());
        SignallingInspection inspection = new SignallingInspection(catalog, inventory, Duration.ofMinutes(5), true,
                maxPinholes, maxPinholeBytes, maxReassemblyBytes);
        Auditor auditor = new Auditor(new Classifier(catalog, inventory), inspection, new AuditResult(200_000), 100_000,
                Duration.ofMinutes(5), dev.ucaudit.audit.AuditListener.SILENT);
        try (PacketSource source = CaptureFiles.open(pcap)) {
            source.run(auditor);
        }
        auditor.finish();
        return inspection;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(SignallingInspection i, String name) {
        return (Map<String, Object>) i.stats().get(name);
    }

    private static long number(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).longValue();
    }

    @Test
    void pinholesOfHugeCallIdsStayWithinTheirBytesAndTheOldestAreEvicted() throws Exception {
        Path pcap = dir.resolve("invites.pcap");
        SignallingFloods.sipInvites(pcap, 300, 15_000, 64, 0);
        SignallingInspection i = audit(pcap, 100_000, MIB, 64 * MIB);
        Map<String, Object> p = section(i, "pinholes");
        assertEquals(300L * 64 * 2, number(p, "opened"), p.toString());
        assertTrue(number(p, "bytes_held") <= MIB, p.toString());
        // short call ids: a pinhole costs well under a kilobyte, so a mebibyte holds over a thousand
        assertTrue(number(p, "held") > 1_000, p.toString());
        assertEquals(number(p, "opened"), number(p, "held") + number(p, "evicted"), p.toString());
        List<?> hit = (List<?>) i.stats().get("bounds_hit");
        assertTrue(hit.stream().anyMatch(l -> l.toString().contains("pinholes evicted")), hit.toString());
    }

    @Test
    void pinholeCountBoundHoldsToo() throws Exception {
        Path pcap = dir.resolve("invites.pcap");
        SignallingFloods.sipInvites(pcap, 50, 40, 64, 0);
        SignallingInspection i = audit(pcap, 1_000, 64 * MIB, 64 * MIB);
        Map<String, Object> p = section(i, "pinholes");
        assertEquals(1_000, number(p, "held"), p.toString());
        assertEquals(50L * 128 - 1_000, number(p, "evicted"), p.toString());
    }

    @Test
    void halfSentTcpMessagesShareOneReassemblyBudget() throws Exception {
        Path pcap = dir.resolve("half.pcap");
        SignallingFloods.sipHalfSent(pcap, 200, 40_000, 30_000);
        SignallingInspection i = audit(pcap, 100_000, 64 * MIB, MIB);
        Map<String, Object> tcp = section(i, "tcp_reassembly");
        assertTrue(number(tcp, "peak_bytes") <= MIB, tcp.toString());
        assertTrue(number(tcp, "peak_bytes") > MIB / 2, "the budget is used: " + tcp);
        // 200 buffers of about 30 KB do not fit in 1 MiB: all but the newest 34 or so were dropped
        assertTrue(number(tcp, "buffers_dropped") >= 200 - MIB / 30_000, tcp.toString());
        List<?> hit = (List<?>) i.stats().get("bounds_hit");
        assertTrue(hit.stream().anyMatch(l -> l.toString().contains("reassembly buffers dropped")), hit.toString());
    }
}
