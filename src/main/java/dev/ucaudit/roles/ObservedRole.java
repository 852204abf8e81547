package dev.ucaudit.roles;

import dev.ucaudit.inventory.IpAddress;
import java.util.List;

/**
 * One address with evidence, as reports show it: the learned role and confidence, the inventory's
 * role when an inventory was given (null otherwise or when it does not list the address), and the
 * evidence, strong first.
 */
public record ObservedRole(IpAddress address, String role, Confidence confidence, String inventoryRole,
                           List<Evidence> evidence) {
    public ObservedRole {
        evidence = List.copyOf(evidence);
    }
}
