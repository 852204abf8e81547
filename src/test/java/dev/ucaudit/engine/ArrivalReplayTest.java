package dev.ucaudit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.audit.AuditListener;
import dev.ucaudit.capture.CaptureFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Phase two as phase one's partial audits arrive ({@link ArrivalReplay}, the spark command's driver): the
 * lab-site and media-heavy captures cut at random packet boundaries into files read by "tasks" of one to
 * three files, whose partial audits arrive from another thread in a shuffled order (fixed seeds), some of
 * the files' parts being there from the start as reports: the report is that of {@link AuditEngine#classify}
 * of the merged whole, file for file; a task's partial audit is let go once its parts are replayed (not
 * when the whole is kept, which then equals the merged whole); a report part that takes a coming file's
 * place (same run, sequence and name) makes it wait for every task; a task that ships parts for other
 * files than it was given is refused.
 */
class ArrivalReplayTest {
    private static final List<String> DROPPED = List.of("generated_at", "inputs", "problems", "roles_observed/evidence/where");

    @TempDir
    Path dir;

    @Test
    void partsReplayedAsTheyArriveInAnyOrderGiveTheMergedWholesReport() throws Exception {
        SplitCaptures.labAndMediaHeavy(dir, 11, this::check);
    }

    private void check(Path capture, AuditConfig config, long seed) throws Exception {
        List<SplitCaptures.Packet> packets = SplitCaptures.readAll(capture);
        Random random = new Random(seed);
        int n = 6;
        List<Path> files = SplitCaptures.writeParts(dir, packets, "arrive" + seed, SplitCaptures.cuts(random, n, packets.size()));
        List<PartialAudit> collected = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            collected.add(AuditEngine.collect(config, AuditListener.SILENT, "run", i, f.toString(), () -> CaptureFiles.open(f)));
        }
        PartialAudit whole = PartialAudit.mergeAll(collected);
        Map<String, String> expected = SplitCaptures.reportFiles(dir, config, AuditEngine.classify(config, AuditListener.SILENT, whole), DROPPED);
        // the first file is a report (there from the start); the others go to tasks of 1 to 3 files
        List<PartialAudit> ready = List.of(collected.get(0));
        List<List<ArrivalReplay.Coming>> tasks = new ArrayList<>();
        List<PartialAudit> shipped = new ArrayList<>();
        for (int from = 1; from < files.size(); ) {
            int to = Math.min(files.size(), from + 1 + random.nextInt(3));
            List<ArrivalReplay.Coming> coming = new ArrayList<>();
            for (int i = from; i < to; i++) {
                coming.add(new ArrivalReplay.Coming("run", i, files.get(i).toString()));
            }
            tasks.add(coming);
            shipped.add(PartialAudit.mergeAll(collected.subList(from, to)));
            from = to;
        }
        for (boolean keepWhole : List.of(false, true)) {
            Shuffled arrivals = new Shuffled(shipped, random);
            ArrivalReplay.Result r = ArrivalReplay.classify(config, AuditListener.SILENT, ready, tasks, arrivals, keepWhole);
            arrivals.join();
            String what = capture.getFileName() + " in " + tasks.size() + " tasks arriving in the order " + arrivals.order
                    + (keepWhole ? ", whole kept" : "");
            assertEquals(expected, SplitCaptures.reportFiles(dir, config, r.outcome(), DROPPED), what);
            if (keepWhole) {
                assertEquals(List.of(), arrivals.released, what);
                assertEquals(whole.partCount(), r.whole().partCount(), what);
                assertEquals(whole.packets(), r.whole().packets(), what);
            } else {
                List<Integer> released = new ArrayList<>(arrivals.released);
                Collections.sort(released);
                assertEquals(numbers(tasks.size()), released, what + ": each task let go once");
                assertEquals(0, r.whole().partCount(), what);
            }
        }
    }

    @Test
    void aReportPartInAComingFilesPlaceWaitsForEveryTaskAndStillGivesTheWhole() throws Exception {
        AuditConfig config = SplitCaptures.config(new dev.ucaudit.catalog.CatalogLoader().load(List.of()),
                Path.of("captures/lab-site-inventory.csv"));
        List<SplitCaptures.Packet> packets = SplitCaptures.readAll(Path.of("captures/lab-site.pcap"));
        List<Path> files = SplitCaptures.writeParts(dir, packets, "tie", new int[] {packets.size() / 2});
        // the same file name and sequence twice: once as a report, once read by a task (its first packet's time orders them)
        PartialAudit a = AuditEngine.collect(config, AuditListener.SILENT, "run", 0, "same.pcap", () -> CaptureFiles.open(files.get(1)));
        PartialAudit b = AuditEngine.collect(config, AuditListener.SILENT, "run", 0, "same.pcap", () -> CaptureFiles.open(files.get(0)));
        PartialAudit whole = PartialAudit.merge(a, b);
        Map<String, String> expected = SplitCaptures.reportFiles(dir, config, AuditEngine.classify(config, AuditListener.SILENT, whole), DROPPED);
        Shuffled arrivals = new Shuffled(List.of(b), new Random(1));
        ArrivalReplay.Result r = ArrivalReplay.classify(config, AuditListener.SILENT, List.of(a),
                List.of(List.of(new ArrivalReplay.Coming("run", 0, "same.pcap"))), arrivals, false);
        arrivals.join();
        assertEquals(expected, SplitCaptures.reportFiles(dir, config, r.outcome(), DROPPED));
    }

    @Test
    void aTaskShippingPartsForOtherFilesIsRefused() throws Exception {
        AuditConfig config = SplitCaptures.config(new dev.ucaudit.catalog.CatalogLoader().load(List.of()),
                Path.of("captures/lab-site-inventory.csv"));
        Path lab = Path.of("captures/lab-site.pcap");
        PartialAudit shipped = AuditEngine.collect(config, AuditListener.SILENT, "run", 0, "a.pcap", () -> CaptureFiles.open(lab));
        Shuffled arrivals = new Shuffled(List.of(shipped), new Random(1));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ArrivalReplay.classify(config,
                AuditListener.SILENT, List.of(), List.of(List.of(new ArrivalReplay.Coming("run", 0, "a.pcap"),
                        new ArrivalReplay.Coming("run", 1, "b.pcap"))), arrivals, false));
        arrivals.join();
        assertTrue(e.getMessage().contains("task 0"), e.getMessage());
    }

    /** Task numbers 0..n-1. */
    private static List<Integer> numbers(int n) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        return all;
    }

    /** The tasks' partial audits, delivered by another thread one by one in a shuffled order. */
    private static final class Shuffled implements ArrivalReplay.Arrivals {
        private final PartialAudit[] slots;
        private final CountDownLatch[] there;
        private final List<Integer> order;
        private final List<Integer> released = Collections.synchronizedList(new ArrayList<>());
        private final Thread delivery;

        Shuffled(List<PartialAudit> shipped, Random random) {
            slots = new PartialAudit[shipped.size()];
            there = new CountDownLatch[shipped.size()];
            Arrays.setAll(there, i -> new CountDownLatch(1));
            order = new ArrayList<>(numbers(shipped.size()));
            Collections.shuffle(order, random);
            delivery = new Thread(() -> {
                for (int t : order) {
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                    slots[t] = shipped.get(t);
                    there[t].countDown();
                }
            });
            delivery.start();
        }

        @Override
        public PartialAudit await(int task) {
            try {
                there[task].await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return slots[task];
        }

        @Override
        public void release(int task) {
            released.add(task);
        }

        void join() throws InterruptedException {
            delivery.join();
        }
    }
}
