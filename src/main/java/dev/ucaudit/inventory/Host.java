package dev.ucaudit.inventory;

import java.util.Set;

/**
 * What the inventory says of one address: its role (or {@code unknown}), every role it therefore
 * is, its name, and the inventory line that covered it (empty when none did).
 */
public record Host(IpAddress address, String role, Set<String> roles, String name, String matchedPrefix) {
    public boolean inInventory() {
        return !matchedPrefix.isEmpty();
    }

    public boolean is(String r) {
        return roles.contains(r);
    }
}
