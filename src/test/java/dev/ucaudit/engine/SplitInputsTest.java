package dev.ucaudit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ucaudit.audit.AuditListener;
import dev.ucaudit.capture.CaptureFiles;
import dev.ucaudit.capture.CaptureProblem;
import dev.ucaudit.capture.PacketSink;
import dev.ucaudit.capture.PacketSource;
import dev.ucaudit.capture.PcapngWriter;
import dev.ucaudit.capture.RawPacket;
import dev.ucaudit.catalog.Catalog;
import dev.ucaudit.catalog.CatalogLoader;
import dev.ucaudit.inventory.Inventory;
import dev.ucaudit.inventory.InventoryLoader;
import dev.ucaudit.report.AuditReport;
import dev.ucaudit.report.CsvReports;
import dev.ucaudit.report.SummaryJson;
import dev.ucaudit.synth.MediaHeavySite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One observation window in several files: the packets of a capture cut into N parts (N = 2..8) at
 * random packet boundaries (fixed seeds) and read by one engine part after part give the report of
 * the whole in one file: flows.csv, conversations.csv, unused.csv and summary.json (without what
 * names or counts the inputs themselves: generated_at, inputs, and problems, which are reported once
 * per input and link type). Flows and pinholes that cross a part boundary are joined because one
 * engine reads all parts. This is the reference that split-and-merge (docs/engine.md) must equal.
 *
 * <p>Inputs: the lab-site capture, a generated media-heavy capture, and every capture in
 * /work/shared/captures/public/ (skipped, and said so, when that folder is absent). Each capture's
 * packets are written again as pcapng (one interface per link type, nanosecond times), whole and in
 * parts, so damage in the original costs the same in both.
 */
class SplitInputsTest {
    @TempDir
    Path dir;

    @Test
    void labAndMediaHeavySplitAnywhereGiveTheWholeReport() throws Exception {
        Catalog catalog = new CatalogLoader().load(List.of());
        checkSplits(Path.of("captures/lab-site.pcap"), SplitCaptures.config(catalog, Path.of("captures/lab-site-inventory.csv")), 1);
        Path media = dir.resolve("media.pcap");
        MediaHeavySite.write(media, 30_000, 200);
        Path inventory = dir.resolve("media-inventory.csv");
        Files.writeString(inventory, MediaHeavySite.INVENTORY);
        checkSplits(media, SplitCaptures.config(catalog, inventory), 2);
    }

    @Test
    void everyPublicCaptureSplitAnywhereGivesTheWholeReport() throws Exception {
        List<Path> captures = SplitCaptures.publicCaptures();
        if (captures.isEmpty()) {
            System.out.println("SplitInputsTest: " + SplitCaptures.PUBLIC + " is absent; the public captures were not split");
            return;
        }
        assertTrue(captures.size() > 10, "the public captures are there: " + captures.size());
        Catalog catalog = new CatalogLoader().load(List.of());
        AuditConfig config = AuditConfig.of(catalog, Inventory.empty(catalog.roles()));
        long seed = 3;
        for (Path capture : captures) {
            checkSplits(capture, config, seed++);
        }
    }

    private void checkSplits(Path capture, AuditConfig config, long seed) throws Exception {
        List<SplitCaptures.Packet> packets = SplitCaptures.readAll(capture);
        Map<String, String> whole = report(config, List.of(SplitCaptures.write(dir, packets, "whole", 0, packets.size())));
        Random random = new Random(seed);
        for (int n = 2; n <= 8 && n <= packets.size(); n++) {
            int[] cuts = SplitCaptures.cuts(random, n, packets.size());
            Map<String, String> split = report(config, SplitCaptures.writeParts(dir, packets, "part" + n, cuts));
            for (String file : whole.keySet()) {
                assertEquals(whole.get(file), split.get(file), capture.getFileName() + " cut at " + Arrays.toString(cuts)
                        + " into " + n + " parts: " + file + " differs from the whole capture's");
            }
        }
    }

    /** The report files of one engine reading {@code inputs} in order, without what names the inputs. */
    private Map<String, String> report(AuditConfig config, List<Path> inputs) throws Exception {
        AuditEngine engine = new AuditEngine(config, AuditListener.SILENT);
        for (Path input : inputs) {
            engine.read(input.toString(), () -> CaptureFiles.open(input), (source, sink) -> sink);
        }
        return SplitCaptures.reportFiles(dir, config, engine.finish(), List.of("generated_at", "inputs", "problems"));
    }
}
