package dev.ucaudit.engine;

import dev.ucaudit.testing.PublicCaptures;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ucaudit.capture.CaptureFiles;
import dev.ucaudit.packet.CaptureProblem;
import dev.ucaudit.packet.PacketSink;
import dev.ucaudit.capture.PacketSource;
import dev.ucaudit.capture.PcapngWriter;
import dev.ucaudit.packet.RawPacket;
import dev.ucaudit.catalog.Catalog;
import dev.ucaudit.inventory.Inventory;
import dev.ucaudit.inventory.InventoryLoader;
import dev.ucaudit.report.AuditReport;
import dev.ucaudit.report.CsvReports;
import dev.ucaudit.report.SummaryJson;
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

/** Captures cut into parts at packet boundaries, and the report files an outcome gives (split tests; spark/SparkReportTest cuts with it too). */
public final class SplitCaptures {
    static final Path PUBLIC = PublicCaptures.FOLDER;

    public record Packet(int linkType, long nanos, byte[] frame) {
    }

    private SplitCaptures() {
    }

    /** Checks one capture with its config; the seed makes its cuts. */
    @FunctionalInterface
    interface Check {
        void check(Path capture, AuditConfig config, long seed) throws Exception;
    }

    /**
     * The lab-site capture with its inventory and without (its roles are then learned from the traffic,
     * once with the whole run's evidence and once with a hold of 40 finished flows, classified with the
     * roles learned until each hold fills), and a generated media-heavy capture (30,000 packets) with its own.
     */
    static void labAndMediaHeavy(Path dir, long seed, Check check) throws Exception {
        Catalog catalog = new dev.ucaudit.catalog.CatalogLoader().load(List.of());
        check.check(Path.of("captures/lab-site.pcap"), config(catalog, Path.of("captures/lab-site-inventory.csv")), seed);
        AuditConfig learning = AuditConfig.of(catalog, Inventory.empty(catalog.roles()));
        check.check(Path.of("captures/lab-site.pcap"), learning, seed + 2);
        check.check(Path.of("captures/lab-site.pcap"), learning.with(learning.settings().toBuilder().maxFlows(40).build()), seed + 3);
        Path media = dir.resolve("media.pcap");
        dev.ucaudit.synth.MediaHeavySite.write(media, 30_000, 200);
        Path inventory = dir.resolve("media-inventory.csv");
        Files.writeString(inventory, dev.ucaudit.synth.MediaHeavySite.INVENTORY);
        check.check(media, config(catalog, inventory), seed + 1);
    }

    /** Every public capture, without inventory, seeds counting up from {@code seed}; says so and returns when they are absent. */
    static void everyPublicCapture(String test, long seed, Check check) throws Exception {
        List<Path> captures = publicCaptures();
        if (captures.isEmpty()) {
            System.out.println(test + ": " + PUBLIC + " is absent; the public captures were not split");
            return;
        }
        org.junit.jupiter.api.Assertions.assertTrue(captures.size() > 10, "the public captures are there: " + captures.size());
        Catalog catalog = new dev.ucaudit.catalog.CatalogLoader().load(List.of());
        AuditConfig config = AuditConfig.of(catalog, Inventory.empty(catalog.roles()));
        long s = seed;
        for (Path capture : captures) {
            check.check(capture, config, s++);
        }
    }

    static AuditConfig config(Catalog catalog, Path inventoryFile) {
        InventoryLoader loader = new InventoryLoader();
        Inventory inventory = loader.load(inventoryFile, catalog.roles());
        assertEquals(List.of(), loader.problems());
        return AuditConfig.of(catalog, inventory);
    }

    /** The public captures, sorted; empty when the folder is absent. */
    static List<Path> publicCaptures() throws Exception {
        Path folder = PUBLIC.toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().matches(".*\\.(pcap|pcapng|cap)(\\.gz)?$")).sorted().toList();
        }
    }

    public static List<Packet> readAll(Path capture) throws Exception {
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

    /** N-1 random cut points in 0..size, sorted. */
    public static int[] cuts(Random random, int n, int size) {
        return random.ints(0, size + 1).limit(n - 1).sorted().toArray();
    }

    /** The parts a capture's packets are cut into at {@code cuts}, written as pcapng files. */
    public static List<Path> writeParts(Path dir, List<Packet> packets, String prefix, int[] cuts) throws Exception {
        List<Path> parts = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= cuts.length; i++) {
            int to = i < cuts.length ? cuts[i] : packets.size();
            parts.add(write(dir, packets, prefix + "-" + i, from, to));
            from = to;
        }
        return parts;
    }

    /** Packets {@code from..to} as pcapng: one interface per link type, nanosecond times. */
    static Path write(Path dir, List<Packet> packets, String name, int from, int to) throws Exception {
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

    /** The report files of an outcome: flows, conversations, unused openings, summary without {@code dropped} fields. */
    static Map<String, String> reportFiles(Path dir, AuditConfig config, AuditOutcome o, List<String> dropped)
            throws Exception {
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
        for (String d : dropped) {
            String[] path = d.split("/");
            if (path.length == 3) { // a field of each element of each element's list: roles_observed/evidence/where
                for (JsonNode element : summary.path(path[0])) {
                    for (JsonNode inner : element.path(path[1])) {
                        ((ObjectNode) inner).remove(path[2]);
                    }
                }
            } else {
                summary.remove(d);
            }
        }
        files.put("summary.json", mapper.writerWithDefaultPrettyPrinter().writeValueAsString(summary));
        return files;
    }
}
