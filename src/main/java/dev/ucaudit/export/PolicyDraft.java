package dev.ucaudit.export;

import dev.ucaudit.catalog.Catalog;
import dev.ucaudit.catalog.CatalogRule;
import dev.ucaudit.catalog.PortRanges;
import dev.ucaudit.catalog.Roles;
import dev.ucaudit.report.FlowRow;
import dev.ucaudit.diff.FlowSignature;
import dev.ucaudit.inventory.InventoryEntry;
import dev.ucaudit.inventory.Prefix;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A draft policy from a report's documented flows, grouped by (initiator role, responder role,
 * protocol): their responder ports merged, and any port in the media range (16384-32767) or the
 * ephemeral range (32768-61000) widened to the whole range, since tomorrow's call uses another one.
 * A host whose role is unknown stands for itself (its address).
 */
public final class PolicyDraft {
    private PolicyDraft() {
    }

    public static List<DraftRule> from(Collection<FlowRow> flows) {
        return from(flows, null);
    }

    /**
     * As {@link #from(Collection)}; with the catalog, a port its row marks dynamic is written as that row's
     * whole dynamic range. A port that signalling negotiated (a client or a call chose it) is never written
     * as a fixed port either: it becomes the media, ephemeral or unprivileged (1024-65535) range it lies in.
     */
    public static List<DraftRule> from(Collection<FlowRow> flows, Catalog catalog) {
        Map<List<String>, Acc> groups = new TreeMap<>((a, b) -> String.join("\0", a).compareTo(String.join("\0", b)));
        for (FlowRow f : flows) {
            if (!f.documented()) {
                continue;
            }
            List<String> key = List.of(endpoint(f.initiator(), f.initiatorRole()), endpoint(f.responder(), f.responderRole()),
                    f.protocol());
            Acc acc = groups.computeIfAbsent(key, k -> new Acc());
            acc.flows++;
            acc.rules.add(f.rule());
            if (f.responderPort() >= 0) {
                acc.ports = acc.ports.union(portsOf(f, catalog));
            }
        }
        List<DraftRule> out = new ArrayList<>();
        groups.forEach((k, v) -> out.add(new DraftRule(k.get(0), k.get(1), k.get(2), v.ports, List.copyOf(v.rules), v.flows)));
        return out;
    }

    private static final class Acc {
        long flows;
        PortRanges ports = PortRanges.NONE;
        final TreeSet<String> rules = new TreeSet<>();
    }

    static String endpoint(String address, String role) {
        return role.isEmpty() || role.equals(Roles.UNKNOWN) ? address : role;
    }

    /** The responder port of a documented flow as the draft writes it (see {@link #from(Collection, Catalog)}). */
    static PortRanges portsOf(FlowRow f, Catalog catalog) {
        int port = f.responderPort();
        PortRanges dynamic = catalog == null ? PortRanges.NONE
                : catalog.rule(f.rule()).map(CatalogRule::dynamicPorts).orElse(PortRanges.NONE);
        if (dynamic.contains(port)) {
            return dynamic;
        }
        PortRanges widened = widen(port);
        boolean negotiated = !f.reason().startsWith(f.rule() + ":");
        if (negotiated && widened.equals(PortRanges.of(port, port)) && port >= UNPRIVILEGED) {
            return PortRanges.of(UNPRIVILEGED, 65535);
        }
        return widened;
    }

    private static final int UNPRIVILEGED = 1024;

    static PortRanges widen(int port) {
        if (port >= FlowSignature.MEDIA_LO && port <= FlowSignature.MEDIA_HI) {
            return PortRanges.of(FlowSignature.MEDIA_LO, FlowSignature.MEDIA_HI);
        }
        if (port >= FlowSignature.EPHEMERAL_LO && port <= FlowSignature.EPHEMERAL_HI) {
            return PortRanges.of(FlowSignature.EPHEMERAL_LO, FlowSignature.EPHEMERAL_HI);
        }
        return PortRanges.of(port, port);
    }

    /**
     * The addresses each role of the draft stands for: the inventory's prefixes of exactly that role
     * when an inventory is given, else the hosts of that role seen in the flows.
     */
    public static Map<String, Set<String>> members(List<DraftRule> rules, Collection<FlowRow> flows, List<InventoryEntry> inventory) {
        Set<String> roles = new TreeSet<>();
        for (DraftRule r : rules) {
            for (String e : List.of(r.source(), r.destination())) {
                if (!DraftRule.isAddress(e)) {
                    roles.add(e);
                }
            }
        }
        Map<String, Set<String>> out = new TreeMap<>();
        for (String role : roles) {
            Set<String> m = new TreeSet<>();
            if (!inventory.isEmpty()) {
                for (InventoryEntry e : inventory) {
                    if (e.role().equals(role)) {
                        m.add(e.prefix().text());
                    }
                }
            }
            if (m.isEmpty()) {
                for (FlowRow f : flows) {
                    if (f.documented() && f.initiatorRole().equals(role)) {
                        m.add(Prefix.parse(f.initiator()).text());
                    }
                    if (f.documented() && f.responderRole().equals(role)) {
                        m.add(Prefix.parse(f.responder()).text());
                    }
                }
            }
            out.put(role, m);
        }
        return out;
    }
}
