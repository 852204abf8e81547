package dev.ucaudit.cli;

import dev.ucaudit.testing.AtScale;
import dev.ucaudit.testing.Cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ucaudit.audit.AuditListener;
import dev.ucaudit.capture.CaptureFiles;
import dev.ucaudit.capture.PcapWriter;
import dev.ucaudit.catalog.Catalog;
import dev.ucaudit.catalog.CatalogLoader;
import dev.ucaudit.engine.AuditConfig;
import dev.ucaudit.engine.AuditEngine;
import dev.ucaudit.engine.PartialAudit;
import dev.ucaudit.inventory.Inventory;
import dev.ucaudit.synth.Frames;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many small parts cost what they hold (issue 23 §1): 3,000 one-packet partials (as 3,000 small captures
 * audited with --partial give) merge within the tests' 1 GB heap, where each used to cost a whole block
 * (393 KB: 1.2 GB); the report lists a bounded number of inputs and counts the rest.
 */
class ManyPartsMergeTest {
    @TempDir
    Path dir;

    @AtScale
    @Test
    void threeThousandOnePacketPartialsMergeAtOneGigabyte() throws Exception {
        Catalog catalog = new CatalogLoader().load(List.of());
        AuditConfig config = AuditConfig.of(catalog, Inventory.empty(catalog.roles()));
        List<String> args = new ArrayList<>(List.of("merge", "-q", "--fail-on", "none", "--out", dir.resolve("merged").toString()));
        int n = 3000;
        for (int i = 0; i < n; i++) {
            Path capture = dir.resolve("capture-" + i + ".pcap");
            try (PcapWriter w = PcapWriter.create(capture, 1, true)) {
                byte[] frame = Frames.ethernet(new byte[6], new byte[6], -1, Frames.ETH_IPV4, Frames.ipv4(new byte[] {10, 0, 0, 1},
                        new byte[] {10, 0, (byte) (i >> 8), (byte) i}, 17, i, 0, Frames.udp(40000, 2000, new byte[] {1})));
                w.writePacket(1_790_000_000_000_000_000L + i * 1_000_000_000L, frame);
            }
            PartialAudit p = AuditEngine.collect(config, AuditListener.SILENT, "sensor-" + i, 0, capture.toString(),
                    () -> CaptureFiles.open(capture));
            Files.delete(capture);
            Path file = dir.resolve("p" + i + ".bin.gz");
            try (OutputStream o = Files.newOutputStream(file)) {
                p.write(o);
            }
            args.add(file.toString());
        }
        Runtime rt = Runtime.getRuntime();
        long start = System.nanoTime();
        Cli m = Cli.run(args.toArray(String[]::new));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(0, m.status, m.toString());
        System.out.printf(Locale.ROOT, "ManyPartsMergeTest: %,d one-packet partials merged in %.1f s, heap max %d MB, in use after %d MB%n",
                n, seconds, rt.maxMemory() >> 20, (rt.totalMemory() - rt.freeMemory()) >> 20);
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("merged/summary.json").toFile());
        assertEquals(n, summary.path("packets").path("read").asLong());
        assertEquals(1000, summary.path("inputs").size(), "a bounded list of inputs");
        assertEquals(n, summary.path("inputs_total").asInt());
        assertEquals(n - 1000, summary.path("inputs_not_listed").asInt());
        String html = Files.readString(dir.resolve("merged/report.html"));
        String title = html.substring(html.indexOf("<title>"), html.indexOf("</title>"));
        assertTrue(title.length() < 600 && title.contains("and 2,995 more inputs"), title);
    }
}
