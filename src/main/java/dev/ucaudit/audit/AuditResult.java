package dev.ucaudit.audit;

import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.inventory.IpAddress;
import dev.ucaudit.roles.EvidenceTable;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Collects classified flows as they finish: the flow rows (up to a limit), conversation totals,
 * counts per verdict, and which catalog openings were used. Memory is bounded by the row limit and
 * the number of host pairs, not by the number of packets.
 */
public final class AuditResult implements Consumer<FlowRecord> {
    private static final int SERVICES_LISTED = 12;

    private final int maxFlowRows;
    private final List<FlowRecord> rows = new ArrayList<>();
    private long flowsNotListed;
    private long undocumentedNotListed;
    private final Map<HostPair, Conversation> conversations = new HashMap<>();
    private long flows;
    private long documented;
    /** Flows by how their port's row stood to their content (documented by port alone, confirmed, contradicted). */
    private final long[] byContent = new long[ContentSeen.values().length];
    private long undocumented;
    private long portOnly;
    /** Flows by where their roles came from (declared, learned for both or one end, none). */
    private final long[] byRolesFrom = new long[RolesFrom.values().length];
    /** Catalog rule -> responders of the documented flows that cited it. */
    private final Map<String, Set<IpAddress>> respondersByRule = new HashMap<>();
    private final BitSet tcpPortsSeen = new BitSet(65536);
    private final BitSet udpPortsSeen = new BitSet(65536);
    private final BitSet protocolsSeen = new BitSet(256);
    /** What hosts said about their roles (learned roles), bounded. */
    private final EvidenceTable evidence = new EvidenceTable();

    private final boolean listScanFlows;
    /** Default bound on host pairs with their own totals (about 300 bytes each). */
    public static final int DEFAULT_MAX_CONVERSATIONS = 500_000;
    private final int maxConversations;
    private long pairsNotListed;
    private long flowsOfUnlistedPairs;
    private long undocumentedFlowsOfUnlistedPairs;
    private final Set<HostPair> unlistedPairsSeen = new HashSet<>();
    private final ScanDetector scans = new ScanDetector();
    private long scanFlowsNotListed;

    public AuditResult(int maxFlowRows) {
        this(maxFlowRows, false);
    }

    /** @param listScanFlows keep the probes of recognized scans in the rows (else they are summarized as scans) */
    public AuditResult(int maxFlowRows, boolean listScanFlows) {
        this(maxFlowRows, listScanFlows, DEFAULT_MAX_CONVERSATIONS);
    }

    /**
     * @param maxConversations most host pairs kept with their own totals; flows of further pairs
     *                         are counted in every total and in {@link #flowsOfUnlistedPairs()}, so
     *                         a sweep over a million hosts cannot exhaust memory
     */
    public AuditResult(int maxFlowRows, boolean listScanFlows, int maxConversations) {
        this.maxFlowRows = maxFlowRows;
        this.listScanFlows = listScanFlows;
        this.maxConversations = maxConversations;
    }

    @Override
    public void accept(FlowRecord r) {
        flows++;
        byContent[r.content().ordinal()]++;
        byRolesFrom[r.rolesFrom().ordinal()]++;
        if (r.documented()) {
            documented++;
            respondersByRule.computeIfAbsent(r.rule(), k -> new HashSet<>()).add(r.responder());
        } else if (r.verdict() == Verdict.PORT_ONLY) {
            portOnly++;
        } else {
            undocumented++;
        }
        boolean scanProbe = scans.accept(r);
        if (scanProbe && !listScanFlows) {
            scanFlowsNotListed++;
        } else if (rows.size() < maxFlowRows) {
            rows.add(r);
        } else {
            flowsNotListed++;
            if (r.verdict() == Verdict.UNDOCUMENTED) {
                undocumentedNotListed++;
            }
        }
        protocolsSeen.set(r.protocol().number());
        if (r.responderPort() >= 0) {
            (r.protocol().equals(IpProtocol.TCP) ? tcpPortsSeen : udpPortsSeen).set(r.responderPort());
        }
        conversation(r);
    }

    /** An unordered host pair, host a first in report order ({@link IpAddress#TEXT_ORDER}). */
    private record HostPair(IpAddress a, IpAddress b) {
    }

