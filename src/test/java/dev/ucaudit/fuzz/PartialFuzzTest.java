package dev.ucaudit.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.audit.AuditListener;
import dev.ucaudit.capture.CaptureFiles;
import dev.ucaudit.catalog.Catalog;
import dev.ucaudit.catalog.CatalogLoader;
import dev.ucaudit.engine.AuditConfig;
import dev.ucaudit.engine.AuditEngine;
import dev.ucaudit.engine.PartialAudit;
import dev.ucaudit.engine.PartialBudget;
import dev.ucaudit.inventory.Inventory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Crafted partial audits, beside the capture fuzz targets (issue 23): the lab sample's partial
 * (written by the real recorder) is decompressed, mutated — bit flips, byte sets, 32/64-bit fields
 * set to 0, -1, 2^31-1, 2^62 and other extremes, truncations, chunk deletions and duplications — and
 * compressed again (so gzip's CRC passes and the format's own checks are what is tested), then read
 * with a bounded {@link PartialBudget} and, when accepted, merged with the honest partial and
 * classified. Nothing but a one-line IOException naming the input may come out, and nothing read may
 * pass the budget. 3,000 inputs every run (fixed seed); {@code -Dfuzz.partials=N} and
 * {@code -Dfuzz.seed=N} for a campaign.
 */
class PartialFuzzTest {
    private static final long BUDGET = 64L << 20;

    @Test
    void mutatedPartialsAreRefusedInOneLineOrReadWithinTheirBudget() throws Exception {
        Catalog catalog = new CatalogLoader().load(List.of());
        AuditConfig config = AuditConfig.of(catalog, Inventory.empty(catalog.roles()));
        Path lab = Path.of("captures/lab-site.pcap");
        PartialAudit honest = AuditEngine.collect(config, AuditListener.SILENT, 0, lab.toString(), () -> CaptureFiles.open(lab));
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        honest.write(written);
        byte[] plain = new GZIPInputStream(new ByteArrayInputStream(written.toByteArray())).readAllBytes();

        long n = Long.getLong("fuzz.partials", 3_000);
        Random random = new Random(Long.getLong("fuzz.seed", 20_261_205));
        int refused = 0;
        int accepted = 0;
        List<String> crashes = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            byte[] mutated = mutate(plain, random);
            PartialBudget budget = new PartialBudget(BUDGET);
            try {
                PartialAudit read = PartialAudit.read(new ByteArrayInputStream(gzip(mutated)), "fuzz.bin.gz", budget);
                assertTrue(budget.used() <= BUDGET);
                AuditEngine.classify(config, AuditListener.SILENT, PartialAudit.mergeAll(List.of(read, honest)));
                accepted++;
            } catch (IOException e) {
                refused++;
                if (!e.getMessage().startsWith("fuzz.bin.gz") || e.getMessage().contains("\n")) {
                    crashes.add("input " + i + ": not one line naming the input: " + e.getMessage());
                }
            } catch (IllegalArgumentException e) {
                refused++; // a mix of recorded options (an option value mutated): refused by the merge
                if (!e.getMessage().contains("cannot be merged")) {
                    crashes.add("input " + i + ": " + e);
                }
            } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                crashes.add("input " + i + ": " + e);
            }
        }
        System.out.printf("PartialFuzzTest: %,d mutated partials: %,d refused, %,d read and classified, %d crashes%n",
                n, refused, accepted, crashes.size());
        assertEquals(List.of(), crashes.subList(0, Math.min(5, crashes.size())), crashes.size() + " crashes");
        assertTrue(refused > n / 4 && accepted > 0, "both refused and accepted inputs: " + refused + "/" + accepted);
    }

    private static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(b);
        }
        return out.toByteArray();
    }

    private static final long[] EXTREMES = {0, -1, 1, Integer.MAX_VALUE, Integer.MIN_VALUE, 0x7fff_ffff_ffffL << 16,
        1L << 62, Long.MAX_VALUE, Long.MIN_VALUE, 64L << 20, 8193, 65536};

    static byte[] mutate(byte[] in, Random r) {
        byte[] b = in.clone();
        int rounds = 1 + r.nextInt(3);
        for (int k = 0; k < rounds && b.length > 24; k++) {
            int at = 20 + r.nextInt(b.length - 20); // past the magic, mostly
            switch (r.nextInt(7)) {
                case 0 -> b[at] ^= (byte) (1 << r.nextInt(8));
                case 1 -> b[at] = (byte) r.nextInt(256);
                case 2 -> {
                    if (at + 4 <= b.length) {
                        ByteBuffer.wrap(b, at, 4).putInt((int) EXTREMES[r.nextInt(EXTREMES.length)]);
                    }
                }
                case 3 -> {
                    if (at + 8 <= b.length) {
                        ByteBuffer.wrap(b, at, 8).putLong(EXTREMES[r.nextInt(EXTREMES.length)]);
                    }
                }
                case 4 -> b = Arrays.copyOf(b, at);
                case 5 -> {
                    int len = Math.min(b.length - at, 1 + r.nextInt(64));
                    byte[] shorter = new byte[b.length - len];
                    System.arraycopy(b, 0, shorter, 0, at);
                    System.arraycopy(b, at + len, shorter, at, b.length - at - len);
                    b = shorter;
                }
                default -> {
                    int len = Math.min(b.length - at, 1 + r.nextInt(256));
                    byte[] longer = new byte[b.length + len];
                    System.arraycopy(b, 0, longer, 0, at + len);
                    System.arraycopy(b, at, longer, at + len, b.length - at);
                    b = longer;
                }
            }
        }
        return b;
    }
}
