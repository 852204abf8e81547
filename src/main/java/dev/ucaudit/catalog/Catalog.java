package dev.ucaudit.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The loaded catalog: its rows in file order, the role hierarchy, and the port lookup table. */
public final class Catalog {
    private final List<CatalogRule> rules;
    private final Map<String, CatalogRule> byId = new LinkedHashMap<>();
    private final Roles roles;
    private final List<String> sources;
    private final PortLookup lookup;

    public Catalog(List<CatalogRule> rules, Roles roles, List<String> sources) {
        this.rules = List.copyOf(rules);
        for (CatalogRule r : rules) {
            byId.put(r.id(), r);
        }
        this.roles = roles;
        this.sources = List.copyOf(sources);
        this.lookup = PortLookup.build(this.rules);
    }

    public List<CatalogRule> rules() {
        return rules;
    }

    public Optional<CatalogRule> rule(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Roles roles() {
        return roles;
    }

    public List<String> sources() {
        return sources;
    }

    public PortLookup lookup() {
        return lookup;
    }
}
