package dev.ucaudit.audit;

import dev.ucaudit.catalog.Catalog;
import dev.ucaudit.catalog.CatalogRule;
import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.catalog.PortRanges;
import dev.ucaudit.inventory.Inventory;
import dev.ucaudit.inventory.InventoryEntry;
import dev.ucaudit.inventory.Prefix;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The documented openings nobody used. With an inventory: every (rule, inventory entry whose role
 * is the rule's destination role) that no documented flow cited with a responder inside that entry.
 * Without one: every rule whose listening ports saw no traffic at all.
 */
public final class UnusedOpenings {
    private UnusedOpenings() {
    }

    public static List<UnusedOpening> find(Catalog catalog, Inventory inventory, AuditResult result) {
        List<UnusedOpening> out = new ArrayList<>();
        for (CatalogRule rule : catalog.rules()) {
            if (rule.isDuplicate()) {
                continue;
            }
            if (inventory.isPresent()) {
                Set<String> responders = result.respondersOf(rule.id());
                for (InventoryEntry e : inventory.entriesWithRole(rule.destinationRole())) {
                    if (!usedInside(e.prefix(), responders)) {
                        out.add(row(rule, e.prefix().text(), e.name()));
                    }
                }
            } else if (!trafficOnPorts(rule, result)) {
                out.add(row(rule, "", ""));
            }
        }
        return out;
    }

    private static boolean usedInside(Prefix prefix, Set<String> responders) {
        for (String r : responders) {
            try {
                if (prefix.contains(Prefix.parse(r).address())) {
                    return true;
                }
            } catch (IllegalArgumentException e) {
                // not an address: cannot be inside
            }
        }
        return false;
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
