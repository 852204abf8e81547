package dev.ucaudit.cli;

import dev.ucaudit.audit.FindingGroups;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The undocumented flows, grouped, as a few lines for the terminal after the summary. */
final class FindingsText {
    private FindingsText() {
    }

    static void print(PrintWriter out, List<FindingGroups.Group> groups, int top) {
        if (top <= 0 || groups.isEmpty()) {
            return;
        }
        int shown = Math.min(top, groups.size());
        out.printf(Locale.ROOT, "ucaudit: undocumented flows in %d group%s%s:%n", groups.size(), groups.size() == 1 ? "" : "s",
                groups.size() > shown ? ", the " + shown + " largest (--top)" : "");
        for (FindingGroups.Group g : groups.subList(0, shown)) {
            String service = g.responderPort() < 0 ? g.protocol() : g.responderPort() + "/" + g.protocol();
            out.printf(Locale.ROOT, "  %s → %s %s: %,d flow%s, %,d packets, e.g. %s → %s: %s%n", g.initiatorRole(),
                    g.responderRole(), service, g.flows(), g.flows() == 1 ? "" : "s", g.packets(), g.exampleInitiator(),
                    g.exampleResponder(), g.reason());
        }
        if (groups.size() > shown) {
            long flows = groups.subList(shown, groups.size()).stream().mapToLong(FindingGroups.Group::flows).sum();
            out.printf(Locale.ROOT, "  ... %,d more group%s (%,d flows): see flows.csv or report.html%n", groups.size() - shown,
                    groups.size() - shown == 1 ? "" : "s", flows);
        }
    }
}
