package dev.ucaudit.policy;

import java.util.List;

/** An allowed-flows file: the site's firewall policy as ucaudit reads it. */
public record AllowedPolicy(String source, List<PolicyRule> rules) {
}
