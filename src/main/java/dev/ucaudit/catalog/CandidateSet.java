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

    public boolean isEmpty() {
        return rules.isEmpty();
    }
}
