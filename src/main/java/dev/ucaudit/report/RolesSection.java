package dev.ucaudit.report;

import dev.ucaudit.audit.AuditResult;
import dev.ucaudit.audit.RolesFrom;
import dev.ucaudit.roles.Evidence;
import dev.ucaudit.roles.LearnedRole;
import dev.ucaudit.roles.LearnedRoles;
import dev.ucaudit.roles.Protocols;
import dev.ucaudit.roles.RoleDecisions;
import dev.ucaudit.roles.ObservedRole;
import dev.ucaudit.roles.RoleCheck;
import dev.ucaudit.roles.RoleFinding;
import dev.ucaudit.roles.Confidence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The learned roles in a report: summary.json's {@code roles_observed} (one entry per address with
 * evidence) and {@code roles} (counts and the inventory findings), and report.html's section.
 */
final class RolesSection {
    /** Evidence listed per address; the rest is counted. */
    static final int EVIDENCE_LISTED = 5;
    static final int FINDINGS_LISTED = 1_000;
    private static final int ADDRESSES_SHOWN = 200;

    private RolesSection() {
    }

    static RoleCheck.Result of(AuditReport r) {
        return RoleCheck.check(r.result().evidence(), r.inventory(), r.catalog().roles());
    }

    static List<Map<String, Object>> observedJson(RoleCheck.Result check, boolean inventory) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ObservedRole o : check.observed()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("address", o.address().text());
            m.put("role", o.role());
            m.put("confidence", o.confidence().text());
            if (inventory) {
                m.put("inventory_role", o.inventoryRole());
            }
            List<Map<String, Object>> evidence = new ArrayList<>();
            for (Evidence e : o.evidence().subList(0, Math.min(EVIDENCE_LISTED, o.evidence().size()))) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("what", e.what());
                x.put("role", e.role());
                x.put("strength", e.strength().text());
                x.put("messages", e.messages());
                x.put("where", e.first().text());
                x.put("time", Times.iso(e.first().timeNanos()));
                evidence.add(x);
            }
            m.put("evidence", evidence);
            m.put("evidence_not_listed", Math.max(0, o.evidence().size() - EVIDENCE_LISTED));
            out.add(m);
        }
        return out;
    }

    static Map<String, Object> countsJson(RoleCheck.Result check, boolean inventory, AuditResult result) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("addresses", check.observed().size());
        m.put("high", check.count(Confidence.HIGH));
        m.put("low", check.count(Confidence.LOW));
        m.put("contradictory", check.count(Confidence.CONTRADICTORY));
        m.put("evidence_not_kept", check.evidenceNotKept());
        m.put("checked_against_inventory", inventory);
        m.put("contradicted", check.count(RoleFinding.Kind.CONTRADICTED));
        m.put("not_in_inventory", check.count(RoleFinding.Kind.NOT_IN_INVENTORY));
        List<Map<String, Object>> listed = new ArrayList<>();
        for (RoleFinding f : check.findings().subList(0, Math.min(FINDINGS_LISTED, check.findings().size()))) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("kind", f.kind().text());
            x.put("address", f.address().text());
            x.put("learned_role", f.learned());
            x.put("inventory_role", f.declared());
            x.put("finding", f.describe());
            listed.add(x);
        }
        m.put("findings", listed);
        Map<String, Object> flows = new LinkedHashMap<>();
        for (RolesFrom from : RolesFrom.values()) {
            flows.put(from.label().replace(' ', '_'), result.flows(from));
        }
        m.put("flows_by_roles_from", flows);
        return m;
    }

    /** What the top of report.html says of learned roles without an inventory: which, from what, how many flows. */
    static void learnedNote(HtmlReport.Html h, AuditReport r) {
        long flows = r.result().flowsWithLearnedRoles();
        if (flows == 0) {
            return;
        }
        Map<String, Long> byRole = new TreeMap<>();
        Set<String> from = new TreeSet<>();
        for (LearnedRole l : RoleDecisions.decide(r.result().evidence())) {
            if (LearnedRoles.usable(l)) {
                byRole.merge(l.role(), 1L, Long::sum);
                for (Evidence e : l.evidence()) {
                    from.addAll(Protocols.named(e.what()));
                }
            }
        }
        StringJoiner roles = new StringJoiner(", ");
        byRole.forEach((role, n) -> roles.add(HtmlReport.fmt(n) + " " + role));
        h.append("<p class=\"warn\" id=\"roles-learned\">Roles were learned from the traffic: ").append(HtmlReport.esc(roles.toString()))
         .append(", from ").append(HtmlReport.esc(String.join(", ", from))).append(" (see <a href=\"#roles\">Roles learned</a>). ")
         .append(HtmlReport.fmt(flows)).append(" flows were classified with them (flows.csv's <code>roles_from</code> says which);")
         .append(" hosts that said nothing keep the role <i>unknown</i>.</p>\n");
    }

    static void html(HtmlReport.Html h, RoleCheck.Result check, boolean inventory) {
        h.append("<section id=\"roles\"><h2>Roles learned from the traffic (").append(HtmlReport.fmt(check.observed().size()))
         .append(")</h2>\n");
        if (check.observed().isEmpty()) {
            h.append("<p class=\"muted\">No host said its role: no registration, TFTP read of a phone file, DHCP answer,"
                    + " RAS, MGCP or CDP/LLDP frame was seen.</p></section>\n");
            return;
        }
        if (inventory) {
            h.append("<p>").append(HtmlReport.fmt(check.count(RoleFinding.Kind.CONTRADICTED)))
             .append(" declared roles contradicted by strong evidence, ").append(HtmlReport.fmt(check.count(RoleFinding.Kind.NOT_IN_INVENTORY)))
             .append(" addresses with strong evidence the inventory does not list.</p>\n");
            if (!check.findings().isEmpty()) {
                h.append("<ul>\n");
                for (RoleFinding f : check.findings().subList(0, Math.min(FINDINGS_LISTED, check.findings().size()))) {
                    h.append("<li class=\"bad\">").append(HtmlReport.esc(f.describe())).append("</li>\n");
                }
                h.append("</ul>\n");
            }
        }
        h.append("<table><thead><tr><th>address</th><th>role</th><th>confidence</th>")
         .append(inventory ? "<th>inventory role</th>" : "").append("<th>evidence</th></tr></thead><tbody>\n");
        int shown = 0;
        for (ObservedRole o : check.observed()) {
            if (shown++ == ADDRESSES_SHOWN) {
                break;
            }
            h.append("<tr><td>").append(HtmlReport.esc(o.address().text())).append("</td><td>").append(HtmlReport.esc(o.role()))
             .append("</td><td").append(o.confidence() == Confidence.CONTRADICTORY ? " class=\"bad\"" : "").append(">")
             .append(o.confidence().text()).append("</td>");
            if (inventory) {
                h.append("<td>").append(HtmlReport.esc(o.inventoryRole() == null ? "(not listed)" : o.inventoryRole())).append("</td>");
            }
            h.append("<td>");
            List<Evidence> ev = o.evidence();
            for (int i = 0; i < Math.min(3, ev.size()); i++) {
                Evidence e = ev.get(i);
                h.append(i > 0 ? "<br>" : "").append(HtmlReport.esc(e.what() + " (" + e.strength().text() + ", ×" + e.messages()
                        + ", " + e.first().text() + ")"));
            }
            h.append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
        if (check.observed().size() > ADDRESSES_SHOWN) {
            h.append("<p class=\"muted\">").append(HtmlReport.fmt(check.observed().size() - ADDRESSES_SHOWN))
             .append(" more addresses in summary.json's roles_observed.</p>\n");
        }
        h.append("</section>\n");
    }
}
