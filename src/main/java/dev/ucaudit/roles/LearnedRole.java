package dev.ucaudit.roles;

import dev.ucaudit.inventory.IpAddress;
import java.util.List;

/**
 * The role decided for one address from its evidence.
 *
 * @param role      the role (a catalog role name); for a contradictory host, the roles its evidence claims joined by '|'
 * @param claimed   every role its strong evidence claims (for a contradictory host, more than one that exclude each other)
 * @param evidence  all its evidence, strong first, then by messages
 */
public record LearnedRole(IpAddress address, String role, Confidence confidence, List<String> claimed,
                          List<Evidence> evidence) {
    public LearnedRole {
        claimed = List.copyOf(claimed);
        evidence = List.copyOf(evidence);
    }

    /** Usable to classify flows: not contradictory. */
    public boolean trusted() {
        return confidence != Confidence.CONTRADICTORY;
    }

    /** True when some strong evidence names this role. */
    public boolean strong() {
        return evidence.stream().anyMatch(e -> e.strength() == Strength.STRONG);
    }
}
