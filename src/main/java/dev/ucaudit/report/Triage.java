package dev.ucaudit.report;

import dev.ucaudit.audit.ContentSeen;
import dev.ucaudit.audit.FlowRecord;
import dev.ucaudit.catalog.Catalog;
import dev.ucaudit.catalog.CatalogRule;
import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.catalog.Roles;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a finding risks and what to do about it: management access first (telnet, SSH, SQL, remote
 * desktop, web administration from a role the catalog does not give it), then hosts the inventory
 * does not know talking to CUCM, then the rest; each group with a one-line suggestion (a host to add
 * to the inventory, a firewall rule to check, a catalog reading to review).
 */
final class Triage {
    /** A group spanning more ports than this is a sweep, not management access, even if it touches port 22. */
    static final int MANAGEMENT_SPREAD = 8;
    /** Catalog rows named in a suggestion. */
    private static final int ROWS_NAMED = 3;
    /** The command that drafts an inventory from a report's learned roles. */
    static final String EXPORT = "ucaudit export REPORT_DIR --out DIR";
    private static final Map<Integer, String> MANAGEMENT_TCP = Map.ofEntries(Map.entry(22, "SSH"), Map.entry(23, "telnet"),
            Map.entry(80, "HTTP administration"), Map.entry(443, "HTTPS administration"), Map.entry(8080, "HTTP administration"),
            Map.entry(8443, "HTTPS administration"), Map.entry(1433, "Microsoft SQL"), Map.entry(1521, "Oracle SQL"),
            Map.entry(1500, "Informix SQL (the CUCM database)"), Map.entry(1501, "Informix SQL (the CUCM database)"),
            Map.entry(3306, "MySQL"), Map.entry(5432, "PostgreSQL"), Map.entry(3389, "remote desktop"), Map.entry(5900, "VNC"));
    private static final Map<Integer, String> MANAGEMENT_UDP = Map.of(161, "SNMP");

    /** What a group of findings risks, the riskiest first. */
    enum Risk {
        MANAGEMENT("management", "management access (telnet, SSH, SQL, remote desktop, web administration) from outside its role"),
        UNKNOWN_TO_CUCM("unknown → CUCM", "a host the inventory does not know talks to CUCM"),
        OTHER("other", "another undocumented flow");

        private final String label;
        private final String text;

        Risk(String label, String text) {
            this.label = label;
            this.text = text;
        }

        /** The badge: {@code management}. */
        String label() {
            return label;
        }

        /** What it means, in a sentence's words. */
        String text() {
            return text;
        }
    }

    /** One group of findings with what it risks and what to do. */
    record Finding(FindingGroups.Group group, Risk risk, String suggestion) {
    }

    private Triage() {
    }

    /** The groups ranked by risk, then by flows (the order {@code groups} has). */
    static List<Finding> rank(List<FindingGroups.Group> groups, Catalog catalog) {
        List<Finding> out = new ArrayList<>(groups.size());
        for (FindingGroups.Group g : groups) {
            Risk risk = risk(g, catalog.roles());
            out.add(new Finding(g, risk, suggestion(g, risk, catalog)));
        }
        out.sort(Comparator.comparing(Finding::risk)); // stable: by flows within a risk
        return out;
    }

    static Risk risk(FindingGroups.Group g, Roles roles) {
        if (!management(g).isEmpty()) {
            return Risk.MANAGEMENT;
        }
        boolean unknownToCucm = unknown(g.initiatorRole(), roles) && cucm(g.responderRole(), roles)
                || unknown(g.responderRole(), roles) && cucm(g.initiatorRole(), roles);
        return unknownToCucm ? Risk.UNKNOWN_TO_CUCM : Risk.OTHER;
    }

