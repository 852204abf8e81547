package dev.ucaudit.roles;

import dev.ucaudit.catalog.Roles;
import dev.ucaudit.inventory.Host;
import dev.ucaudit.inventory.Inventory;
import java.util.ArrayList;
import java.util.List;

/**
 * Learned roles beside the inventory: every address with evidence as an {@link ObservedRole}, and,
 * when an inventory was given, the {@link RoleFinding}s. Only strong evidence makes a finding; a role
 * agrees with a declared one when either is a kind of the other (declared cucm-publisher, learned
 * cucm); endpoint agrees with every role.
 */
public final class RoleCheck {
    private RoleCheck() {
    }

    public record Result(List<ObservedRole> observed, List<RoleFinding> findings, long evidenceNotKept) {
        public Result {
            observed = List.copyOf(observed);
            findings = List.copyOf(findings);
        }

        public long count(RoleFinding.Kind kind) {
            return findings.stream().filter(f -> f.kind() == kind).count();
        }

        public long count(Confidence confidence) {
            return observed.stream().filter(o -> o.confidence() == confidence).count();
        }
    }

    public static Result check(EvidenceTable table, Inventory inventory, Roles roles) {
        List<ObservedRole> observed = new ArrayList<>();
        List<RoleFinding> findings = new ArrayList<>();
        for (LearnedRole learned : RoleDecisions.decide(table)) {
            Host host = inventory.isPresent() ? inventory.lookup(learned.address().bytes()) : null;
            String declared = host != null && host.inInventory() ? host.role() : null;
            observed.add(new ObservedRole(learned.address(), learned.role(), learned.confidence(), declared, learned.evidence()));
            if (host == null) {
                continue;
            }
            for (String claimed : learned.claimed()) {
                if (claimed.equals(Roles.ENDPOINT)) {
                    continue;
                }
                Evidence because = strongest(learned, claimed);
                if (declared == null) {
                    findings.add(new RoleFinding(RoleFinding.Kind.NOT_IN_INVENTORY, learned.address(), claimed, null, because));
                    break;
                }
                if (!agree(roles, claimed, declared)) {
                    findings.add(new RoleFinding(RoleFinding.Kind.CONTRADICTED, learned.address(), claimed, declared, because));
                }
            }
        }
        return new Result(observed, findings, table.dropped());
    }

    static boolean agree(Roles roles, String learned, String declared) {
        return roles.closureOf(declared).contains(learned) || roles.closureOf(learned).contains(declared);
    }

    private static Evidence strongest(LearnedRole learned, String role) {
        for (Evidence e : learned.evidence()) {
            if (e.strength() == Strength.STRONG && e.role().equals(role)) {
                return e;
            }
        }
        throw new IllegalStateException("no strong evidence for " + role);
    }
}
