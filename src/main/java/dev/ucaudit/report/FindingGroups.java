package dev.ucaudit.report;

import dev.ucaudit.audit.FlowRecord;
import dev.ucaudit.audit.Verdict;
import dev.ucaudit.text.Tokens;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Undocumented flows grouped by what is wrong with them: initiator role, responder role, protocol
 * and the reason with the flow's own port and hosts taken out, so that 18,000 probes that break the
 * catalog the same way make one group with a count and a few examples, not 18,000 rows.
 * Bounded: at most {@link #MAX_GROUPS} groups (each with a port bitmap of at most 8 KiB) are kept;
 * flows of further shapes are counted in {@link #other()}.
 */
public final class FindingGroups {
    static final int MAX_GROUPS = 2_000;
    static final int EXAMPLES = 3;

    /** One group: its totals, the responder ports it covers and its first few flows. */
    public static final class Group {
        final String initiatorRole;
        final String responderRole;
        final String protocol;
        /** Where the roles came from, when learned ("learned", "learned initiator", ...); else empty. */
        final String learned;
        long flows;
        long packets;
        long bytes;
        int minPort = Integer.MAX_VALUE;
        final BitSet ports = new BitSet();
        final List<FlowRecord> examples = new ArrayList<>(EXAMPLES);

        Group(FlowRecord f) {
            this.initiatorRole = f.initiatorRole();
            this.responderRole = f.responderRole();
            this.protocol = f.protocol().label();
            this.learned = f.rolesFrom().anyLearned() ? f.rolesFrom().label() : "";
        }

        void add(FlowRecord f) {
            flows++;
            packets += f.packets();
            bytes += f.bytes();
            if (f.responderPort() >= 0) {
                minPort = Math.min(minPort, f.responderPort());
                ports.set(f.responderPort());
            }
            if (examples.size() < EXAMPLES) {
                examples.add(f);
            }
        }

        public long flows() {
            return flows;
        }

        public long packets() {
            return packets;
        }

        public long bytes() {
            return bytes;
        }

        /** {@code phone → unknown}, and {@code (learned initiator)} after it when roles were learned from the traffic. */
        public String roles() {
            return initiatorRole + " → " + responderRole + (learned.isEmpty() ? "" : " (" + learned + ")");
        }

        /** {@code 3389/tcp}, or the ports as a list when the group spans several: {@code tcp 23, 110}, {@code tcp 1-1023}. */
        public String service() {
            int distinct = ports.cardinality();
            if (distinct == 0) {
                return protocol;
            }
            if (distinct == 1) {
                return minPort + "/" + protocol;
            }
            return protocol + " " + PortList.of(ports);
        }

        /** The responder ports the group covers, lowest first. */
        public int[] ports() {
            return ports.stream().toArray();
        }

        public String initiatorRole() {
            return initiatorRole;
        }

        public String responderRole() {
            return responderRole;
        }

        /** The first flow's reason: every flow of the group has it, but for its own port and hosts. */
        public String reason() {
            return examples.get(0).reason();
        }

        public List<FlowRecord> examples() {
            return examples;
        }
    }

    private final Map<String, Group> groups = new HashMap<>();
    private long otherFlows;
    private long otherPackets;
    private long otherBytes;

    /** The undocumented flows' groups (the findings). */
    public static FindingGroups of(List<FlowRecord> flows) {
        return of(flows, Verdict.UNDOCUMENTED);
    }

    /** The groups of the flows with one verdict (the port-only ones are shown apart from the findings). */
    public static FindingGroups of(List<FlowRecord> flows, Verdict verdict) {
        FindingGroups g = new FindingGroups();
        for (FlowRecord f : flows) {
            if (f.verdict() == verdict) {
                g.add(f);
            }
        }
        return g;
    }

    void add(FlowRecord f) {
        String key = f.initiatorRole() + '\u0000' + f.responderRole() + '\u0000' + f.protocol().label() + '\u0000' + shape(f)
                + (f.rolesFrom().anyLearned() ? '\u0000' + f.rolesFrom().label() : "");
        Group g = groups.get(key);
        if (g == null) {
            if (groups.size() >= MAX_GROUPS) {
                otherFlows++;
                otherPackets += f.packets();
                otherBytes += f.bytes();
                return;
            }
            g = new Group(f);
            groups.put(key, g);
        }
        g.add(f);
    }

    /** The reason without what differs from flow to flow of one kind: the responder's port and both addresses. */
    static String shape(FlowRecord f) {
        String r = f.reason();
        if (f.responderPort() >= 0) {
            r = replaceToken(r, f.responderPort() + "/" + f.protocol().label(), "*/" + f.protocol().label());
        }
        return replaceToken(replaceToken(r, f.initiator().text(), "{initiator}"), f.responder().text(), "{responder}");
    }

    private static String replaceToken(String text, String token, String by) {
        return Tokens.replace(text, token, by);
    }

    /** The groups, most flows first (then most bytes). */
    public List<Group> largestFirst() {
        List<Group> out = new ArrayList<>(groups.values());
        out.sort(Comparator.comparingLong(Group::flows).reversed().thenComparing(Comparator.comparingLong(Group::bytes).reversed()));
        return out;
    }

    public int size() {
        return groups.size();
    }

    /** Flows, packets and bytes of shapes beyond {@link #MAX_GROUPS}. */
    public long[] other() {
        return new long[] {otherFlows, otherPackets, otherBytes};
    }
}
