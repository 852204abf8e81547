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
import dev.ucaudit.inspect.Direction;
import dev.ucaudit.inspect.Expectation;
import dev.ucaudit.inspect.ExpectationTable;
import dev.ucaudit.inspect.FlowInspectionContext;
import dev.ucaudit.inspect.FragmentReassembler;
import dev.ucaudit.inspect.Inspector;
import dev.ucaudit.inspect.InspectorFactory;
import dev.ucaudit.inspect.InspectorStats;
import dev.ucaudit.inspect.Inspectors;
import dev.ucaudit.inspect.probe.ContentProbe;
import dev.ucaudit.inspect.probe.ContentProbes;
import dev.ucaudit.inspect.probe.SctpData;
import dev.ucaudit.inspect.sip.SipKeepAlive;
import dev.ucaudit.inventory.Host;
import dev.ucaudit.inventory.Inventory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import dev.ucaudit.inspect.stream.BufferBudget;
import dev.ucaudit.inspect.tftp.TftpInspector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Ties dynamic media and data flows to the signalling that opened them, like a firewall's voice
 * inspection but only to report. A flow on a port whose catalog row names an inspector (sip, sccp,
 * h225, mgcp, tftp) gets that inspector; what it reads opens pinholes in an {@link
 * ExpectationTable}; a later flow that hits a pinhole is documented by the signalling's row, and its
 * reason names the call or transfer.
 */
public final class SignallingInspection implements FlowInspection {
    /** Ports on which SIP is TLS: counted, never parsed. */
    private static final int SIP_TLS_PORT = 5061;
    /** A flow that matched no pinhole is checked again on its first packets (RTP may race the 200 OK). */
    private static final int MATCH_ATTEMPTS = 8;
    /** Pinhole table bounds: entries and estimated heap (docs/reliability.md). */
    public static final long MAX_PINHOLES = 250_000;
    public static final long MAX_PINHOLE_BYTES = 64L * 1024 * 1024;
    /** Payloads of a flow without an inspector that are probed for signalling (within its first MATCH_ATTEMPTS packets). */
    private static final int PROBED_PAYLOADS = 3;
    /** Keep-alives (CR/LF or STUN: SIP's RFC 5626 pings) skipped before a flow's probing is given up. */
    private static final int PROBED_KEEPALIVES = 32;
    /** Most payloads of one flow that probing reads: the keep-alives it skips, then its probes. */
    public static final int MOST_PAYLOADS_PROBED = PROBED_KEEPALIVES + PROBED_PAYLOADS;
    /** Payloads of a flow on a SIP port checked to be SIP before they are read as SIP. */
    private static final int VERIFIED_PAYLOADS = 3;

