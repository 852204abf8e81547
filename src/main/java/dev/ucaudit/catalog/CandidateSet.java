package dev.ucaudit.catalog;

import java.util.List;

/**
 * The catalog rows that list one (protocol, port). Interned: every port with the same rows shares
 * one instance, so the lookup tables hold a few hundred sets, not 65,536 lists.
 */
public final class CandidateSet {
    public static final CandidateSet EMPTY = new CandidateSet(List.of());

    private final List<CatalogRule> rules;
    private final int narrowestListening;

    public CandidateSet(List<CatalogRule> rules) {
        this.rules = List.copyOf(rules);
        int best = Integer.MAX_VALUE;
        for (CatalogRule r : this.rules) {
            best = Math.min(best, r.listeningPorts().size());
        }
        this.narrowestListening = best;
    }

    public List<CatalogRule> rules() {
        return rules;
    }

    /**
     * How specific the narrowest row listing this port is: the size of its listening port set
     * (1 for a single documented port, 28,233 for the ephemeral range); {@code Integer.MAX_VALUE} when empty.
     */
    public int narrowestListening() {
        return narrowestListening;
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }
}
