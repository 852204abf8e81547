package dev.ucaudit.inspect;

import java.util.TreeMap;
import java.util.concurrent.Executor;
import dev.ucaudit.packet.RawPacket;
import dev.ucaudit.catalog.Catalog;
import dev.ucaudit.catalog.CatalogRule;
import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.decode.DecodedPacket;
import dev.ucaudit.flow.Flow;
import dev.ucaudit.flow.FlowKey;
import dev.ucaudit.flow.Side;
import dev.ucaudit.catalog.AppProtocol;
import dev.ucaudit.catalog.CandidateSet;
import dev.ucaudit.inspect.probe.ContentProbe;
import dev.ucaudit.inspect.probe.SctpData;
import dev.ucaudit.inventory.Host;
import dev.ucaudit.inventory.Inventory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import dev.ucaudit.inspect.stream.BufferBudget;
import dev.ucaudit.inspect.tftp.TftpInspector;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Ties dynamic media and data flows to the signalling that opened them, like a firewall's voice
 * inspection but only to report. A flow on a port whose catalog row names an inspector gets that
 * inspector (from the {@link ProtocolRegistry}); what it reads opens pinholes in an {@link
 * ExpectationTable}; a later flow that hits a pinhole is documented by the signalling's row, and its
 * reason names the call or transfer. A flow no pinhole documents has its first payloads checked
 * against what its ports' rows expect ({@link ContentCheck}); the classifier holds the row to it.
 */
public final class SignallingInspection implements FlowInspection {
    /** A flow that matched no pinhole is checked again on its first packets (RTP may race the 200 OK). */
    private static final int MATCH_ATTEMPTS = 8;
    /** Pinhole table bounds: entries and estimated heap (docs/reliability.md). */
    public static final long MAX_PINHOLES = 250_000;
    public static final long MAX_PINHOLE_BYTES = 64L * 1024 * 1024;
    /** Payloads of a flow without an inspector that are probed for signalling (within its first MATCH_ATTEMPTS packets). */
    private static final int PROBED_PAYLOADS = ProtocolRegistry.PROBED_PAYLOADS;
    /** Keep-alives (CR/LF or STUN: SIP's RFC 5626 pings) skipped before a flow's probing is given up. */
    private static final int PROBED_KEEPALIVES = ProtocolRegistry.SKIPPED_KEEPALIVES;

    private final Catalog catalog;
    private final Inventory inventory;
    private final ProtocolRegistry registry;
    private final ExpectationTable table;
    private final InspectorStats stats = new InspectorStats();
    private final FragmentReassembler reassembler = new FragmentReassembler();
    private final BufferBudget buffers;
    private final boolean probing;
    private final Map<String, Long> foundByContent = new TreeMap<>();
    private final Map<AppProtocol, Long> ruledOut = new EnumMap<>(AppProtocol.class);
    /** Check plans by what decides them (a few hundred at most: candidate sets are interned). */
    private final Map<CheckPlanKey, AppProtocol[]> plans = new HashMap<>();
    private static final int MAX_PLANS = 4096;
    private long flowsChecked;
    private long tlsFlows;
    private long negotiatedFlows;
    private long flowsProbed;
    private long mediaOfProbedSignalling;
    private long notSipOnSipPort;
    /** Probed payloads every probe rejected (the flow's next payloads are still probed, within the budget). */
    private long probesRejected;
    /** Payloads an inspector needed that a replayed partial audit did not keep (0 unless a merge missed some). */
    private long payloadsMissing;

    /** The tag of pinholes opened by signalling found by content: no catalog row, a finding instead. */
    private record ProbedSignalling(String finding) {
    }
    /** Flows in the flow table with inspection state, and those of them with an inspector (parsers, stream buffers). */
    private long statesHeld;
    private long inspectorsHeld;

