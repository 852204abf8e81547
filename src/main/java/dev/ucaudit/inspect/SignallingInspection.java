package dev.ucaudit.inspect;

import dev.ucaudit.catalog.Catalog;
import dev.ucaudit.decode.DecodedPacket;
import dev.ucaudit.flow.Flow;
import dev.ucaudit.flow.FlowKey;
import dev.ucaudit.flow.Side;
import dev.ucaudit.inspect.stream.BufferBudget;
import dev.ucaudit.inventory.Inventory;
import dev.ucaudit.packet.RawPacket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Ties dynamic media and data flows to the signalling that opened them, like a firewall's voice
 * inspection but only to report. A flow on a port whose catalog row names an inspector gets that
 * inspector ({@link PortInspectors}, from the {@link ProtocolRegistry}); what it reads opens pinholes in
 * an {@link ExpectationTable}; a later flow that hits a pinhole is documented by the signalling's row
 * ({@link PinholeMatches}), and its reason names the call or transfer. A flow no pinhole documents has
 * its first payloads checked against what its ports' rows expect ({@link ContentChecks}) and, without an
 * inspector, probed for signalling ({@link SignallingProbes}). This class dispatches; what it counts is
 * in {@link InspectionCounters}.
 */
public final class SignallingInspection implements FlowInspection {
    /** Pinhole table bounds: entries and estimated heap (docs/reliability.md). */
    public static final long MAX_PINHOLES = 250_000;
    public static final long MAX_PINHOLE_BYTES = 64L * 1024 * 1024;

    private final ProtocolRegistry registry;
    private final ExpectationTable table;
    private final InspectionCounters counters = new InspectionCounters();
    private final FragmentReassembler reassembler = new FragmentReassembler();
    private final BufferBudget buffers;
    private final boolean probing;
    private final PortInspectors ports;
    private final ContentChecks checks;
    private final SignallingProbes probes;
    private final PinholeMatches pinholes;
    private final PayloadFeed feed;
    /** Flows in the flow table with inspection state, and those of them with an inspector (parsers, stream buffers). */
    private long statesHeld;
    private long inspectorsHeld;

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
        this.table = new ExpectationTable(maxPinholes, maxPinholeBytes, pinholeTtl, maintenance);
        this.buffers = new BufferBudget(maxReassemblyBytes);
        this.registry = ProtocolRegistry.standard();
        FlowContexts contexts = new FlowContexts(table, counters.perProtocol, buffers);
        this.ports = new PortInspectors(catalog, inventory, registry, contexts, counters);
        this.checks = new ContentChecks(catalog, registry, ports, counters);
        this.probes = new SignallingProbes(registry, contexts, counters);
        this.pinholes = new PinholeMatches(table, registry, contexts, counters);
        this.feed = new PayloadFeed(reassembler, counters);
    }

    @Override
    public void onNewFlow(Flow flow, long timestampNanos) {
        table.advanceTo(timestampNanos);
        reassembler.advanceTo(timestampNanos);
        FlowKey k = flow.key();
        FlowState state = new FlowState();
        if (k.portA() >= 0) {
            ports.attach(flow, state);
        }
        if (state.inspector == null) {
            pinholes.tryMatch(flow, state);
        }
        if (probing && state.inspector == null && state.negotiation == null && k.portA() >= 0 && ports.overTls(k) == null) {
            state.probesLeft = SignallingProbes.PROBED_PAYLOADS;
        }
        if (probing && state.negotiation == null && k.portA() >= 0) {
            state.check = checks.of(k, state.inspectedByPort);
            if (state.check != null) {
                counters.flowsChecked++;
            }
        }
        flow.inspection(state);
        statesHeld++;
        countInspector(state);
        markIdleWhenDone(flow, state);
    }

    private void countInspector(FlowState state) {
        if (state.inspector != null && !state.holdsInspector) {
            state.holdsInspector = true;
            inspectorsHeld++;
        }
    }

    /** The flow left the flow table: its inspector (and the stream buffers it holds) is let go. */
    @Override
    public void onFinished(Flow flow) {
        if (!(flow.inspection() instanceof FlowState state)) {
            return;
        }
        statesHeld--;
        if (state.inspectedByPort != null && state.endsRuledOut(state.inspectedByPort)) {
            // fewer payloads than the budget, none of them the port's protocol
            InspectionCounters.add(counters.notOnPort, state.inspectedByPort);
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
    private static void markIdleWhenDone(Flow flow, FlowState state) {
        if (state.inspector == null && state.probesLeft == 0 && (state.check == null || !state.check.pending())
                && (state.negotiation != null || state.matchAttempts >= PinholeMatches.MATCH_ATTEMPTS
                        || flow.key().portA() < 0)) {
            flow.markInspectionIdle();
        }
    }

    @Override
    public void onPacket(Flow flow, Side from, DecodedPacket d, RawPacket raw) {
        FlowState state = (FlowState) flow.inspection();
        if (state == null) {
            return;
        }
        if (state.negotiation == null && state.inspector == null && state.matchAttempts < PinholeMatches.MATCH_ATTEMPTS) {
            table.advanceTo(raw.timestampNanos);
            pinholes.tryMatch(flow, state);
            countInspector(state);
        }
        if (state.check != null && d.payloadLength > 0 && !d.fragment) {
            checks.check(flow, state, from, d, raw);
            if (state.skipPayload) {
                state.skipPayload = false;
                return; // not the port's protocol: the inspector does not read it (nor count it malformed, yet)
            }
        }
        if (state.inspector == null && state.probesLeft > 0 && state.negotiation == null && d.payloadLength > 0
                && !d.fragment) {
            probes.probe(flow, state, d, raw);
        }
        if (state.inspector == null) {
            markIdleWhenDone(flow, state);
            return;
        }
        feed.feed(state, from == flow.firstSender() ? Direction.FROM_INITIATOR : Direction.FROM_RESPONDER, d, raw);
    }

    @Override
    public Negotiation negotiationFor(Flow flow) {
        FlowState state = (FlowState) flow.inspection();
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
        FlowState state = (FlowState) flow.inspection();
        return state == null || state.check == null ? WireEvidence.NONE : state.check.evidence();
    }

    @Override
    public Map<String, Object> stats() {
        return counters.toMap(registry, table, buffers, reassembler, probing);
    }
}
