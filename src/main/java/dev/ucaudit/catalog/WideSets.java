package dev.ucaudit.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The candidate sets of a protocol's wide stretches of ports (more than {@link PortLookup#EAGER_SET}
 * rows): each made when a port of it is first looked up, from the rows' ranges in catalog order, and
 * kept in a cache bounded by the rows it holds, so that however the catalog's ranges nest, loading it
 * costs its rows and their ranges, and memory stays bounded. Thread-safe.
 */
final class WideSets {
    /** Rows the cached sets may hold in all (about 8 bytes each). */
    private static final long MAX_CACHED_ROWS = 4_000_000;

    private final List<CatalogRule> relevant;
    /** Sorted, disjoint [start, end) stretches. */
    private final int[] starts;
    private final int[] ends;
    private final Cache<Integer, CandidateSet> cache;

    WideSets(List<CatalogRule> relevant, List<int[]> stretches) {
        this.relevant = stretches.isEmpty() ? List.of() : List.copyOf(relevant);
        this.starts = stretches.stream().mapToInt(s -> s[0]).toArray();
        this.ends = stretches.stream().mapToInt(s -> s[1]).toArray();
        this.cache = stretches.isEmpty() ? null : Caffeine.newBuilder().maximumWeight(MAX_CACHED_ROWS)
                .weigher((Integer k, CandidateSet v) -> Math.max(1, v.rules().size())).build();
    }

    int stretches() {
        return starts.length;
    }

    /** The rows of the wide stretch holding {@code port} (every port of a stretch has the same rows). */
    CandidateSet at(int port) {
        int i = Arrays.binarySearch(starts, port);
        int stretch = i >= 0 ? i : -i - 2;
        if (stretch < 0 || port >= ends[stretch]) {
            return CandidateSet.EMPTY; // not wide: the table has it (never asked here)
        }
        return cache.get(stretch, k -> make(starts[k]));
    }

    private CandidateSet make(int port) {
        List<CatalogRule> hits = new ArrayList<>();
        for (CatalogRule r : relevant) {
            PortRanges ports = r.listeningPorts();
            if (ports.contains(port)) {
                hits.add(r);
            }
        }
        return new CandidateSet(hits);
    }
}
