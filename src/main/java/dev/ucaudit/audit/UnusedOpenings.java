package dev.ucaudit.audit;

import dev.ucaudit.catalog.Catalog;
import dev.ucaudit.catalog.CatalogRule;
import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.catalog.PortRanges;
import dev.ucaudit.inventory.Inventory;
import dev.ucaudit.inventory.InventoryEntry;
import dev.ucaudit.inventory.IpAddress;
import dev.ucaudit.inventory.Prefix;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The documented openings nobody used. With an inventory: every (rule, inventory entry whose role
 * is the rule's destination role) that no documented flow cited with a responder inside that entry.
 * Without one: every rule whose listening ports saw no traffic at all.
 *
 * <p>Bounded: a rule with more than {@link #MAX_ROWS_PER_RULE} unused inventory entries (a
 * million-row inventory of single hosts) is summarised per covering prefix (IPv4 /24, then /16;
 * IPv6 /64, then /48): one row per rule and prefix whose name says how many entries it stands for.
 * Linear: a host entry is looked up among a rule's responders (typed addresses, as the flows
 * carry them), not compared with every responder.
 */
public final class UnusedOpenings {
    /** Most rows one rule gives before its unused entries are summarised per prefix. */
    public static final int MAX_ROWS_PER_RULE = 1_000;
    /** Begins what a summarised row says after its count of entries. */
    private static final String SUMMARISED = "(summarised: more than ";

    private UnusedOpenings() {
    }

    public static List<UnusedOpening> find(Catalog catalog, Inventory inventory, AuditResult result) {
        List<UnusedOpening> out = new ArrayList<>();
        for (CatalogRule rule : catalog.rules()) {
            if (rule.isDuplicate()) {
                continue;
            }
            if (inventory.isPresent()) {
                Responders responders = new Responders(result.respondersOf(rule.id()));
                List<InventoryEntry> unused = new ArrayList<>();
                for (InventoryEntry e : inventory.entriesWithRole(rule.destinationRole())) {
                    if (!responders.inside(e.prefix())) {
                        unused.add(e);
                    }
                }
                if (unused.size() <= MAX_ROWS_PER_RULE) {
                    for (InventoryEntry e : unused) {
                        out.add(row(rule, e.prefix().text(), e.name()));
                    }
                } else {
                    summarise(rule, unused, out);
                }
            } else if (!trafficOnPorts(rule, result)) {
                out.add(row(rule, "", ""));
            }
        }
        return out;
    }

    /** The responders a rule's documented flows reached: a host entry is looked up, a prefix tested against each. */
    private record Responders(Set<IpAddress> hosts) {
        boolean inside(Prefix prefix) {
            if (prefix.isHost()) {
                return hosts.contains(IpAddress.of(prefix.address()));
            }
            for (IpAddress a : hosts) {
                if (a.in(prefix)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * One row per covering prefix of the unused entries, the narrowest level (IPv4 /24 or /16, IPv6
     * /64 or /48) that keeps the rule within {@link #MAX_ROWS_PER_RULE} rows where possible.
     */
    private static void summarise(CatalogRule rule, List<InventoryEntry> unused, List<UnusedOpening> out) {
        Map<String, long[]> groups = null;
        for (int level = 0; level < 2; level++) {
            groups = new LinkedHashMap<>();
            for (InventoryEntry e : unused) {
                byte[] a = e.prefix().address();
                int bits = a.length == 4 ? (level == 0 ? 24 : 16) : (level == 0 ? 64 : 48);
                int length = Math.min(bits, e.prefix().length());
                groups.computeIfAbsent(cover(a, length), k -> new long[1])[0]++;
            }
            if (groups.size() <= MAX_ROWS_PER_RULE) {
                break;
            }
        }
        for (Map.Entry<String, long[]> g : groups.entrySet()) {
            out.add(row(rule, g.getKey(), g.getValue()[0] + " unused inventory entries " + SUMMARISED
                    + MAX_ROWS_PER_RULE + " for this rule)"));
        }
    }

    /** How many rules' unused openings {@code unused} summarises per prefix (more than {@link #MAX_ROWS_PER_RULE} entries each). */
    public static long summarisedRules(List<UnusedOpening> unused) {
        return unused.stream().filter(u -> u.destinationName().contains(SUMMARISED)).map(UnusedOpening::rule).distinct().count();
    }

    private static String cover(byte[] address, int length) {
        byte[] masked = address.clone();
        for (int i = 0; i < masked.length; i++) {
            int keep = Math.max(0, Math.min(8, length - 8 * i));
            masked[i] &= (byte) (0xff << (8 - keep));
        }
        return new Prefix(masked, length).toString();
    }

    private static boolean trafficOnPorts(CatalogRule rule, AuditResult result) {
        if (result.ruleUsed(rule.id())) {
            return true;
        }
        for (IpProtocol p : rule.protocols()) {
            if (!p.hasPorts()) {
                if (result.protocolSeen(p.number())) {
                    return true;
                }
                continue;
            }
            PortRanges ports = rule.listeningPorts();
            for (int i = 0; i < ports.rangeCount(); i++) {
                for (int port = ports.lo(i); port <= ports.hi(i); port++) {
                    if (result.portSeen(p.number(), port)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static UnusedOpening row(CatalogRule rule, String destination, String name) {
        return new UnusedOpening(rule.id(), rule.protocolLabel(), rule.ports().toString(), rule.sourceRole(),
                rule.destinationRole(), destination, name, rule.purpose());
    }
}
