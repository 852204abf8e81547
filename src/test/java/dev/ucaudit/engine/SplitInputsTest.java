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
    private static final Path PUBLIC = Path.of("../shared/captures/public");

    @TempDir
    Path dir;

    private record Packet(int linkType, long nanos, byte[] frame) {
    }

    @Test
    void labAndMediaHeavySplitAnywhereGiveTheWholeReport() throws Exception {
        Catalog catalog = new CatalogLoader().load(List.of());
        checkSplits(Path.of("captures/lab-site.pcap"), config(catalog, Path.of("captures/lab-site-inventory.csv")), 1);
        Path media = dir.resolve("media.pcap");
        MediaHeavySite.write(media, 30_000, 200);
        Path inventory = dir.resolve("media-inventory.csv");
        Files.writeString(inventory, MediaHeavySite.INVENTORY);
        checkSplits(media, config(catalog, inventory), 2);
    }

    @Test
    void everyPublicCaptureSplitAnywhereGivesTheWholeReport() throws Exception {
        Path folder = PUBLIC.toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            System.out.println("SplitInputsTest: " + folder + " is absent; the public captures were not split");
            return;
        }
        Catalog catalog = new CatalogLoader().load(List.of());
        AuditConfig config = AuditConfig.of(catalog, Inventory.empty(catalog.roles()));
        List<Path> captures;
        try (Stream<Path> files = Files.list(folder)) {
            captures = files.filter(f -> f.toString().matches(".*\\.(pcap|pcapng|cap)(\\.gz)?$")).sorted().toList();
        }
        assertTrue(captures.size() > 10, "the public captures are there: " + captures.size());
        long seed = 3;
        for (Path capture : captures) {
            checkSplits(capture, config, seed++);
        }
    }

    private static AuditConfig config(Catalog catalog, Path inventoryFile) {
        InventoryLoader loader = new InventoryLoader();
        Inventory inventory = loader.load(inventoryFile, catalog.roles());
        assertEquals(List.of(), loader.problems());
        return AuditConfig.of(catalog, inventory);
    }

    private void checkSplits(Path capture, AuditConfig config, long seed) throws Exception {
        List<Packet> packets = readAll(capture);
        Map<String, String> whole = report(config, List.of(write(packets, "whole", 0, packets.size())));
        Random random = new Random(seed);
        for (int n = 2; n <= 8 && n <= packets.size(); n++) {
            int[] cuts = random.ints(0, packets.size() + 1).limit(n - 1).sorted().toArray();
            List<Path> parts = new ArrayList<>();
            int from = 0;
            for (int i = 0; i <= cuts.length; i++) {
                int to = i < cuts.length ? cuts[i] : packets.size();
                parts.add(write(packets, "part" + n + "-" + i, from, to));
                from = to;
            }
            Map<String, String> split = report(config, parts);
            for (String file : whole.keySet()) {
                assertEquals(whole.get(file), split.get(file), capture.getFileName() + " cut at " + Arrays.toString(cuts)
                        + " into " + n + " parts: " + file + " differs from the whole capture's");
            }
        }
    }

    private static List<Packet> readAll(Path capture) throws Exception {
        List<Packet> packets = new ArrayList<>();
        try (PacketSource source = CaptureFiles.open(capture)) {
            source.run(new PacketSink() {
                @Override
                public void packet(RawPacket p) {
                    packets.add(new Packet(p.linkType, p.timestampNanos, Arrays.copyOfRange(p.data, p.offset, p.offset + p.length)));
                }

                @Override
                public void problem(CaptureProblem problem) {
                }
            });
        }
        return packets;
    }

    private Path write(List<Packet> packets, String name, int from, int to) throws Exception {
        Path file = dir.resolve(name + ".pcapng");
        try (PcapngWriter w = PcapngWriter.create(file)) {
            Map<Integer, Integer> interfaces = new HashMap<>();
            for (Packet p : packets.subList(from, to)) {
                Integer id = interfaces.get(p.linkType());
                if (id == null) {
                    id = w.addInterface(p.linkType(), 262144, PcapngWriter.NANOS);
                    interfaces.put(p.linkType(), id);
                }
                w.writePacket(id, p.nanos(), p.frame());
            }
        }
        return file;
    }

    /** The report files of one engine reading {@code inputs} in order, without what names the inputs. */
    private Map<String, String> report(AuditConfig config, List<Path> inputs) throws Exception {
        AuditEngine engine = new AuditEngine(config, AuditListener.SILENT);
        for (Path input : inputs) {
            engine.read(input.toString(), () -> CaptureFiles.open(input), (source, sink) -> sink);
        }
        AuditOutcome o = engine.finish();
        Path out = Files.createTempDirectory(dir, "report");
        CsvReports.writeFlows(out.resolve("flows.csv"), o.result().rows());
        CsvReports.writeConversations(out.resolve("conversations.csv"), o.result().conversations());
        CsvReports.writeUnused(out.resolve("unused.csv"), o.unused());
        SummaryJson.write(out.resolve("summary.json"), new AuditReport("offline", config.catalog(), List.of(),
                config.inventory(), List.of(), o.stats(), o.result(), o.unused(), o.inspection(), Map.of(),
                o.flowsEvictedIdle(), o.flowsEvictedSize(), List.of(), 0, 0L));
        Map<String, String> files = new LinkedHashMap<>();
        for (String name : List.of("flows.csv", "conversations.csv", "unused.csv")) {
            files.put(name, Files.readString(out.resolve(name), StandardCharsets.UTF_8));
        }
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode summary = (ObjectNode) mapper.readTree(out.resolve("summary.json").toFile());
        summary.remove(List.of("generated_at", "inputs", "problems"));
        files.put("summary.json", mapper.writerWithDefaultPrettyPrinter().writeValueAsString(summary));
        return files;
    }
}