    /** Per-flow state kept in {@link Flow#inspection(Object)}. */
    private static final class State {
        Inspector inspector;
        FlowInspectionContext context;
        String rule;
        Negotiation negotiation;
        int matchAttempts;
        /** Payloads still to probe for signalling; 0 once found, given up, or not probed. */
        int probesLeft;
        /** Keep-alive payloads probing skipped over. */
        int keepAlivesSkipped;
        /** The protocol of the inspector a catalog row gave the flow by its port, or null. */
        AppProtocol inspectedByPort;
        /** The check of what the flow's ports' rows expect; null when there is none (or it was dropped). */
        ContentCheck check;
        /** The payload just checked is not the port's protocol: the inspector does not read it. */
        boolean skipPayload;
        /** The payloads the check skipped before the flow proved its protocol were counted as malformed. */
        boolean junkCounted;
        /** Counted in inspectorsHeld until the flow finishes. */
        boolean holdsInspector;
    }

    public SignallingInspection(Catalog catalog, Inventory inventory, Duration pinholeTtl) {
        this(catalog, inventory, pinholeTtl, true);
    }

    /** @param probing look for signalling by content on flows whose ports name no inspector */
    public SignallingInspection(Catalog catalog, Inventory inventory, Duration pinholeTtl, boolean probing) {
        this(catalog, inventory, pinholeTtl, probing, MAX_PINHOLES, MAX_PINHOLE_BYTES, BufferBudget.DEFAULT_MAX_BYTES);
    }

    /**
     * @param maxPinholes most pinholes kept, {@code maxPinholeBytes} their estimated heap
     * @param maxReassemblyBytes what all flows' TCP reassembly buffers may hold together
     */
    public SignallingInspection(Catalog catalog, Inventory inventory, Duration pinholeTtl, boolean probing, long maxPinholes,
            long maxPinholeBytes, long maxReassemblyBytes) {
        this(catalog, inventory, pinholeTtl, probing, maxPinholes, maxPinholeBytes, maxReassemblyBytes, null);
    }

    /** With the default bounds and the pinhole table's maintenance on {@code maintenance} (see {@link ExpectationTable}). */
    public SignallingInspection(Catalog catalog, Inventory inventory, Duration pinholeTtl, boolean probing,
            Executor maintenance) {
        this(catalog, inventory, pinholeTtl, probing, MAX_PINHOLES, MAX_PINHOLE_BYTES, BufferBudget.DEFAULT_MAX_BYTES, maintenance);
    }

    /** @param maintenance runs the pinhole table's upkeep; null: Caffeine's default executor */
    public SignallingInspection(Catalog catalog, Inventory inventory, Duration pinholeTtl, boolean probing, long maxPinholes,
            long maxPinholeBytes, long maxReassemblyBytes, Executor maintenance) {
        this.probing = probing;
        this.catalog = catalog;
        this.inventory = inventory;
        this.table = new ExpectationTable(maxPinholes, maxPinholeBytes, pinholeTtl, maintenance);
        this.buffers = new BufferBudget(maxReassemblyBytes);
        this.registry = ProtocolRegistry.standard();
    }

    @Override
    public void onNewFlow(Flow flow, long timestampNanos) {
        table.advanceTo(timestampNanos);
        reassembler.advanceTo(timestampNanos);
        FlowKey k = flow.key();
        State state = new State();
        if (k.portA() >= 0) {
            attachInspector(flow, state);
        }
        if (state.inspector == null) {
            tryMatch(flow, state);
        }
        if (probing && state.inspector == null && state.negotiation == null && k.portA() >= 0 && overTls(k) == null) {
            state.probesLeft = PROBED_PAYLOADS;
        }
        if (probing && state.negotiation == null && k.portA() >= 0) {
            state.check = contentCheck(k, state.inspectedByPort);
            if (state.check != null) {
                flowsChecked++;
            }
        }
        flow.inspection(state);
        statesHeld++;
        countInspector(state);
        markIdleWhenDone(flow, state);
    }

    private void countInspector(State state) {
        if (state.inspector != null && !state.holdsInspector) {
            state.holdsInspector = true;
            inspectorsHeld++;
        }
    }

    /** The flow left the flow table: its inspector (and the stream buffers it holds) is let go. */
    @Override
    public void onFinished(Flow flow) {
        if (!(flow.inspection() instanceof State state)) {
            return;
        }
        statesHeld--;
        if (endsRuledOut(state, AppProtocol.SIP)) {
            notSipOnSipPort++; // fewer payloads than the budget, none of them SIP
        }
        if (state.holdsInspector) {
            inspectorsHeld--;
        }
        flow.inspection(null);
    }