    private final Catalog catalog;
    private final Inventory inventory;
    private final Inspectors inspectors = Inspectors.standard();
    private final ExpectationTable table;
    private final InspectorStats stats = new InspectorStats();
    private final FragmentReassembler reassembler = new FragmentReassembler();
    private final BufferBudget buffers;
    private final boolean probing;
    private final ContentProbes probes = new ContentProbes();
    private final ContentProbe sipProbe = probes.of("sip").orElseThrow();
    private final Map<String, Long> foundByContent = new TreeMap<>();
    private long sipTlsFlows;
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
        /** Payloads still to check for SIP on a flow given the SIP inspector by its port. */
        int verifyLeft;
        /** Payloads of that check that were not SIP (skipped; malformed SIP once the flow proves SIP), and what the last looked like. */
        int notSipPayloads;
        String notSipLooksLike;
        /** The port whose catalog row named the inspector. */
        int signallingPort;
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
        if (probing && state.inspector == null && state.negotiation == null && k.portA() >= 0 && !sipTls(k)) {
            state.probesLeft = PROBED_PAYLOADS;
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
        if (pendingNotSip(state)) {
            notSipOnSipPort++;
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
        if (state.inspector == null && state.probesLeft == 0
                && (state.negotiation != null || state.matchAttempts >= MATCH_ATTEMPTS || flow.key().portA() < 0)) {
            flow.markInspectionIdle();
        }
    }

    private void attachInspector(Flow flow, State state) {
        FlowKey k = flow.key();
        CatalogRule rule = signallingRule(k, k.portB(), k.addressA(), k.addressB());
        state.signallingPort = k.portB();
        if (rule == null) {
            rule = signallingRule(k, k.portA(), k.addressB(), k.addressA());
            state.signallingPort = k.portA();
        }
        boolean on5061 = k.portA() == SIP_TLS_PORT || k.portB() == SIP_TLS_PORT;
        if (sipTls(k)) {
            // SIP over TLS: counted, never parsed.
            sipTlsFlows++;
            return;
        }
        if (rule == null && on5061 && k.protocol() == 17) {
            // 5061 over UDP cannot be TLS: read it as SIP, citing the SIP row of 5060.
            int other = k.portA() == SIP_TLS_PORT ? k.portB() : k.portA();
            rule = signallingRule(k, 5060, k.portA() == other ? k.addressA() : k.addressB(),
                    k.portA() == other ? k.addressB() : k.addressA());
        }
        if (rule == null) {
            return;
        }
        Optional<InspectorFactory> factory = inspectors.get(rule.inspect());
        if (factory.isEmpty()) {
            return;
        }
        state.inspector = factory.get().newInspector();
        state.rule = rule.id();
        state.context = context(flow, rule.inspect(), rule.id());
        if (probing && rule.inspect().equals(sipProbe.inspector())) {
            state.verifyLeft = VERIFIED_PAYLOADS;
        }
    }

    private static boolean sipTls(FlowKey k) {
        return k.protocol() == 6 && (k.portA() == SIP_TLS_PORT || k.portB() == SIP_TLS_PORT);
    }

    /** The row naming an inspector for this listening port: the most specific one whose roles fit the hosts. */
    private CatalogRule signallingRule(FlowKey k, int port, byte[] client, byte[] server) {
        CatalogRule first = null;
        CatalogRule best = null;
        int bestScore = -1;
        Host c = inventory.isPresent() ? inventory.lookup(client) : null;
        Host s = inventory.isPresent() ? inventory.lookup(server) : null;
        for (CatalogRule r : catalog.lookup().candidates(k.protocol(), port).rules()) {
            if (r.inspect().isEmpty()) {
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
        if (e.kind().equals("h245") && state.inspector == null) {
            inspectors.get("h245").ifPresent(f -> {
                state.inspector = f.newInspector();
                state.rule = rule;
                state.context = context(flow, "h225", tag);
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
        if (state.verifyLeft > 0 && d.payloadLength > 0 && !d.fragment && !isSip(flow, state, d, raw)) {
            markIdleWhenDone(flow, state);
            return;
        }
        Direction dir = from == flow.firstSender() ? Direction.FROM_INITIATOR : Direction.FROM_RESPONDER;
        state.context.at(raw.timestampNanos); // also advances the pinhole table's clock
        if (d.fragment && d.protocol == 17) {
            reassembler.advanceTo(raw.timestampNanos);
            reassembler.offer(d, raw.data).ifPresent(whole -> {
                byte[] ip = whole.ipPayload();
                int off = whole.udpPayloadOffset();
                feed(state, dir, ip, off, ip.length - off, 0, 0);
            });
            return;
        }
        if (d.payloadLength <= 0 && d.protocol != 6) {
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
        if (SipKeepAlive.is(raw.data, m[0], m[1], false)) { // short junk is a keep-alive only on a SIP port
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
        for (ContentProbe p : probes.all()) {
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

    /**
     * True when some content probe that runs over {@code protocol} detects its protocol in this
     * payload or asks for more data: a partial audit then keeps every payload of the conversation.
     */
    public static boolean probeMayFind(ContentProbes probes, int protocol, byte[] buf, int off, int len) {
        if (protocol == IpProtocol.SCTP.number()) {
            return true;
        }
        for (ContentProbe p : probes.all()) {
            if (p.runsOver(protocol) && p.probe(buf, off, len) != Detection.INVALID) {
                return true;
            }
        }
        return false;
    }

    /** A keep-alive on a SIP port ({@link SipKeepAlive}): neither proves nor disproves SIP, and is no malformed message. */
    private static boolean keepAlive(DecodedPacket d, byte[] buf, int off, int len) {
        return SipKeepAlive.is(buf, off, len, d.protocol == IpProtocol.UDP.number());
    }

    private void found(Flow flow, State state, ContentProbe p) {
        FlowKey k = flow.key();
        int port = flow.firstSender() == Side.A ? k.portB() : k.portA();
        String finding = p.protocolName() + " found on " + port + "/" + IpProtocol.label(k.protocol())
                + ", a port the catalog does not document for " + p.protocolName();
        Optional<InspectorFactory> factory = inspectors.get(p.inspector());
        if (factory.isEmpty()) {
            return;
        }
        state.probesLeft = 0;
        state.inspector = factory.get().newInspector();
        state.rule = "";
        state.context = context(flow, p.inspector(), new ProbedSignalling(finding));
        state.negotiation = new Negotiation("", finding + " (recognised by content; its media are tied to it)",
                Negotiation.Effect.NOTE);
        foundByContent.merge(p.inspector(), 1L, Long::sum);
    }

    /**
     * On a flow given the SIP inspector by its port: true while its first payloads are (or may be)
     * SIP. Each payload is judged on its own, within a budget: a payload that is not SIP is counted as
     * malformed SIP and skipped (one junk datagram must not switch off a call's media attribution), and
     * only when none of the first {@value #VERIFIED_PAYLOADS} payloads is SIP is the flow "not SIP on a
     * SIP port" (HTTP or anything else there is not malformed SIP) and no longer read as SIP.
     * Keep-alives neither prove nor disprove SIP. A TCP flow is judged only when its handshake was seen
     * (a stream picked up midway starts anywhere).
     */
    private boolean isSip(Flow flow, State state, DecodedPacket d, RawPacket raw) {
        if (d.protocol == 6 && ((flow.tcpFlags(Side.A) | flow.tcpFlags(Side.B)) & 0x02) == 0) {
            state.verifyLeft = 0;
            return true;
        }
        int[] m = firstMessage(d, raw);
        if (m == null || keepAlive(d, raw.data, m[0], m[1])) {
            return true; // keep-alives neither prove nor disprove SIP; the inspector skips them too
        }
        state.verifyLeft--;
        switch (sipProbe.probe(raw.data, m[0], m[1])) {
            case DETECTED -> {
                state.verifyLeft = 0;
                for (int i = 0; i < state.notSipPayloads; i++) {
                    state.context.malformed("sip: not a SIP message (" + state.notSipLooksLike + ")");
                }
                state.notSipPayloads = 0;
                return true;
            }
            case NEEDS_MORE_DATA -> {
                return true;
            }
            default -> {
                state.notSipPayloads++;
                state.notSipLooksLike = ContentProbes.guess(raw.data, m[0], m[1]);
                if (state.verifyLeft == 0) {
                    state.negotiation = notSip(flow, state);
                    state.inspector = null;
                    state.notSipPayloads = 0;
                    notSipOnSipPort++;
                }
                return false; // this payload only: while the budget lasts, the next ones are still tried
            }
        }
    }

    /** The finding of a flow on a SIP port none of whose first payloads (up to the budget) was SIP. */
    private static Negotiation notSip(Flow flow, State state) {
        return new Negotiation("", "not SIP on a SIP port: " + state.signallingPort + "/" + IpProtocol.label(flow.key().protocol())
                + " is documented for SIP (" + state.rule + ") but this flow carries " + state.notSipLooksLike + ", not SIP"
                + (state.notSipPayloads > 1 ? " (none of its first " + state.notSipPayloads + " payloads is SIP)" : ""),
                Negotiation.Effect.NOT_THE_PORTS_PROTOCOL);
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
        if (pendingNotSip(state)) {
            return notSip(flow, state); // fewer payloads than the budget, none of them SIP
        }
        String finding = state.context == null ? null : state.context.finding();
        if (finding != null && (state.negotiation == null || state.negotiation.effect() != Negotiation.Effect.NOT_THE_PORTS_PROTOCOL)) {
            return new Negotiation("", finding, Negotiation.Effect.NOT_THE_PORTS_PROTOCOL);
        }
        return state.negotiation;
    }

    /** A flow on a SIP port whose check is unfinished, with payloads seen and none of them SIP. */
    private static boolean pendingNotSip(State state) {
        return state.negotiation == null && state.inspector != null && state.verifyLeft > 0 && state.notSipPayloads > 0;
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
        m.put("sip_tls_flows_counted_not_inspected", sipTlsFlows);
        Map<String, Object> probe = new LinkedHashMap<>();
        probe.put("enabled", probing);
        probe.put("flows_probed", flowsProbed);
        probe.put("signalling_found_on_undocumented_ports", new LinkedHashMap<>(foundByContent));
        probe.put("flows_tied_to_signalling_found_by_content", mediaOfProbedSignalling);
        probe.put("not_sip_on_sip_port", notSipOnSipPort);
        probe.put("payloads_rejected_by_every_probe", probesRejected);
        m.put("probing", probe);
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
