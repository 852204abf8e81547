package dev.ucaudit.policy;

import dev.ucaudit.catalog.Roles;
import dev.ucaudit.inventory.Prefix;

/**
 * The source or destination of an allowed-flows rule: {@code any}, a role name (matched through
 * the role hierarchy: {@code cucm} covers a {@code cucm-subscriber}), or an IPv4/IPv6 address or CIDR.
 */
public record PolicyEndpoint(String text, String role, Prefix prefix) {
    public static final PolicyEndpoint ANY = new PolicyEndpoint("any", null, null);

    /** Parses a cell; throws IllegalArgumentException saying what is wrong. */
    public static PolicyEndpoint parse(String cell, Roles roles) {
        String t = cell.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("empty: write a role name, an address or CIDR, or 'any'");
        }
        if (t.equalsIgnoreCase("any") || t.equals("*")) {
            return ANY;
        }
        if (t.contains(".") || t.contains(":") || t.contains("/")) {
            Prefix p = Prefix.parse(t);
            return new PolicyEndpoint(p.text(), null, p);
        }
        if (!roles.isKnown(t)) {
            throw new IllegalArgumentException("'" + t + "' is neither an address/CIDR nor a role (roles: "
                    + String.join(", ", roles.names().stream().sorted().toList()) + ")");
        }
        return new PolicyEndpoint(t, t, null);
    }

    public boolean isAny() {
        return role == null && prefix == null;
    }

    /** True when a host with this address and (most specific) role is covered. */
    public boolean matches(String address, String hostRole, Roles roles) {
        if (isAny()) {
            return true;
        }
        if (role != null) {
            return roles.closureOf(hostRole.isEmpty() ? Roles.UNKNOWN : hostRole).contains(role);
        }
        try {
            return prefix.contains(Prefix.parse(address).address());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