    @Override
    public void advanceTo(long timestampNanos) {
        table.advanceTo(timestampNanos);
        table.cleanUp();
        reassembler.advanceTo(timestampNanos);
    }

    @Override
    public Map<String, Long> held() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("pinholes", table.size());
        m.put("inspected_flows", statesHeld);
        m.put("inspectors", inspectorsHeld);
        m.put("udp_datagrams_in_reassembly", reassembler.pending());
        return m;
    }

    /**
     * Once a flow has no inspector and no match attempt left (matched, given up, or without ports),
     * onPacket would do nothing for it: the flow is marked idle and the Auditor stops calling.
     */
    private static void markIdleWhenDone(Flow flow, State state) {
        if (state.inspector == null && state.probesLeft == 0 && (state.check == null || !state.check.pending())
                && (state.negotiation != null || state.matchAttempts >= MATCH_ATTEMPTS || flow.key().portA() < 0)) {
            flow.markInspectionIdle();
        }
    }

    private void attachInspector(Flow flow, State state) {
        FlowKey k = flow.key();
        CatalogRule rule = signallingRule(k, k.portB(), k.addressA(), k.addressB());
        if (rule == null) {
            rule = signallingRule(k, k.portA(), k.addressB(), k.addressA());
        }
        if (overTls(k) != null) {
            // a protocol over TLS on its TLS port (SIP on 5061/tcp): counted, never parsed.
            tlsFlows++;
            return;
        }
        if (rule == null && k.protocol() == IpProtocol.UDP.number()) {
            rule = tlsPortOverUdp(k);
        }
        if (rule == null) {
            return;
        }
        Optional<Inspector> inspector = registry.newInspector(rule.inspect().orElseThrow());
        if (inspector.isEmpty()) {
            return;
        }
        state.inspector = inspector.get();
        state.inspectedByPort = rule.inspect().get();
        state.rule = rule.id();
        state.context = context(flow, state.inspectedByPort.token(), rule.id());
    }

    /** The protocol that runs over TLS on one of this TCP flow's ports (SIP on 5061), or null. */
    private AppProtocol overTls(FlowKey k) {
        if (k.protocol() != IpProtocol.TCP.number()) {
            return null;
        }
        Optional<Registration> r = registry.overTlsOn(k.portA()).or(() -> registry.overTlsOn(k.portB()));
        return r.map(Registration::protocol).orElse(null);
    }

    /**
     * A protocol's TLS port used over UDP cannot be TLS (SIP on 5061/udp): read it as the protocol,
     * citing the row of its first default port (5060).
     */
    private CatalogRule tlsPortOverUdp(FlowKey k) {
        for (int side = 0; side < 2; side++) {
            int port = side == 0 ? k.portB() : k.portA();
            Optional<Registration> r = registry.overTlsOn(port);
            if (r.isPresent() && !r.get().defaultPorts().isEmpty() && r.get().runsOver(k.protocol())) {
                boolean bListens = side == 0;
                return signallingRule(k, r.get().defaultPorts().lo(0), bListens ? k.addressA() : k.addressB(),
                        bListens ? k.addressB() : k.addressA());
            }
        }
        return null;
    }

    /** The check of what the rows of the flow's two ports expect (and its inspector's protocol); null when none. */
    private ContentCheck contentCheck(FlowKey k, AppProtocol inspected) {
        CandidateSet a = catalog.lookup().candidates(k.protocol(), k.portA());
        CandidateSet b = catalog.lookup().candidates(k.protocol(), k.portB());
        if (a.expected().isEmpty() && b.expected().isEmpty() && inspected == null) {
            return null;
        }
        AppProtocol overTls = overTls(k);
        // interned candidate sets: one plan per (protocol, both ports' rows, inspector, TLS port)
        CheckPlanKey key = new CheckPlanKey(k.protocol(), a, b, inspected, overTls);
        AppProtocol[] plan = plans.get(key);
        if (plan == null) {
            Set<AppProtocol> expected = EnumSet.noneOf(AppProtocol.class);
            expected.addAll(a.expected());
            expected.addAll(b.expected());
            if (inspected != null) {
                expected.add(inspected);
            }
            plan = ContentCheck.plan(expected, registry, k.protocol(), overTls);
            if (plans.size() < MAX_PLANS) {
                plans.put(key, plan);
            }
        }
        return ContentCheck.of(plan, registry, k.protocol(), overTls);
    }

    /** What decides a flow's check plan; candidate sets are interned, so identity is enough. */
    private record CheckPlanKey(int protocol, CandidateSet a, CandidateSet b, AppProtocol inspected, AppProtocol overTls) {
        @Override
        public boolean equals(Object o) {
            return o instanceof CheckPlanKey c && c.protocol == protocol && c.a == a && c.b == b && c.inspected == inspected
                    && c.overTls == overTls;
        }

        @Override
        public int hashCode() {
            return ((protocol * 31 + System.identityHashCode(a)) * 31 + System.identityHashCode(b)) * 31
                    + (inspected == null ? 0 : inspected.ordinal() + 1);
        }
    }

    /** The row naming an inspector for this listening port: the most specific one whose roles fit the hosts. */
    private CatalogRule signallingRule(FlowKey k, int port, byte[] client, byte[] server) {
        CatalogRule first = null;
        CatalogRule best = null;
        int bestScore = -1;
        Host c = inventory.isPresent() ? inventory.lookup(client) : null;
        Host s = inventory.isPresent() ? inventory.lookup(server) : null;
        for (CatalogRule r : catalog.lookup().candidates(k.protocol(), port).rules()) {
            if (r.inspect().isEmpty() || registry.newInspector(r.inspect().get()).isEmpty()) {
                continue;
            }
            if (first == null) {
                first = r;
            }
            if (c != null && c.is(r.sourceRole()) && s.is(r.destinationRole())) {
                int score = catalog.roles().specificity(r.sourceRole()) + catalog.roles().specificity(r.destinationRole());
                if (score > bestScore) {
                    best = r;
                    bestScore = score;
                }
            }
        }
        return best != null ? best : first;
    }

    private void tryMatch(Flow flow, State state) {
        FlowKey k = flow.key();
        if (k.portA() < 0) {
            return;
        }
        state.matchAttempts++;
        // the port the flow was sent to first: the pinhole of the message that opened that port is cited
        boolean aSent = flow.firstSender() == Side.A;
        Optional<Expectation> hit = aSent
                ? table.match(new IpProtocol(k.protocol()), address(k.addressB()), k.portB(), address(k.addressA()), k.portA())
                : table.match(new IpProtocol(k.protocol()), address(k.addressA()), k.portA(), address(k.addressB()), k.portB());
        if (hit.isEmpty()) {
            return;
        }
        Expectation e = hit.get();
        // which catalog row the signalling that opened the pinhole was on: kept with the pinhole
        Object tag = table.lastMatchTag();
        String rule = tag instanceof String id ? id : "";
        if (e.kind().equals(TftpInspector.UPLOAD)) {
            state.negotiation = new Negotiation("", e.reason(), Negotiation.Effect.NOT_THE_PORTS_PROTOCOL);
        } else if (tag instanceof ProbedSignalling p) {
            state.negotiation = new Negotiation("", e.reason() + "; " + p.finding(), Negotiation.Effect.NOTE);
            mediaOfProbedSignalling++;
        } else {
            state.negotiation = new Negotiation(rule, e.reason());
            negotiatedFlows++;
        }
        state.probesLeft = 0;
        if (state.inspector == null) {
            // a negotiated channel of a protocol with an inspector (H.245 opened by H.225) is read too
            AppProtocol.of(e.kind()).flatMap(registry::newInspector).ifPresent(i -> {
                state.inspector = i;
                state.rule = rule;
                state.context = context(flow, e.inspector(), tag);
                countInspector(state);
            });
        }
    }

    @Override
    public void onPacket(Flow flow, Side from, DecodedPacket d, RawPacket raw) {
        State state = (State) flow.inspection();
        if (state == null) {
            return;
        }
        if (state.negotiation == null && state.inspector == null && state.matchAttempts < MATCH_ATTEMPTS) {
            table.advanceTo(raw.timestampNanos);
            tryMatch(flow, state);
        }
        if (state.check != null && d.payloadLength > 0 && !d.fragment) {
            check(flow, state, from, d, raw);
            if (state.skipPayload) {
                state.skipPayload = false;
                return; // not the port's protocol: the inspector does not read it (nor count it malformed, yet)
            }
        }
        if (state.inspector == null && state.probesLeft > 0 && state.negotiation == null && d.payloadLength > 0
                && !d.fragment) {
            probe(flow, state, d, raw);
        }
        if (state.inspector == null) {
            markIdleWhenDone(flow, state);
            return;
        }
        if (d.payloadAbsent && d.payloadLength > 0) {
            // a partial audit left out bytes an inspector reads: counted, the merge is not exact
            payloadsMissing++;
            state.context.at(raw.timestampNanos);
            return;
        }
        Direction dir = from == flow.firstSender() ? Direction.FROM_INITIATOR : Direction.FROM_RESPONDER;
        state.context.at(raw.timestampNanos); // also advances the pinhole table's clock
        if (d.fragment && d.protocol == IpProtocol.UDP.number()) {
            reassembler.advanceTo(raw.timestampNanos);
            reassembler.offer(d, raw.data).ifPresent(whole -> {
                byte[] ip = whole.ipPayload();
                int off = whole.udpPayloadOffset();
                feed(state, dir, ip, off, ip.length - off, 0, 0);
            });
            return;
        }
        if (d.payloadLength <= 0 && d.protocol != IpProtocol.TCP.number()) {
            return;
        }
        if (d.protocol == IpProtocol.SCTP.number()) {
            // each whole user message of the DATA chunks, read like a datagram
            SctpData.forEach(raw.data, d.payloadOffset, d.payloadLength, (b, o, l) -> {
                if (state.inspector != null) {
                    feed(state, dir, b, o, l, 0, 0);
                }
            });
            return;
        }
        feed(state, dir, raw.data, d.payloadOffset, d.payloadLength, d.tcpSeq, d.tcpFlags);
    }

    /** The first user message of an SCTP packet's payload, or the payload itself: {offset, length}; null when none. */
    private static int[] firstMessage(DecodedPacket d, RawPacket raw) {
        if (d.protocol != IpProtocol.SCTP.number()) {
            return new int[] {d.payloadOffset, d.payloadLength};
        }
        int[] first = new int[2];
        first[1] = -1;
        SctpData.forEach(raw.data, d.payloadOffset, d.payloadLength, (b, o, l) -> {
            if (first[1] < 0) {
                first[0] = o;
                first[1] = l;
            }
        });
        return first[1] < 0 ? null : first;
    }

    /**
     * Probes a flow without an inspector (as Zeek's DPD and Suricata's probing parsers do): when a
     * probe recognises its protocol the flow gets that inspector, and the finding says which port.
     */
    private void probe(Flow flow, State state, DecodedPacket d, RawPacket raw) {
        if (d.payloadAbsent) {
            // a partial audit keeps the first payloads of every conversation: one probed but not kept is counted
            payloadsMissing++;
            return;
        }
        int[] m = firstMessage(d, raw);
        if (m == null) {
            return;
        }
        if (registry.keepAlive(d.protocol, raw.data, m[0], m[1])) {
            if (++state.keepAlivesSkipped >= PROBED_KEEPALIVES) {
                state.probesLeft = 0;
            }
            return; // SIP keep-alives before the first message do not use up the probes
        }
        if (state.probesLeft == PROBED_PAYLOADS) {
            flowsProbed++;
        }
        state.probesLeft--;
        boolean morePossible = false; // some probe needs more data
        for (ContentProbe p : registry.probes()) {
            if (!p.runsOver(d.protocol)) {
                continue;
            }
            switch (p.probe(raw.data, m[0], m[1])) {
                case DETECTED -> {
                    found(flow, state, p);
                    return;
                }
                case NEEDS_MORE_DATA -> morePossible = true;
                default -> {
                }
            }
        }
        if (!morePossible) {
            // every probe said no to this payload: one bad payload does not condemn the flow, the next is tried
            probesRejected++;
        }
    }

    private void found(Flow flow, State state, ContentProbe p) {
        FlowKey k = flow.key();
        int port = flow.firstSender() == Side.A ? k.portB() : k.portA();
        String name = p.protocol().displayName();
        String finding = name + " found on " + port + "/" + IpProtocol.label(k.protocol())
                + ", a port the catalog does not document for " + name;
        Optional<Inspector> inspector = registry.newInspector(p.protocol());
        if (inspector.isEmpty()) {
            return;
        }
        state.probesLeft = 0;
        state.inspector = inspector.get();
        state.rule = "";
        state.context = context(flow, p.protocol().token(), new ProbedSignalling(finding));
        state.negotiation = new Negotiation("", finding + " (recognised by content; its media are tied to it)",
                Negotiation.Effect.NOTE);
        foundByContent.merge(p.protocol().token(), 1L, Long::sum);
    }

    /**
     * Reads one payload into the flow's content check (a TCP flow only when its handshake was seen: a
     * stream picked up midway starts anywhere). When the check rules out the protocol of the inspector
     * the flow's port gave it (HTTP on a SIP port), that inspector lets go: what the flow carries is not
     * malformed signalling, and the classifier reports the flow as not the port's protocol.
     */
    private void check(Flow flow, State state, Side from, DecodedPacket d, RawPacket raw) {
        if (state.negotiation != null && state.negotiation.effect() == Negotiation.Effect.DOCUMENTS) {
            state.check = null; // tied to signalling: judged by that tie
            return;
        }
        if (!state.check.pending()) {
            return;
        }
        if (d.protocol == IpProtocol.TCP.number() && ((flow.tcpFlags(Side.A) | flow.tcpFlags(Side.B)) & 0x02) == 0) {
            state.check = null;
            return;
        }
        if (d.payloadAbsent) {
            payloadsMissing++;
            return;
        }
        int[] m = firstMessage(d, raw);
        if (m == null) {
            return;
        }
        Direction dir = from == flow.firstSender() ? Direction.FROM_INITIATOR : Direction.FROM_RESPONDER;
        state.check.offer(dir, raw.data, m[0], m[1], registry);
        AppProtocol inspected = state.inspectedByPort;
        if (inspected == null || state.inspector == null) {
            return;
        }
        if (state.check.rulesOut(inspected)) {
            state.inspector = null;
            state.probesLeft = 0;
            ruledOut.merge(inspected, 1L, Long::sum);
            if (inspected == AppProtocol.SIP) {
                notSipOnSipPort++;
            }
        } else if (state.check.lastSaidNo(inspected)) {
            state.skipPayload = true; // this payload only: while the budget lasts, the next ones are still tried
        } else if (!state.junkCounted && state.check.confirms(inspected)) {
            state.junkCounted = true;
            for (int i = 0; i < state.check.noes(inspected); i++) {
                state.context.malformed(inspected.token() + ": not " + inspected.article() + " " + inspected.displayName()
                        + " message (" + state.check.lookedLike(inspected) + ")");
            }
        }
    }

    /** A flow still read by the inspector its port gave it, whose payloads (fewer than the budget) all said no. */
    private static boolean endsRuledOut(State state, AppProtocol p) {
        return state.check != null && state.inspector != null && state.inspectedByPort == p && !state.check.rulesOut(p)
                && !state.check.confirms(p) && state.check.noes(p) > 0;
    }

    /**
     * Hands a payload to the flow's inspector. The parsers are written not to throw; should one
     * ever do, the message is counted as malformed for its protocol, that flow's inspection stops,
     * and the audit goes on (a bug in one parser must not cost the run).
     */
    private void feed(State state, Direction dir, byte[] buf, int off, int len, long seq, int flags) {
        try {
            state.inspector.onPayload(state.context, dir, buf, off, len, seq, flags);
        } catch (RuntimeException e) {
            state.context.malformed("internal inspector error, inspection of this flow stopped: " + e);
            state.inspector = null;
        }
    }

    @Override
    public Negotiation negotiationFor(Flow flow) {
        State state = (State) flow.inspection();
        if (state == null) {
            return null;
        }
        String finding = state.context == null ? null : state.context.finding();
        if (finding != null && (state.negotiation == null || state.negotiation.effect() != Negotiation.Effect.NOT_THE_PORTS_PROTOCOL)) {
            return new Negotiation("", finding, Negotiation.Effect.NOT_THE_PORTS_PROTOCOL);
        }
        return state.negotiation;
    }

    @Override
    public WireEvidence evidenceFor(Flow flow) {
        State state = (State) flow.inspection();
        return state == null || state.check == null ? WireEvidence.NONE : state.check.evidence();
    }

    @Override
    public Map<String, Object> stats() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("per_protocol", stats.toMap());
        Map<String, Object> pinholes = new LinkedHashMap<>();
        pinholes.put("opened", table.added());
        pinholes.put("flows_documented_by_signalling", negotiatedFlows);
        pinholes.put("expired", table.expired());
        pinholes.put("evicted", table.evicted());
        pinholes.put("held", table.size());
        pinholes.put("bytes_held", table.bytesHeld());
        pinholes.put("max_entries", table.maxEntries());
        pinholes.put("max_bytes", table.maxBytes());
        m.put("pinholes", pinholes);
        Map<String, Object> tcp = new LinkedHashMap<>();
        tcp.put("bytes_held", buffers.heldBytes());
        tcp.put("peak_bytes", buffers.peakBytes());
        tcp.put("max_bytes", buffers.maxBytes());
        tcp.put("buffers_dropped", buffers.evictions());
        m.put("tcp_reassembly", tcp);
        m.put("bounds_hit", boundsHit());
        m.put("sip_tls_flows_counted_not_inspected", tlsFlows);
        Map<String, Object> probe = new LinkedHashMap<>();
        probe.put("enabled", probing);
        probe.put("flows_probed", flowsProbed);
        probe.put("signalling_found_on_undocumented_ports", new LinkedHashMap<>(foundByContent));
        probe.put("flows_tied_to_signalling_found_by_content", mediaOfProbedSignalling);
        probe.put("not_sip_on_sip_port", notSipOnSipPort);
        probe.put("payloads_rejected_by_every_probe", probesRejected);
        m.put("probing", probe);
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("flows_checked", flowsChecked);
        Map<String, Long> out = new TreeMap<>();
        ruledOut.forEach((p, n) -> out.put(p.token(), n));
        content.put("inspectors_let_go", out);
        m.put("content_check", content);
        Map<String, Object> frag = new LinkedHashMap<>();
        frag.put("reassembled", reassembler.completed());
        frag.put("dropped", reassembler.dropped());
        m.put("udp_fragments_for_inspection", frag);
        return m;
    }

    /**
     * One line per inspection bound that was reached in this run (empty when none): what was
     * dropped, how often, and the bound. Printed on stderr and kept in summary.json.
     */
    private List<String> boundsHit() {
        List<String> hit = new ArrayList<>();
        if (table.evicted() > 0) {
            hit.add(String.format(Locale.ROOT, "%,d pinholes evicted before they expired: the pinhole table is bounded to %,d entries and %,d MiB;"
                    + " media of those calls may be reported undocumented", table.evicted(), table.maxEntries(), table.maxBytes() >> 20));
        }
        if (buffers.evictions() > 0) {
            hit.add(String.format(Locale.ROOT, "%,d TCP reassembly buffers dropped to stay within %,d MiB for all signalling flows;"
                    + " messages in them were not read", buffers.evictions(), buffers.maxBytes() >> 20));
        }
        if (payloadsMissing > 0) {
            hit.add(String.format(Locale.ROOT, "%,d signalling payloads were not kept in the partial audits merged here;"
                    + " calls in them may be missed (see docs/engine.md, merges)", payloadsMissing));
        }
        return hit;
    }

    private static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("address of length " + bytes.length, e);
        }
    }

    /** The inspection context of one flow: the first sender stands for the initiator. */
    private FlowInspectionContext context(Flow flow, String inspector, Object rule) {
        FlowKey k = flow.key();
        boolean aFirst = flow.firstSender() == Side.A;
        return new FlowInspectionContext(address(aFirst ? k.addressA() : k.addressB()), aFirst ? k.portA() : k.portB(),
                address(aFirst ? k.addressB() : k.addressA()), aFirst ? k.portB() : k.portA(),
                new IpProtocol(k.protocol()), table, stats.of(inspector), rule, buffers);
    }
}