    private void conversation(FlowRecord r) {
        boolean initiatorFirst = IpAddress.TEXT_ORDER.compare(r.initiator(), r.responder()) <= 0;
        IpAddress a = initiatorFirst ? r.initiator() : r.responder();
        IpAddress b = initiatorFirst ? r.responder() : r.initiator();
        HostPair pair = new HostPair(a, b);
        Conversation c = conversations.get(pair);
        if (c == null) {
            if (conversations.size() >= maxConversations) {
                flowsOfUnlistedPairs++;
                if (r.verdict() == Verdict.UNDOCUMENTED) {
                    undocumentedFlowsOfUnlistedPairs++;
                }
                // distinct unlisted pairs are counted exactly up to a bound, then every flow counts as a pair
                if (unlistedPairsSeen.size() < 100_000 ? unlistedPairsSeen.add(pair) : true) {
                    pairsNotListed++;
                }
                return;
            }
            c = new Conversation(a, b);
            conversations.put(pair, c);
        }
        c.roleA = initiatorFirst ? r.initiatorRole() : r.responderRole();
        c.roleB = initiatorFirst ? r.responderRole() : r.initiatorRole();
        c.nameA = initiatorFirst ? r.initiatorName() : r.responderName();
        c.nameB = initiatorFirst ? r.responderName() : r.initiatorName();
        c.flows++;
        if (r.documented()) {
            c.documented++;
            c.documentedBytes += r.bytes();
        } else if (r.verdict() == Verdict.PORT_ONLY) {
            c.portOnly++;
        } else {
            c.undocumented++;
        }
        c.packets += r.packets();
        c.bytes += r.bytes();
        c.firstSeenNanos = Math.min(c.firstSeenNanos, r.firstSeenNanos());
        c.lastSeenNanos = Math.max(c.lastSeenNanos, r.lastSeenNanos());
        Conversation.Service service = new Conversation.Service(r.protocol(), r.responderPort());
        if (c.services.containsKey(service) || c.services.size() < SERVICES_LISTED) {
            c.services.merge(service, 1L, Long::sum);
        } else {
            long[] v = c.overflow.computeIfAbsent(r.protocol(), k -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE, 0});
            v[0] = Math.min(v[0], r.responderPort());
            v[1] = Math.max(v[1], r.responderPort());
            v[2]++;
        }
    }

    /** Host pairs beyond {@code maxConversations} (an upper estimate past 100,000 of them). */
    public long pairsNotListed() {
        return pairsNotListed;
    }

    public long flowsOfUnlistedPairs() {
        return flowsOfUnlistedPairs;
    }

    public long undocumentedFlowsOfUnlistedPairs() {
        return undocumentedFlowsOfUnlistedPairs;
    }

    public int maxConversations() {
        return maxConversations;
    }

    /**
     * Flow rows in time order (first seen, then endpoints). Ties are broken in report order: addresses
     * and protocols by their text, as flows.csv has always listed them.
     */
    public List<FlowRecord> rows() {
        List<FlowRecord> sorted = new ArrayList<>(rows.size());
        for (FlowRecord r : rows) {
            if (listScanFlows || !scans.partOfScan(r)) {
                sorted.add(r);
            }
        }
        sorted.sort(Comparator.comparingLong(FlowRecord::firstSeenNanos)
                .thenComparing(FlowRecord::initiator, IpAddress.TEXT_ORDER).thenComparingInt(FlowRecord::initiatorPort)
                .thenComparing(FlowRecord::responder, IpAddress.TEXT_ORDER).thenComparingInt(FlowRecord::responderPort)
                .thenComparing(r -> r.protocol().label()));
        return sorted;
    }

    /** Conversations, non-compliant first, then by traffic. */
    public List<Conversation> conversations() {
        List<Conversation> list = new ArrayList<>(conversations.values());
        list.sort(Comparator.comparing(Conversation::compliant)
                .thenComparing(Comparator.comparingLong(Conversation::bytes).reversed())
                .thenComparing(Conversation::hostA, IpAddress.TEXT_ORDER).thenComparing(Conversation::hostB, IpAddress.TEXT_ORDER));
        return list;
    }

    public Collection<Conversation> conversationsUnordered() {
        return conversations.values();
    }

    public long flows() {
        return flows;
    }

    public long documented() {
        return documented;
    }

    /** Flows whose verdict stands to their content as {@code seen} says (documented by port alone: PORT_ONLY). */
    public long flows(ContentSeen seen) {
        return byContent[seen.ordinal()];
    }

    /** Flows whose roles came from where {@code from} says. */
    public long flows(RolesFrom from) {
        return byRolesFrom[from.ordinal()];
    }

    /** Flows at least one end of which had a learned role. */
    public long flowsWithLearnedRoles() {
        return flows(RolesFrom.LEARNED) + flows(RolesFrom.INITIATOR_LEARNED) + flows(RolesFrom.RESPONDER_LEARNED);
    }

    public long undocumented() {
        return undocumented;
    }

    /** Flows whose port matches a row whose roles could not be checked (no inventory): neither verdict. */
    public long portOnly() {
        return portOnly;
    }

    public long flowsNotListed() {
        return flowsNotListed;
    }

    public long undocumentedNotListed() {
        return undocumentedNotListed;
    }

    /** Probes of recognized scans that are summarized in {@link #scans()} rather than listed as rows. */
    public long scanFlowsSummarized() {
        if (listScanFlows) {
            return 0;
        }
        long kept = rows.stream().filter(scans::partOfScan).count();
        return scanFlowsNotListed + kept;
    }

    /** Scans recognized among the flows (see {@link ScanDetector}), most probes first. */
    public List<ScanDetector.Entry> scans() {
        return scans.scans();
    }

    public long scanInitiatorsNotTracked() {
        return scans.initiatorsNotTracked();
    }

    public boolean listScanFlows() {
        return listScanFlows;
    }

    public int maxFlowRows() {
        return maxFlowRows;
    }

    /** Responders of the documented flows that cited this rule. */
    public Set<IpAddress> respondersOf(String rule) {
        return respondersByRule.getOrDefault(rule, Set.of());
    }

    public boolean ruleUsed(String rule) {
        return respondersByRule.containsKey(rule);
    }

    public boolean portSeen(int protocol, int port) {
        if (protocol == IpProtocol.TCP.number()) {
            return tcpPortsSeen.get(port);
        }
        if (protocol == IpProtocol.UDP.number()) {
            return udpPortsSeen.get(port);
        }
        return false;
    }

    public boolean protocolSeen(int protocol) {
        return protocolsSeen.get(protocol);
    }

    /** What hosts said about their roles in this run (or live period). */
    public EvidenceTable evidence() {
        return evidence;
    }
}
