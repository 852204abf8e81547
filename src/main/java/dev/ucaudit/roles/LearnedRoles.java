package dev.ucaudit.roles;

import dev.ucaudit.inventory.IpAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The learned roles a classification may use: those of addresses whose own strong evidence names
 * them and does not contradict itself. A role only others claim for a host (weak evidence: a DHCP
 * option naming a TFTP server, a Register sent to it, a User-Agent header) is shown in the report,
 * never used: no host can make another trusted by naming it.
 */
public final class LearnedRoles {
    private LearnedRoles() {
    }

    /**
     * Address to roles, for every address whose learned role is {@link #usable}, in the order first
     * seen: the role first, then the other roles its strong evidence claims (a node that is also a
     * gatekeeper).
     */
    public static Map<IpAddress, List<String>> usable(EvidenceTable table) {
        Map<IpAddress, List<String>> out = new LinkedHashMap<>();
        for (LearnedRole r : RoleDecisions.decide(table)) {
            if (usable(r)) {
                List<String> roles = new ArrayList<>();
                roles.add(r.role());
                r.claimed().stream().filter(c -> !roles.contains(c)).forEach(roles::add);
                out.put(r.address(), List.copyOf(roles));
            }
        }
        return out;
    }

    /**
     * True when a host whose learned role is {@code learned} cannot also be {@code wanted} (reduced to
     * phone, cucm or gateway when it is a kind of one): a phone is nothing else, a call manager is not
     * a gateway. Any other role may be one the host has and did not show (a DHCP server that also
     * answers DNS), so a row that needs it is not ruled out.
     */
    public static boolean excludes(String learned, Set<String> wantedClosure, String wanted) {
        String base = wantedClosure.contains("phone") ? "phone" : wantedClosure.contains("cucm") ? "cucm"
                : wantedClosure.contains("gateway") ? "gateway" : wanted;
        return RoleDecisions.excludeEachOther(List.of(learned, base));
    }

    /** Not contradictory, and decided by the host's own strong evidence. */
    public static boolean usable(LearnedRole r) {
        return r.trusted() && r.strong() && r.role() != null;
    }
}
