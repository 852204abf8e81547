package dev.ucaudit.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Catalog loading stays linear however the rows' ranges nest (issue 23 §5): 16,000 rows where row i
 * covers ports i..65535-i made a candidate set of thousands of rows for each of 32,000 stretches
 * (61 s, 1.8 GB); now a stretch of more than {@link PortLookup#EAGER_SET} rows gets its set when first
 * looked up, with the same rows in the same order as the eager sweep gives.
 */
class NestedRangesCatalogTest {
    @TempDir
    Path dir;

    @Test
    void sixteenThousandNestedRangesLoadInLinearTimeAndLookUpTheSameRows() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("rules/cucm-ports.csv"));
        String template = lines.get(1);
        assertTrue(template.startsWith("T1-01,") && template.contains(",udp,514,"), template);
        StringBuilder csv = new StringBuilder(lines.get(0)).append('\n');
        int rows = 16_000;
        for (int i = 0; i < rows; i++) {
            csv.append(template.replaceFirst("^T1-01,", "N-" + i + ",").replaceFirst(",udp,514,", ",udp," + i + "-" + (65535 - i) + ","))
               .append('\n');
        }
        Path file = dir.resolve("nested.csv");
        Files.writeString(file, csv);
        long start = System.nanoTime();
        CatalogLoader loader = new CatalogLoader();
        Catalog catalog = loader.load(List.of(file.toString()));
        PortLookup lookup = catalog.lookup();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "NestedRangesCatalogTest: %,d nested rows loaded in %.2f s%n", rows, seconds);
        assertEquals(List.of(), loader.problems());
        assertEquals(rows, catalog.rules().size());
        assertTrue(seconds < 20, "loaded in " + seconds + " s");

        assertEquals(101, lookup.candidates(17, 100).rules().size(), "ports 0..100: eager sets");
        List<CatalogRule> middle = lookup.candidates(17, 32767).rules();
        assertEquals(rows, middle.size(), "every row covers the middle port");
        assertEquals("N-0", middle.get(0).id());
        assertEquals("N-" + (rows - 1), middle.get(rows - 1).id(), "in catalog order");
        assertEquals(5001, lookup.candidates(17, 5000).rules().size());
        assertEquals(5001, lookup.candidates(17, 65535 - 5000).rules().size());
        assertTrue(lookup.candidates(6, 32767).isEmpty(), "udp rows only");
        assertTrue(lookup.candidates(17, 32767) == lookup.candidates(17, 32767), "a wide set is made once and kept");
    }
}
