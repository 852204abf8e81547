package dev.ucaudit.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The role names and their hierarchy (a cucm-publisher is a cucm; everything is an endpoint),
 * read from {@code rules/roles.csv}.
 */
public final class Roles {
    public static final String ENDPOINT = "endpoint";
    public static final String UNKNOWN = "unknown";

    private final Map<String, List<String>> parents;
    private final Map<String, String> descriptions;
    /** The role names in the order roles.csv lists them (Map.copyOf would iterate in a per-run random order). */
    private final Set<String> names;
    private final Map<String, Set<String>> closures = new LinkedHashMap<>();

    public Roles(Map<String, List<String>> parents, Map<String, String> descriptions) {
        this.parents = Map.copyOf(parents);
        this.descriptions = Map.copyOf(descriptions);
        this.names = Collections.unmodifiableSet(new LinkedHashSet<>(parents.keySet()));
        for (String role : parents.keySet()) {
            closures.put(role, Collections.unmodifiableSet(closure(role)));
        }
        closures.put(UNKNOWN, Set.of(UNKNOWN, ENDPOINT));
    }

    private Set<String> closure(String role) {
        Set<String> out = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(List.of(role));
        while (!todo.isEmpty()) {
            String r = todo.remove(todo.size() - 1);
            if (out.add(r)) {
                todo.addAll(parents.getOrDefault(r, List.of()));
            }
        }
        out.add(ENDPOINT);
        return out;
    }

    public boolean isKnown(String role) {
        return closures.containsKey(role);
    }

    /** The role and every role it is (cucm-publisher → cucm, media, endpoint). */
    public Set<String> closureOf(String role) {
        Set<String> c = closures.get(role);
        return c != null ? c : Set.of(role, ENDPOINT);
    }

    /** Depth in the hierarchy: endpoint 0, media 1, cucm 2, cucm-publisher 3. Used to prefer the most specific row. */
    public int specificity(String role) {
        return closureOf(role).size() - 1;
    }

    public Set<String> names() {
        return names;
    }

    public String description(String role) {
        return descriptions.getOrDefault(role, "");
    }
}
