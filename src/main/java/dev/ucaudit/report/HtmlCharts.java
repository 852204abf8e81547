package dev.ucaudit.report;

import static dev.ucaudit.report.HtmlReport.esc;
import static dev.ucaudit.report.HtmlReport.fmt;

import dev.ucaudit.audit.Conversation;
import java.util.Comparator;
import java.util.List;

/** report.html's two SVG charts: traffic per verdict, and bytes per pair (non-compliant pairs first). */
final class HtmlCharts {
    private static final int PAIRS_CHARTED = 25;

    private HtmlCharts() {
    }

    static int charted(List<Conversation> pairs) {
        return Math.min(PAIRS_CHARTED, pairs.size());
    }

    static void verdictChart(HtmlReport.Html h, long docFlows, long undocFlows, long portOnlyFlows, long docBytes, long otherBytes) {
        int width = 640;
        h.append("<svg class=\"chart\" role=\"img\" aria-label=\"traffic per verdict\" viewBox=\"0 0 ").append(width + 80)
         .append(" 96\" width=\"").append(width + 80).append("\" height=\"96\" xmlns=\"http://www.w3.org/2000/svg\" font-size=\"12\">\n");
        String portOnly = portOnlyFlows > 0 ? " / ? " + fmt(portOnlyFlows) + " port-only (in red: not documented)" : "";
        bar(h, 0, "flows", docFlows, undocFlows + portOnlyFlows, width, "✓ " + fmt(docFlows) + " documented / ✗ "
                + fmt(undocFlows) + " undocumented" + portOnly);
        bar(h, 44, "bytes", docBytes, otherBytes, width, "✓ " + HtmlPage.bytes(docBytes) + " documented / ✗ "
                + HtmlPage.bytes(otherBytes) + (portOnlyFlows > 0 ? " not documented" : " undocumented"));
        h.append("</svg>\n");
    }

    private static void bar(HtmlReport.Html h, int y, String label, long good, long bad, int width, String text) {
        long total = Math.max(1, good + bad);
        int g = (int) Math.round((double) good / total * width);
        h.append("<text x=\"0\" y=\"").append(y + 15).append("\">").append(label).append("</text>")
         .append("<rect x=\"60\" y=\"").append(y + 2).append("\" width=\"").append(g).append("\" height=\"18\" fill=\"#2da44e\"/>")
         .append("<rect x=\"").append(60 + g).append("\" y=\"").append(y + 2).append("\" width=\"").append(width - g)
         .append("\" height=\"18\" fill=\"").append(bad > 0 ? "#cf222e" : "#eaeef2").append("\"/>")
         .append("<text x=\"60\" y=\"").append(y + 36).append("\" fill=\"#57606a\">").append(esc(text)).append("</text>\n");
    }

    /** Bars per pair: non-compliant pairs first, hosts by inventory name, ✓/✗ and counts beside the colours. */
    static void pairChart(HtmlReport.Html h, List<Conversation> pairs) {
        List<Conversation> top = pairs.stream().sorted(Comparator.comparing(Conversation::compliant)
                .thenComparing(Comparator.comparingLong(Conversation::bytes).reversed())).limit(PAIRS_CHARTED).toList();
        if (top.isEmpty()) {
            h.append("<p>No traffic.</p>\n");
            return;
        }
        long max = Math.max(1, top.stream().mapToLong(Conversation::bytes).max().orElse(1));
        int label = 360;
        int width = 300;
        int rowH = 20;
        h.append("<svg id=\"pair-chart\" class=\"chart\" role=\"img\" aria-label=\"bytes per pair\" viewBox=\"0 0 ")
         .append(label + width + 200).append(" ").append(top.size() * rowH + 24).append("\" width=\"").append(label + width + 200)
         .append("\" height=\"").append(top.size() * rowH + 24).append("\" xmlns=\"http://www.w3.org/2000/svg\" font-size=\"12\">\n");
        int y = 0;
        for (Conversation c : top) {
            int total = (int) Math.max(1, Math.round((double) c.bytes() / max * width));
            int good = (int) Math.round((double) c.documentedBytes() / Math.max(1, c.bytes()) * total);
            String mark = c.compliant() ? "✓ " : "✗ ";
            h.append("<text x=\"0\" y=\"").append(y + 14).append("\"").append(c.compliant() ? "" : " font-weight=\"bold\"")
             .append("><title>").append(esc(c.hostA().text() + " ↔ " + c.hostB().text())).append("</title>")
             .append(esc(mark + shortName(c.hostA().text(), c.nameA()) + " ↔ " + shortName(c.hostB().text(), c.nameB())))
             .append("</text><rect x=\"").append(label).append("\" y=\"").append(y + 3).append("\" width=\"").append(good)
             .append("\" height=\"14\" fill=\"#2da44e\"/><rect x=\"").append(label + good).append("\" y=\"").append(y + 3)
             .append("\" width=\"").append(total - good).append("\" height=\"14\" fill=\"#cf222e\"/><text x=\"")
             .append(label + total + 6).append("\" y=\"").append(y + 14).append("\" fill=\"#57606a\">")
             .append(esc(HtmlPage.bytes(c.bytes()))).append(c.compliant() ? "" : ", " + fmt(c.undocumented()) + " undoc. flows")
             .append("</text>\n");
            y += rowH;
        }
        h.append("<text x=\"").append(label).append("\" y=\"").append(y + 16)
         .append("\" fill=\"#57606a\">✓ compliant pair, ✗ non-compliant; green: documented bytes, red: undocumented</text>\n</svg>\n");
    }

    /** The inventory name when there is one (cut to fit the chart's label column), else the address. */
    private static String shortName(String address, String name) {
        String s = name == null || name.isEmpty() ? address : name;
        return s.length() > 22 ? s.substring(0, 21) + "…" : s;
    }

}
