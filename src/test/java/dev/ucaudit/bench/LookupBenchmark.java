package dev.ucaudit.bench;

import dev.ucaudit.catalog.CandidateSet;
import dev.ucaudit.catalog.Catalog;
import dev.ucaudit.catalog.CatalogLoader;
import dev.ucaudit.catalog.CatalogRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Lookups per second of the O(1) port table, next to a reference in the same process: a linear
 * scan over the catalog's rows, which is what the table replaces. Run: scripts/bench-lookup.
 */
public final class LookupBenchmark {
    private LookupBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Catalog catalog = new CatalogLoader().load(List.of());
        List<CatalogRule> rules = catalog.rules();
        // The reference gets every advantage but the table: listening ports computed once per row.
        List<dev.ucaudit.catalog.PortRanges> listening = rules.stream().map(CatalogRule::listeningPorts).toList();
        SplittableRandom rnd = new SplittableRandom(42);
        int[] protos = new int[n];
        int[] ports = new int[n];
        for (int i = 0; i < n; i++) {
            protos[i] = rnd.nextBoolean() ? 6 : 17;
            // half well-known service ports, half anywhere (media, ephemeral)
            ports[i] = rnd.nextBoolean() ? rnd.nextInt(10_000) : rnd.nextInt(65_536);
        }
        double[] table = new double[rounds];
        double[] scan = new double[rounds];
        long sink = 0;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                CandidateSet s = catalog.lookup().candidates(protos[i], ports[i]);
                sink += s.rules().size();
            }
            long t1 = System.nanoTime();
            int m = n / 20;
            for (int i = 0; i < m; i++) {
                int hits = 0;
                for (int k = 0; k < rules.size(); k++) {
                    CatalogRule rule = rules.get(k);
                    if (!rule.isDuplicate() && rule.hasProtocol(protos[i]) && listening.get(k).contains(ports[i])) {
                        hits++;
                    }
                }
                sink += hits;
            }
            long t2 = System.nanoTime();
            table[r] = n / ((t1 - t0) / 1e9);
            scan[r] = m / ((t2 - t1) / 1e9);
        }
        Arrays.sort(table);
        Arrays.sort(scan);
        double tMed = table[rounds / 2];
        double sMed = scan[rounds / 2];
        List<String> lines = new ArrayList<>();
        lines.add(String.format("catalog: %d rows; %d lookups per round, %d rounds (medians)", rules.size(), n, rounds));
        lines.add(String.format("port table (O(1))         : %,.0f lookups/s", tMed));
        lines.add(String.format("linear scan (reference)   : %,.0f lookups/s", sMed));
        lines.add(String.format("ratio table/scan          : %.1fx", tMed / sMed));
        lines.add("(checksum " + sink + ")");
        lines.forEach(System.out::println);
    }
}
