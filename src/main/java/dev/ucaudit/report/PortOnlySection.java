package dev.ucaudit.report;

import dev.ucaudit.audit.AuditResult;
import dev.ucaudit.audit.FlowRecord;
import dev.ucaudit.audit.Verdict;
import java.util.List;

/** report.html's section of port-only flows (no inventory: roles unknown), in amber, apart from the findings. */
final class PortOnlySection {
    private PortOnlySection() {
    }

    /** Port-only flows, grouped as the findings are, apart from them and never in green. */
    static void write(HtmlReport.Html h, AuditResult res, List<FlowRecord> flows, int shown) {
        if (res.portOnly() == 0) {
            return;
        }
        FindingGroups groups = FindingGroups.of(flows, Verdict.PORT_ONLY);
        h.append("<section id=\"port-only\"><h2>Port-only flows: roles unknown (").append(HtmlReport.fmt(res.portOnly())).append(")</h2>\n")
         .append("<p class=\"unknown\">? The port of each of these flows matches a catalog row, but that row is for ")
         .append("particular roles and no inventory says which hosts have them (a browser's HTTPS to the Internet matches ")
         .append("T1-03, COP file installation, by its port alone). They are neither documented nor known to be undocumented.</p>\n")
         .append("<table id=\"port-only-table\" class=\"sortable\"><thead><tr><th>flows</th><th>service</th>")
         .append("<th>row the port matches</th><th>packets</th><th>bytes</th><th>examples</th></tr></thead><tbody>\n");
        List<FindingGroups.Group> all = groups.largestFirst();
        for (FindingGroups.Group g : all.subList(0, Math.min(shown, all.size()))) {
            h.append("<tr><td class=\"n\" data-v=\"").append(g.flows()).append("\"><b>").append(HtmlReport.fmt(g.flows()))
             .append("</b></td><td>").append(HtmlPage.esc(g.service())).append("</td><td class=\"r\">").append(HtmlPage.esc(g.reason()))
             .append("</td><td class=\"n\" data-v=\"").append(g.packets()).append("\">").append(HtmlReport.fmt(g.packets()))
             .append("</td>").append(HtmlPage.bytesCell(g.bytes())).append("<td>");
            for (FlowRecord f : g.examples()) {
                h.append("<div>").append(HtmlReport.copyable(f.initiator())).append(" → ").append(HtmlReport.copyable(f.responder()))
                 .append(" <span class=\"nw\">").append(HtmlPage.esc(HtmlReport.service(f))).append("</span></div>");
            }
            h.append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
        if (all.size() > shown) {
            h.append("<p class=\"muted\">").append(HtmlReport.fmt(all.size() - shown)).append(" more groups are in flows.csv.</p>\n");
        }
        h.append("</section>\n");
    }

}
