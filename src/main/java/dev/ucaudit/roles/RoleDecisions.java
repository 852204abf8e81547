package dev.ucaudit.roles;

import dev.ucaudit.inventory.IpAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides each address's role from its evidence, with one precedence: what the host itself says in
 * a protocol exchange only that role has (strong) decides; what others say about it, headers and
 * ports (weak) decide only when nothing strong was said, and then with low confidence. Strong
 * evidence that names roles excluding each other (a phone is nothing else; a call manager is not a
 * gateway) makes the host contradictory. Among compatible strong roles the more central one is
 * the role: cucm, gatekeeper, gateway, phone, then the services.
 */
public final class RoleDecisions {
    private static final List<String> PRECEDENCE = List.of("cucm", "gatekeeper", "gateway", "phone", "dhcp", "endpoint");

    private RoleDecisions() {
    }

    /**
     * Every address with evidence, in the order first seen, then the addresses that only links name.
     * Links ({@link Relation}) count once the roles are decided: a link whose anchor is a usable CUCM
     * node ({@link LearnedRoles#usable}) becomes evidence about its subject, which is decided again.
     */
    public static List<LearnedRole> decide(EvidenceTable table) {
        Map<IpAddress, LearnedRole> out = new LinkedHashMap<>();
        for (IpAddress a : table.addresses()) {
            out.put(a, decide(a, table.of(a)));
        }
        Map<IpAddress, List<Evidence>> derived = new LinkedHashMap<>();
        for (EvidenceTable.Linked l : table.links()) {
            LearnedRole anchor = out.get(l.anchor());
            if (anchor == null || !LearnedRoles.usable(anchor) || !anchor.role().equals(CUCM) || l.anchor().equals(l.subject())) {
                continue;
            }
            LearnedRole subject = out.get(l.subject());
            boolean node = subject != null && LearnedRoles.usable(subject) && subject.role().equals(CUCM);
            Relation r = l.relation();
            derived.computeIfAbsent(l.subject(), k -> new ArrayList<>()).add(new Evidence(l.subject(), r.role(node),
                    r.what(l.anchor().text(), node), r.strength(node), l.messages(), l.first()));
        }
        derived.forEach((address, extra) -> {
            List<Evidence> all = new ArrayList<>(table.of(address));
            all.addAll(extra);
            out.put(address, decide(address, all));
        });
        return new ArrayList<>(out.values());
    }

    private static final String CUCM = "cucm";

    static LearnedRole decide(IpAddress address, List<Evidence> evidence) {
        Map<String, Long> strong = new LinkedHashMap<>();
        Map<String, Long> weak = new LinkedHashMap<>();
        for (Evidence e : evidence) {
            (e.strength() == Strength.STRONG ? strong : weak).merge(e.role(), e.messages(), Long::sum);
        }
        List<Evidence> sorted = new ArrayList<>(evidence);
        sorted.sort(Comparator.comparing((Evidence e) -> e.strength() != Strength.STRONG)
                .thenComparing(Comparator.comparingLong(Evidence::messages).reversed()));
        if (!strong.isEmpty()) {
            List<String> claimed = byPrecedence(strong.keySet());
            if (excludeEachOther(claimed)) {
                return new LearnedRole(address, String.join("|", claimed), Confidence.CONTRADICTORY, claimed, sorted);
            }
            String role = claimed.get(0);
            long messages = strong.get(role);
            Confidence c = messages >= 2 || weak.containsKey(role) ? Confidence.HIGH : Confidence.LOW;
            return new LearnedRole(address, role, c, claimed, sorted);
        }
        String role = null;
        long most = -1;
        for (Map.Entry<String, Long> w : weak.entrySet()) {
            if (w.getValue() > most || w.getValue() == most && rank(w.getKey()) < rank(role)) {
                role = w.getKey();
                most = w.getValue();
            }
        }
        return new LearnedRole(address, role, Confidence.LOW, List.of(), sorted);
    }

    /** A phone is nothing else; a call manager is not a gateway (nor a gatekeeper's endpoint gateway). */
    public static boolean excludeEachOther(List<String> roles) {
        Set<String> s = new LinkedHashSet<>(roles);
        s.remove("endpoint");
        if (s.contains("phone") && s.size() > 1) {
            return true;
        }
        return s.contains("cucm") && s.contains("gateway");
    }

    private static List<String> byPrecedence(Set<String> roles) {
        List<String> l = new ArrayList<>(roles);
        l.sort(Comparator.comparingInt(RoleDecisions::rank).thenComparing(Comparator.naturalOrder()));
        return l;
    }

    private static int rank(String role) {
        int i = role == null ? -1 : PRECEDENCE.indexOf(role);
        return i < 0 ? PRECEDENCE.size() : i;
    }
}
