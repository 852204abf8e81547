package dev.ucaudit.bench;

import dev.ucaudit.audit.AuditResult;
import dev.ucaudit.audit.Auditor;
import dev.ucaudit.audit.Classifier;
import dev.ucaudit.inspect.FlowInspection;
import dev.ucaudit.inspect.SignallingInspection;
import dev.ucaudit.capture.CaptureFiles;
import dev.ucaudit.packet.CaptureProblem;
import dev.ucaudit.packet.PacketSink;
import dev.ucaudit.capture.PacketSource;
import dev.ucaudit.packet.RawPacket;
import dev.ucaudit.catalog.Catalog;
import dev.ucaudit.catalog.CatalogLoader;
import dev.ucaudit.decode.DecodedPacket;
import dev.ucaudit.flow.FlowTable;
import dev.ucaudit.decode.PacketDecoder;
import dev.ucaudit.inventory.Inventory;
import dev.ucaudit.inventory.InventoryLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Steady-state packets per second of each stage of the audit, in one process, on one capture:
 * reading alone (the reference), reading + decoding, the full audit without signalling inspection,
 * and the full audit with it. Prints medians and the cost of inspection as a share of throughput.
 * Run: scripts/bench-audit.
 */
public final class AuditBenchmark {
    private AuditBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path capture = Path.of(args[0]);
        Path inventoryFile = Path.of(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Catalog catalog = new CatalogLoader().load(List.of());
        Inventory inventory = new InventoryLoader().load(inventoryFile, catalog.roles());
        dev.ucaudit.audit.AuditListener quiet = dev.ucaudit.audit.AuditListener.SILENT;

        Map<String, Supplier<PacketSink>> stages = new LinkedHashMap<>();
        stages.put("read only (reference)", () -> new Counting());
        stages.put("read + decode", () -> new Decoding());
        stages.put("audit, Caffeine table", () -> new Auditor(new Classifier(catalog, inventory), FlowInspection.NONE,
                new AuditResult(200_000), 1_000_000, Duration.ofMinutes(5), quiet, FlowTable.Kind.CAFFEINE));
        stages.put("audit, no inspection", () -> new Auditor(new Classifier(catalog, inventory), FlowInspection.NONE,
                new AuditResult(200_000), 1_000_000, Duration.ofMinutes(5), quiet));
        stages.put("audit with inspection", () -> new Auditor(new Classifier(catalog, inventory),
                new SignallingInspection(catalog, inventory, Duration.ofMinutes(5)), new AuditResult(200_000), 1_000_000,
                Duration.ofMinutes(5), quiet));
        // A/B of probing for signalling by content (issue 14): the same inspection with probes off
        stages.put("inspection, probing off", () -> new Auditor(new Classifier(catalog, inventory),
                new SignallingInspection(catalog, inventory, Duration.ofMinutes(5), false), new AuditResult(200_000), 1_000_000,
                Duration.ofMinutes(5), quiet));

        String only = System.getProperty("bench.only"); // profile one stage: -Dbench.only=inspection
        if (only != null) {
            stages.keySet().removeIf(k -> !k.contains(only) && !k.startsWith("read only"));
        }
        // warm-up: one pass of each stage
        for (Supplier<PacketSink> s : stages.values()) {
            run(capture, s.get());
        }
        Map<String, double[]> pps = new LinkedHashMap<>();
        stages.keySet().forEach(k -> pps.put(k, new double[rounds]));
        // packets per CPU second of this thread (reading, decoding and auditing all run on it): steadier than wall
        // time when other jobs share the cores
        Map<String, double[]> cpuPps = new LinkedHashMap<>();
        stages.keySet().forEach(k -> cpuPps.put(k, new double[rounds]));
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long packets = 0;
        for (int r = 0; r < rounds; r++) {
            for (Map.Entry<String, Supplier<PacketSink>> e : stages.entrySet()) {
                PacketSink sink = e.getValue().get();
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                packets = run(capture, sink);
                if (sink instanceof Auditor a) {
                    a.finish();
                }
                long t1 = System.nanoTime();
                long c1 = threads.getCurrentThreadCpuTime();
                pps.get(e.getKey())[r] = packets / ((t1 - t0) / 1e9);
                cpuPps.get(e.getKey())[r] = packets / ((c1 - c0) / 1e9);
            }
        }
        System.out.printf("capture: %s, %,d packets; %d rounds after one warm-up; medians%n", capture, packets, rounds);
        double reference = median(pps.get("read only (reference)"));
        for (Map.Entry<String, double[]> e : pps.entrySet()) {
            double m = median(e.getValue());
            System.out.printf("%-26s %8.2f Mpps  (%.2fx of read only)%n", e.getKey(), m / 1e6, m / reference);
        }
        if (only != null) {
            printProbingCost(pps);
            System.out.print("by thread CPU time: ");
            printProbingCost(cpuPps);
            return;
        }
        double without = median(pps.get("audit, no inspection"));
        double with = median(pps.get("audit with inspection"));
        double cost = (1 - with / without) * 100;
        double caffeine = median(pps.get("audit, Caffeine table"));
        System.out.printf("intrusive flow table vs Caffeine reference (no inspection): %.2fx%n", without / caffeine);
        System.out.printf("inspection costs %.1f %% of audit throughput (target < 10 %%): %s%n", cost, cost < 10 ? "met" : "NOT met");
        printProbingCost(pps);
        System.out.print("by thread CPU time: ");
        printProbingCost(cpuPps);
    }

    /** Probing on (the default inspection) against probing off, and the per-round pairs (same round, back to back). */
    private static void printProbingCost(Map<String, double[]> pps) {
        double[] on = pps.get("audit with inspection");
        double[] off = pps.get("inspection, probing off");
        if (on == null || off == null) {
            return;
        }
        double[] ratio = new double[on.length];
        for (int i = 0; i < on.length; i++) {
            ratio[i] = on[i] / off[i];
        }
        System.out.printf("probing: on %.2f Mpps, off %.2f Mpps (medians); median per-round on/off %.3f, i.e. %.1f %% cost%n",
                median(on) / 1e6, median(off) / 1e6, median(ratio), (1 - median(ratio)) * 100);
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }

    private static long run(Path capture, PacketSink sink) throws Exception {
        long[] n = new long[1];
        PacketSink counting = new PacketSink() {
            @Override
            public void packet(RawPacket packet) {
                n[0]++;
                sink.packet(packet);
            }

            @Override
            public void problem(CaptureProblem problem) {
                sink.problem(problem);
            }
        };
        try (PacketSource source = CaptureFiles.open(capture)) {
            source.run(counting);
        }
        return n[0];
    }

    /** Reads and drops. */
    private static final class Counting implements PacketSink {
        long bytes;

        @Override
        public void packet(RawPacket packet) {
            bytes += packet.length;
        }

        @Override
        public void problem(CaptureProblem problem) {
        }
    }

    /** Reads and decodes. */
    private static final class Decoding implements PacketSink {
        final PacketDecoder decoder = new PacketDecoder();
        final DecodedPacket out = new DecodedPacket();
        long ports;

        @Override
        public void packet(RawPacket packet) {
            decoder.decode(packet, out);
            ports += out.dstPort;
        }

        @Override
        public void problem(CaptureProblem problem) {
        }
    }
}
