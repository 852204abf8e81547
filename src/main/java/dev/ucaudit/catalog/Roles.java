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

    /** Role -> parent -> the rows for which the role is that parent ({@code is_a} entries {@code parent[ROW ROW ...]}). */
    private final Map<String, Map<String, Set<String>>> rowParents = new LinkedHashMap<>();

    /**
     * @param parents role -> its {@code is_a} entries: a parent role name (the role matches every row of the
     *                parent) or {@code parent[T6-03 T6-07]} (it matches only those rows of the parent: where the
     *                guide's wording covers it)
     */
    public Roles(Map<String, List<String>> parents, Map<String, String> descriptions) {
        Map<String, List<String>> whole = new LinkedHashMap<>();
        parents.forEach((role, list) -> {
            List<String> plain = new ArrayList<>();
            for (String entry : list) {
                int open = entry.indexOf('[');
                if (open > 0 && entry.endsWith("]")) {
                    Set<String> rows = new LinkedHashSet<>(List.of(entry.substring(open + 1, entry.length() - 1).trim().split("\\s+")));
                    rowParents.computeIfAbsent(role, k -> new LinkedHashMap<>()).put(entry.substring(0, open).trim(), rows);
                } else {
                    plain.add(entry);
                }
            }
            whole.put(role, plain);
        });
        parents = whole;
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

    /**
     * True when {@code role} matches the row {@code ruleId}'s side that names {@code wanted}: it is that role
     * (see {@link #closureOf}), or it (or a role it is) inherits that row from a parent named with the row.
     */
    public boolean matches(String role, String wanted, String ruleId) {
        if (closureOf(role).contains(wanted)) {
            return true;
        }
        for (String r : closureOf(role)) {
            Map<String, Set<String>> partial = rowParents.get(r);
            if (partial == null) {
                continue;
            }
            for (Map.Entry<String, Set<String>> e : partial.entrySet()) {
                if (e.getValue().contains(ruleId) && closureOf(e.getKey()).contains(wanted)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The rows {@code role} inherits from {@code parent} alone (empty when none or when it is the parent entirely). */
    public Set<String> rowsInherited(String role, String parent) {
        return rowParents.getOrDefault(role, Map.of()).getOrDefault(parent, Set.of());
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
