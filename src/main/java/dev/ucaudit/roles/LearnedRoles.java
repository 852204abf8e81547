package dev.ucaudit.roles;

import dev.ucaudit.inventory.IpAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The learned roles a classification may use: those of addresses whose own strong evidence names
 * them and does not contradict itself. A role only others claim for a host (weak evidence: a DHCP
 * option naming a TFTP server, a Register sent to it, a User-Agent header) is shown in the report,
 * never used: no host can make another trusted by naming it.
 */
public final class LearnedRoles {
    private LearnedRoles() {
    }

    /** Address to role, for every address whose learned role is {@link #usable}, in the order first seen. */
    public static Map<IpAddress, String> usable(EvidenceTable table) {
        Map<IpAddress, String> out = new LinkedHashMap<>();
        for (LearnedRole r : RoleDecisions.decide(table)) {
            if (usable(r)) {
                out.put(r.address(), r.role());
            }
        }
        return out;
    }

    /** Not contradictory, and decided by the host's own strong evidence. */
    public static boolean usable(LearnedRole r) {
        return r.trusted() && r.strong() && r.role() != null;
    }
}
