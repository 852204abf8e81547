package dev.ucaudit.catalog;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The catalog rows that list one (protocol, port). Interned: every port with the same rows shares
 * one instance, so the lookup tables hold a few hundred sets, not 65,536 lists.
 */
public final class CandidateSet {
    public static final CandidateSet EMPTY = new CandidateSet(List.of());

    private final List<CatalogRule> rules;
    private final int narrowestListening;
    private final Set<AppProtocol> expected;

    public CandidateSet(List<CatalogRule> rules) {
        this.rules = List.copyOf(rules);
        int best = Integer.MAX_VALUE;
        for (CatalogRule r : this.rules) {
            best = Math.min(best, r.listeningPorts().size());
        }
        this.narrowestListening = best;
        Set<AppProtocol> e = EnumSet.noneOf(AppProtocol.class);
        for (CatalogRule r : this.rules) {
            e.addAll(r.expected());
        }
        this.expected = e.isEmpty() ? Set.of() : Collections.unmodifiableSet(e);
    }

    /** What the rows expect on the wire, together ({@link CatalogRule#expected()}): what a flow on the port is checked for. */
    public Set<AppProtocol> expected() {
        return expected;
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
