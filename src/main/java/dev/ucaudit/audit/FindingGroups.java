package dev.ucaudit.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Undocumented flows grouped as an engineer reads them: by initiator role → responder role,
 * protocol and responder port, and reason; with counts and one example pair. Most flows first.
 */
public final class FindingGroups {
    /** One group; the example is the group's first flow. */
    public record Group(String initiatorRole, String responderRole, String protocol, int responderPort, String reason,
                        long flows, long packets, String exampleInitiator, String exampleResponder) {
    }

    private record Key(String initiatorRole, String responderRole, String protocol, int responderPort, String reason) {
    }

    private FindingGroups() {
    }

    public static List<Group> of(List<FlowRecord> rows) {
        Map<Key, Group> groups = new LinkedHashMap<>();
        for (FlowRecord r : rows) {
            if (r.documented()) {
                continue;
            }
            Key k = new Key(r.initiatorRole(), r.responderRole(), r.protocol(), r.responderPort(), r.reason());
            Group g = groups.get(k);
            groups.put(k, g == null
                    ? new Group(k.initiatorRole(), k.responderRole(), k.protocol(), k.responderPort(), k.reason(), 1,
                            r.packets(), r.initiator(), r.responder())
                    : new Group(g.initiatorRole(), g.responderRole(), g.protocol(), g.responderPort(), g.reason(),
                            g.flows() + 1, g.packets() + r.packets(), g.exampleInitiator(), g.exampleResponder()));
        }
        List<Group> out = new ArrayList<>(groups.values());
        out.sort(Comparator.comparingLong(Group::flows).reversed().thenComparing(Comparator.comparingLong(Group::packets).reversed()));
        return out;
    }
}
