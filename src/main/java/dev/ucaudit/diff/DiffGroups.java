package dev.ucaudit.diff;

import dev.ucaudit.text.Tokens;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToLongFunction;

/**
 * diff.html's flow changes grouped as report.html groups its findings: one row per cause (same change, roles,
 * protocol, verdicts, rule and reason, with the flow's own port and hosts taken out of the reason), with the
 * ports it covers as a list, the totals, and the first few flows as examples. diff.csv keeps one row per flow.
 */
final class DiffGroups {
    static final int EXAMPLES = 3;
    private static final int PORTS_LISTED = 10;

    /** One cause: its flows' rows, in diff.csv's order. */
    record Group(List<DiffRow> rows) {
        DiffRow first() {
            return rows.get(0);
        }

        /** The responder ports as a list: {@code 23, 110/tcp}; past ten, how many more. */
        String service() {
            TreeSet<Integer> numbers = new TreeSet<>();
            TreeSet<String> other = new TreeSet<>();
            for (DiffRow r : rows) {
                if (r.port().matches("[0-9]{1,5}")) {
                    numbers.add(Integer.parseInt(r.port()));
                } else if (!r.port().isEmpty()) {
                    other.add(r.port());
                }
            }
            List<String> ports = new ArrayList<>();
            numbers.forEach(n -> ports.add(Integer.toString(n)));
            ports.addAll(other);
            if (ports.isEmpty()) {
                return first().protocol();
            }
            String listed = String.join(", ", ports.subList(0, Math.min(PORTS_LISTED, ports.size())));
            return listed + (ports.size() > PORTS_LISTED ? ", … (" + ports.size() + " ports)" : "") + "/" + first().protocol();
        }

        long sum(ToLongFunction<DiffRow> count) {
            long total = -1;
            for (DiffRow r : rows) {
                long v = count.applyAsLong(r);
                if (v >= 0) {
                    total = Math.max(total, 0) + v;
                }
            }
            return total;
        }
    }

    private DiffGroups() {
    }

    /** The rows of one kind of flow change, grouped by cause, most flows first (then in diff.csv's order). */
    static List<Group> of(List<DiffRow> rows, Change kind) {
        Map<String, List<DiffRow>> byCause = new LinkedHashMap<>();
        for (DiffRow r : rows) {
            if (r.change() == kind) {
                byCause.computeIfAbsent(cause(r), k -> new ArrayList<>()).add(r);
            }
        }
        List<Group> groups = new ArrayList<>();
        byCause.values().forEach(list -> groups.add(new Group(List.copyOf(list))));
        groups.sort(Comparator.comparingInt((Group g) -> g.rows().size()).reversed());
        return groups;
    }

    private static String cause(DiffRow r) {
        String reason = r.port().isEmpty() ? r.reason() : Tokens.replace(r.reason(), r.port() + "/" + r.protocol(), "*/" + r.protocol());
        reason = Tokens.replace(Tokens.replace(reason, r.initiator(), "{initiator}"), r.responder(), "{responder}");
        return String.join("\u0000", r.initiatorRole(), r.responderRole(), r.protocol(), r.verdictBefore(), r.verdictAfter(),
                r.rule(), reason);
    }
}