    /** The management services the group reaches ({@code SSH (22/tcp)}), empty when none or when it is a sweep. */
    static String management(FindingGroups.Group g) {
        int[] ports = g.ports();
        if (ports.length == 0 || ports.length > MANAGEMENT_SPREAD) {
            return "";
        }
        IpProtocol protocol = g.examples().get(0).protocol();
        Map<Integer, String> names = protocol.equals(IpProtocol.TCP) ? MANAGEMENT_TCP
                : protocol.equals(IpProtocol.UDP) ? MANAGEMENT_UDP : Map.of();
        List<String> found = new ArrayList<>();
        for (int p : ports) {
            String name = names.get(p);
            if (name != null) {
                found.add(name + " (" + p + "/" + protocol.label() + ")");
            }
        }
        return String.join(", ", found);
    }

    private static boolean unknown(String role, Roles roles) {
        return role == null || role.isEmpty() || role.equals(Roles.UNKNOWN) || !roles.isKnown(role);
    }

    private static boolean cucm(String role, Roles roles) {
        return !unknown(role, roles) && roles.closureOf(role).contains("cucm");
    }

    /** One line: what to do about the group. */
    static String suggestion(FindingGroups.Group g, Risk risk, Catalog catalog) {
        FlowRecord f = g.examples().get(0);
        String unknownHost = unknown(f.initiatorRole(), catalog.roles()) ? f.initiator().text()
                : unknown(f.responderRole(), catalog.roles()) ? f.responder().text() : "";
        String rows = rows(f, catalog, true);
        String from = g.initiatorRole() + " → " + g.responderRole();
        switch (risk) {
            case MANAGEMENT -> {
                String check = "Check the firewall rule that lets " + from + " reach " + management(g)
                        + (rows.isEmpty() ? ", which no catalog row documents" : "; the catalog documents the port only for "
                        + rows(f, catalog, false));
                return check + (unknownHost.isEmpty() ? ": close it, or add a local catalog row if " + from + " is meant to manage it."
                        : ": close it, or, if " + unknownHost + " is an administration host, add it to the inventory as one.");
            }
            case UNKNOWN_TO_CUCM -> {
                return "Add " + unknownHost + " to the inventory with its role if it belongs (" + EXPORT
                        + " drafts inventory-draft.csv from the roles seen), else check the firewall rule that lets it reach CUCM.";
            }
            default -> {
                if (f.content() == ContentSeen.CONTRADICTED) {
                    return "Check what runs on " + g.service() + ": the flow does not carry what " + rows
                            + " expects (a service on a port it should not use, or a catalog reading to review).";
                }
                if (g.ports().length > MANAGEMENT_SPREAD) {
                    return "A sweep of " + HtmlReport.fmt(g.ports().length) + " ports from " + f.initiator().text()
                            + ": find who runs it, and check the firewall rule that lets it reach " + g.responderRole() + " hosts.";
                }
                if (!rows.isEmpty()) {
                    return "Review the catalog reading of " + rows + ": if " + from + " is meant, correct the hosts' roles in"
                            + " the inventory or add a local row; else check the firewall rule that lets it through.";
                }
                if (!unknownHost.isEmpty()) {
                    return "Add " + unknownHost + " to the inventory with its role (" + EXPORT
                            + " drafts one), then see whether a catalog row documents what it does.";
                }
                return "Check the firewall rule that lets " + g.service() + " through: no catalog row names it; if it is a"
                        + " service of this site, add a row for it to the catalog.";
            }
        }
    }

    /** The catalog rows the first flow's port matches: {@code T6-03 (phone → cucm 2000/tcp)}, or their ids alone; empty when none. */
    private static String rows(FlowRecord f, Catalog catalog, boolean described) {
        List<CatalogRule> rules = catalog.lookup().candidates(f.protocol().number(), f.responderPort()).rules();
        String named = rules.stream().filter(r -> !r.isDuplicate()).limit(ROWS_NAMED)
                .map(r -> described ? r.id() + " (" + r.describe() + ")" : r.id()).collect(Collectors.joining(", "));
        long more = rules.stream().filter(r -> !r.isDuplicate()).count() - ROWS_NAMED;
        return more > 0 ? named + " and " + more + " more rows" : named;
    }
}
