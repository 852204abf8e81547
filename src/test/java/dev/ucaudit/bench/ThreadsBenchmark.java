package dev.ucaudit.bench;

import dev.ucaudit.audit.AuditListener;
import dev.ucaudit.capture.CaptureFiles;
import dev.ucaudit.packet.CaptureProblem;
import dev.ucaudit.packet.PacketSink;
import dev.ucaudit.capture.PacketSource;
import dev.ucaudit.packet.RawPacket;
import dev.ucaudit.catalog.Catalog;
import dev.ucaudit.catalog.CatalogLoader;
import dev.ucaudit.engine.AuditConfig;
import dev.ucaudit.engine.AuditEngine;
import dev.ucaudit.engine.PartialAudit;
import dev.ucaudit.inventory.Inventory;
import dev.ucaudit.inventory.InventoryLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.ToLongFunction;

/**
 * Steady-state packets per second of the engine in one JVM (issue 12 §2), medians of ROUNDS after a
 * warm-up, each beside the read-only reference of the same round: one thread (AuditEngine.read),
 * the pipelined read with one reader thread (what `audit --threads 2` runs), phase one alone
 * (collect: read, decode, record) and phase two alone (classify a collected partial).
 * Usage: ThreadsBenchmark CAPTURE INVENTORY [ROUNDS]
 */
public final class ThreadsBenchmark {
    private ThreadsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path capture = Path.of(args[0]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Catalog catalog = new CatalogLoader().load(List.of());
        Inventory inventory = new InventoryLoader().load(Path.of(args[1]), catalog.roles());
        AuditConfig config = AuditConfig.of(catalog, inventory);
        ExecutorService readers = Executors.newFixedThreadPool(2);
        AuditEngine.Input input = new AuditEngine.Input(capture.toString(), () -> CaptureFiles.open(capture));
        PartialAudit[] collected = new PartialAudit[1];

        Map<String, ToLongFunction<Void>> stages = new LinkedHashMap<>();
        stages.put("read only (reference)", v -> readOnly(capture));
        stages.put("1 thread", v -> {
            AuditEngine e = new AuditEngine(config, AuditListener.SILENT);
            e.read(input.name(), input.opener(), (s, sink) -> sink);
            return e.finish().stats().packets();
        });
        stages.put("2 threads (pipelined)", v -> {
            AuditEngine e = new AuditEngine(config, AuditListener.SILENT);
            e.readPipelined(List.of(input), readers, 1, (s, sink) -> sink);
            return e.finish().stats().packets();
        });
        stages.put("phase 1 alone (collect)", v -> {
            collected[0] = AuditEngine.collect(config, AuditListener.SILENT, 0, input.name(), input.opener());
            return collected[0].packets();
        });
        stages.put("phase 2 alone (classify)", v -> AuditEngine.classify(config, AuditListener.SILENT, collected[0]).stats().packets());

        for (ToLongFunction<Void> s : stages.values()) {
            s.applyAsLong(null); // warm-up
        }
        Map<String, double[]> pps = new LinkedHashMap<>();
        stages.keySet().forEach(k -> pps.put(k, new double[rounds]));
        long packets = 0;
        for (int r = 0; r < rounds; r++) {
            for (Map.Entry<String, ToLongFunction<Void>> e : stages.entrySet()) {
                System.gc();
                long t0 = System.nanoTime();
                packets = e.getValue().applyAsLong(null);
                long t1 = System.nanoTime();
                pps.get(e.getKey())[r] = packets / ((t1 - t0) / 1e9);
            }
        }
        readers.shutdownNow();
        System.out.printf("capture: %s, %,d packets; %d rounds after one warm-up; medians (wall time)%n", capture, packets, rounds);
        double reference = median(pps.get("read only (reference)"));
        for (Map.Entry<String, double[]> e : pps.entrySet()) {
            double m = median(e.getValue());
            System.out.printf("%-26s %8.2f Mpps  (%.2fx of read only)%n", e.getKey(), m / 1e6, m / reference);
        }
        double one = median(pps.get("1 thread"));
        double two = median(pps.get("2 threads (pipelined)"));
        System.out.printf("2 threads / 1 thread: %.2fx (target >= 1.7x): %s%n", two / one, two / one >= 1.7 ? "met" : "NOT met");
        System.out.printf("partial audit held in memory: %,d frames kept of %,d packets%n", collected[0].framesKept(),
                collected[0].packets());
    }

    private static long readOnly(Path capture) {
        long[] n = new long[1];
        try (PacketSource source = CaptureFiles.open(capture)) {
            source.run(new PacketSink() {
                @Override
                public void packet(RawPacket packet) {
                    n[0]++;
                }

                @Override
                public void problem(CaptureProblem problem) {
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return n[0];
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
