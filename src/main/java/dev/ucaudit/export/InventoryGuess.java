package dev.ucaudit.export;

import dev.ucaudit.report.FlowRow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Guesses host roles from what the traffic shows: who listens on the SCCP, SIP, TFTP, MGCP, CTI,
 * LDAP, NTP, DNS ports, and who talks to them. Each guess carries a confidence and its evidence;
 * every one is for a person to confirm.
 */
public final class InventoryGuess {
    /** A guessed inventory row. */
    public record Guess(String address, String role, String confidence, String evidence) {
    }

    /** A port that reveals roles: its listener's role, its client's role (or null), a name, and a weight. */
    private record Clue(String protocol, int port, String server, String client, String name, int weight) {
    }

    private static final List<Clue> CLUES = List.of(
            new Clue("tcp", 2000, "cucm", "phone", "SCCP", 3),
            new Clue("tcp", 2443, "cucm", "phone", "SCCP over TLS", 3),
            new Clue("udp", 69, "cucm", "phone", "TFTP", 3),
            new Clue("udp", 5060, "cucm", "phone", "SIP", 2),
            new Clue("tcp", 5060, "cucm", "phone", "SIP", 2),
            new Clue("tcp", 5061, "cucm", "phone", "SIP over TLS", 2),
            new Clue("tcp", 6970, "cucm", "phone", "TFTP over HTTP", 2),
            new Clue("tcp", 6971, "cucm", "phone", "TFTP over HTTPS", 2),
            new Clue("tcp", 6972, "cucm", "phone", "TFTP over HTTPS", 2),
            new Clue("tcp", 8443, "cucm", "admin", "HTTPS (Tomcat, admin pages)", 1),
            new Clue("tcp", 443, "cucm", "admin", "HTTPS", 1),
            new Clue("udp", 2427, "cucm", "gateway", "MGCP", 2),
            new Clue("tcp", 2428, "cucm", "gateway", "MGCP backhaul", 2),
            new Clue("tcp", 1720, "cucm", "gateway", "H.225", 1),
            new Clue("tcp", 2748, "cucm", "cti-app", "CTI", 2),
            new Clue("tcp", 389, "ldap", null, "LDAP", 2),
            new Clue("tcp", 636, "ldap", null, "LDAPS", 2),
            new Clue("tcp", 3268, "ldap", null, "LDAP global catalog", 2),
            new Clue("tcp", 3269, "ldap", null, "LDAPS global catalog", 2),
            new Clue("udp", 123, "ntp", null, "NTP", 2),
            new Clue("udp", 53, "dns", null, "DNS", 2),
            new Clue("tcp", 53, "dns", null, "DNS", 2),
            new Clue("udp", 67, "dhcp", null, "DHCP", 2),
            new Clue("udp", 162, "snmp", null, "SNMP traps", 1));

    private InventoryGuess() {
    }

    public static List<Guess> guess(Collection<FlowRow> flows) {
        // address -> role -> (score, evidence lines, peers)
        Map<String, Map<String, Votes>> votes = new TreeMap<>();
        for (FlowRow f : flows) {
            for (Clue c : CLUES) {
                if (!c.protocol().equals(f.protocol()) || c.port() != f.responderPort()) {
                    continue;
                }
                // NTP is symmetric (123 → 123): the responder is the server only when the initiator did not use 123 too.
                vote(votes, f.responder(), c.server(), c.weight(), "listens on " + c.port() + "/" + c.protocol() + " (" + c.name() + ")", f.initiator());
                if (c.client() != null) {
                    vote(votes, f.initiator(), c.client(), c.weight(), "client of " + c.name() + " on " + f.responder(), f.responder());
                }
            }
        }
        List<Guess> out = new ArrayList<>();
        votes.forEach((address, byRole) -> {
            List<Map.Entry<String, Votes>> ranked = new ArrayList<>(byRole.entrySet());
            ranked.sort(Comparator.comparingInt((Map.Entry<String, Votes> e) -> e.getValue().score()).reversed()
                    .thenComparing(Map.Entry::getKey));
            Map.Entry<String, Votes> best = ranked.get(0);
            Votes v = best.getValue();
            boolean contested = ranked.size() > 1;
            String confidence = contested ? "low" : v.score() >= 4 || v.peers.size() >= 2 ? "high" : v.score() >= 2 ? "medium" : "low";
            StringBuilder evidence = new StringBuilder(String.join("; ", v.evidence));
            for (int i = 1; i < ranked.size(); i++) {
                evidence.append("; also looks like ").append(ranked.get(i).getKey()).append(": ")
                        .append(String.join("; ", ranked.get(i).getValue().evidence));
            }
            out.add(new Guess(address, best.getKey(), confidence, evidence.toString()));
        });
        return out;
    }

    private static void vote(Map<String, Map<String, Votes>> votes, String address, String role, int weight, String evidence, String peer) {
        Votes v = votes.computeIfAbsent(address, k -> new TreeMap<>()).computeIfAbsent(role, k -> new Votes());
        if (v.peers.add(peer + "|" + evidence)) {
            v.weight += weight;
        }
        v.evidence.add(evidence);
    }

    private static final class Votes {
        int weight;
        final Set<String> evidence = new TreeSet<>();
        final Set<String> peers = new TreeSet<>();

        int score() {
            return weight;
        }
    }
}
