package dev.ucaudit.cli;

import dev.ucaudit.audit.AuditResult;
import dev.ucaudit.audit.RolesFrom;
import dev.ucaudit.roles.Confidence;
import dev.ucaudit.roles.RoleCheck;
import dev.ucaudit.roles.RoleFinding;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The terminal summary's learned roles: one line of counts (without an inventory, with the flows whose
 * roles were learned), and with an inventory its findings (at most --top).
 */
final class RolesText {
    private RolesText() {
    }

    static void print(PrintWriter out, RoleCheck.Result roles, boolean inventory, int top, AuditResult result) {
        if (roles.observed().isEmpty()) {
            return;
        }
        out.printf(Locale.ROOT, "ucaudit: roles learned from the traffic: %,d addresses (%,d high confidence, %,d low, %,d contradictory)%s%n",
                roles.observed().size(), roles.count(Confidence.HIGH), roles.count(Confidence.LOW),
                roles.count(Confidence.CONTRADICTORY), inventory ? String.format(Locale.ROOT,
                        "; %,d declared roles contradicted, %,d addresses not in the inventory",
                        roles.count(RoleFinding.Kind.CONTRADICTED), roles.count(RoleFinding.Kind.NOT_IN_INVENTORY))
                        : String.format(Locale.ROOT, "; used to classify %,d flows (both ends learned: %,d)", result.flowsWithLearnedRoles(),
                                result.flows(RolesFrom.LEARNED)));
        int shown = 0;
        for (RoleFinding f : roles.findings()) {
            if (shown++ == top) {
                out.printf(Locale.ROOT, "ucaudit: ... %,d more role findings in summary.json%n", roles.findings().size() - top);
                break;
            }
            out.println("ucaudit: role " + f.kind().text() + ": " + f.describe());
        }
    }
}
