package dev.ucaudit.catalog;

import java.util.List;

/**
 * The catalog rows that list one (protocol, port). Interned: every port with the same rows shares
 * one instance, so the lookup tables hold a few hundred sets, not 65,536 lists.
 */
public record CandidateSet(List<CatalogRule> rules) {
    public static final CandidateSet EMPTY = new CandidateSet(List.of());

    public CandidateSet {
        rules = List.copyOf(rules);
    }

    /**
     * How specific the narrowest row listing this port is: the size of its listening port set
     * (1 for a single documented port, 28,233 for the ephemeral range); {@code Integer.MAX_VALUE} when empty.
     */
    public int narrowestListening() {
        int best = Integer.MAX_VALUE;
        for (CatalogRule r : rules) {
            best = Math.min(best, r.listeningPorts().size());
        }
        return best;
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }
}
