package dev.ucaudit.policy;

import dev.ucaudit.catalog.Roles;
import dev.ucaudit.report.FlowRow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Observed flows against an allowed-flows policy: the flows no rule allows (escaped), each with the
 * nearest rule and what differs, and how many flows each rule allowed (rules with none are the
 * allowed openings nobody used). A flow is allowed when a rule's source covers its initiator, its
 * destination covers the responder, and protocol and responder port fit: a stateful firewall's view.
 */
public final class PolicyCheck {
    private final AllowedPolicy policy;
    private final Roles roles;

    public PolicyCheck(AllowedPolicy policy, Roles roles) {
        this.policy = policy;
        this.roles = roles;
    }

    /** A flow no rule allows, with the nearest rule (if some rule fits at least half) and why it does not fit. */
    public record Escape(FlowRow flow, Optional<PolicyRule> nearest, String why) {
    }

    /** A policy rule and the observed flows it allowed. */
    public record RuleUse(PolicyRule rule, long flows, long packets, long bytes) {
    }

    public record Result(String policySource, List<Escape> escaped, List<RuleUse> ruleUses, long flowsChecked) {
        public List<RuleUse> unusedRules() {
            return ruleUses.stream().filter(u -> u.flows() == 0).toList();
        }
    }

    public Result check(Collection<FlowRow> flows) {
        Map<PolicyRule, long[]> uses = new LinkedHashMap<>();
        for (PolicyRule r : policy.rules()) {
            uses.put(r, new long[3]);
        }
        List<Escape> escaped = new ArrayList<>();
        for (FlowRow f : flows) {
            PolicyRule allowing = null;
            for (PolicyRule r : policy.rules()) {
                if (allows(r, f)) {
                    allowing = r;
                    break;
                }
            }
            if (allowing != null) {
                long[] u = uses.get(allowing);
                u[0]++;
                u[1] += f.packets();
                u[2] += f.bytes();
            } else {
                escaped.add(escape(f));
            }
        }
        List<RuleUse> ruleUses = new ArrayList<>();
        uses.forEach((r, u) -> ruleUses.add(new RuleUse(r, u[0], u[1], u[2])));
        return new Result(policy.source(), escaped, ruleUses, flows.size());
    }

    public boolean allows(PolicyRule r, FlowRow f) {
        return r.protocolMatches(f.protocol()) && r.portMatches(f.responderPort())
                && r.source().matches(f.initiator(), f.initiatorRole(), roles)
                && r.destination().matches(f.responder(), f.responderRole(), roles);
    }

    private Escape escape(FlowRow f) {
        PolicyRule best = null;
        int bestScore = 0;
        List<String> bestMisses = List.of();
        for (PolicyRule r : policy.rules()) {
            List<String> misses = new ArrayList<>();
            int score = 0;
            if (r.source().matches(f.initiator(), f.initiatorRole(), roles)) {
                score += 2;
            } else {
                misses.add("source " + f.initiator() + " (" + f.initiatorRole() + ") is not " + r.source().text());
            }
            if (r.destination().matches(f.responder(), f.responderRole(), roles)) {
                score += 2;
            } else {
                misses.add("destination " + f.responder() + " (" + f.responderRole() + ") is not " + r.destination().text());
            }
            if (r.protocolMatches(f.protocol())) {
                score += 1;
                if (r.portMatches(f.responderPort())) {
                    score += 2;
                } else {
                    misses.add("port " + f.responderPort() + " is not in " + r.ports());
                }
            } else {
                misses.add("protocol " + f.protocol() + " is not " + r.protocolText());
            }
            if (score > bestScore) {
                best = r;
                bestScore = score;
                bestMisses = misses;
            }
        }
        String service = f.responderPort() >= 0 ? f.responderPort() + "/" + f.protocol() : f.protocol();
        if (best == null || bestScore < 4) {
            return new Escape(f, Optional.empty(), "no allowed-flows rule is close to " + f.initiatorRole() + " → "
                    + f.responderRole() + " " + service);
        }
        return new Escape(f, Optional.of(best), "nearest rule " + best.origin() + " (" + best.describe() + "): "
                + String.join("; ", bestMisses));
    }
}
