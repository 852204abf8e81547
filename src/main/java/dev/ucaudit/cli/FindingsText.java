package dev.ucaudit.cli;

import dev.ucaudit.text.Printable;
import dev.ucaudit.audit.FlowRecord;
import dev.ucaudit.report.FindingGroups;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * The undocumented flows as a few lines for the terminal after the summary: the same groups as
 * report.html's findings (roles, protocol and reason; a group may span ports), largest first.
 */
final class FindingsText {
    private FindingsText() {
    }

    static void print(PrintWriter out, FindingGroups findings, int top) {
        List<FindingGroups.Group> groups = findings.largestFirst();
        if (top <= 0 || groups.isEmpty()) {
            return;
        }
        int shown = Math.min(top, groups.size());
        out.printf(Locale.ROOT, "ucaudit: undocumented flows in %d group%s%s:%n", groups.size(), groups.size() == 1 ? "" : "s",
                groups.size() > shown ? ", the " + shown + " largest (--top)" : "");
        for (FindingGroups.Group g : groups.subList(0, shown)) {
            FlowRecord example = g.examples().get(0);
            out.printf(Locale.ROOT, "  %s %s: %,d flow%s, %,d packets, e.g. %s → %s: %s%n", Printable.escape(String.valueOf(g.roles())), g.service(),
                    g.flows(), g.flows() == 1 ? "" : "s", g.packets(), example.initiator().text(), example.responder().text(),
                    Printable.escape(String.valueOf(g.reason())));
        }
        if (groups.size() > shown) {
            long flows = groups.subList(shown, groups.size()).stream().mapToLong(FindingGroups.Group::flows).sum();
            out.printf(Locale.ROOT, "  ... %,d more group%s (%,d flows): see flows.csv or report.html%n", groups.size() - shown,
                    groups.size() - shown == 1 ? "" : "s", flows);
        }
    }
}
