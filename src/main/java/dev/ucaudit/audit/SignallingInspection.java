package dev.ucaudit.audit;

import dev.ucaudit.capture.RawPacket;
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
import dev.ucaudit.inventory.Host;
import dev.ucaudit.inventory.Inventory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
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

    private final Catalog catalog;
    private final Inventory inventory;
    private final Inspectors inspectors = Inspectors.standard();
    private final ExpectationTable table;
    private final InspectorStats stats = new InspectorStats();
    private final FragmentReassembler reassembler = new FragmentReassembler();
    private long sipTlsFlows;
    private long negotiatedFlows;
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
        /** Counted in inspectorsHeld until the flow finishes. */
        boolean holdsInspector;
    }

    public SignallingInspection(Catalog catalog, Inventory inventory, Duration pinholeTtl) {
        this.catalog = catalog;
        this.inventory = inventory;
        this.table = new ExpectationTable(1_000_000, pinholeTtl);
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
        if (state.inspector == null
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
        boolean on5061 = k.portA() == SIP_TLS_PORT || k.portB() == SIP_TLS_PORT;
        if (on5061 && k.protocol() == 6) {
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
        Optional<Expectation> hit = table.match(new IpProtocol(k.protocol()), address(k.addressA()), k.portA(),
                address(k.addressB()), k.portB());
        if (hit.isEmpty()) {
            return;
        }
        Expectation e = hit.get();
        // which catalog row the signalling that opened the pinhole was on: kept with the pinhole
        String rule = (String) table.lastMatchTag();
        state.negotiation = new Negotiation(rule == null ? "" : rule, e.reason());
        negotiatedFlows++;
        if (e.kind().equals("h245") && state.inspector == null) {
            inspectors.get("h245").ifPresent(f -> {
                state.inspector = f.newInspector();
                state.rule = rule;
                state.context = context(flow, "h225", rule);
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
        if (state.inspector == null) {
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
        feed(state, dir, raw.data, d.payloadOffset, d.payloadLength, d.tcpSeq, d.tcpFlags);
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
        return state == null ? null : state.negotiation;
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
        m.put("pinholes", pinholes);
        m.put("sip_tls_flows_counted_not_inspected", sipTlsFlows);
        Map<String, Object> frag = new LinkedHashMap<>();
        frag.put("reassembled", reassembler.completed());
        frag.put("dropped", reassembler.dropped());
        m.put("udp_fragments_for_inspection", frag);
        return m;
    }

    private static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("address of length " + bytes.length, e);
        }
    }

    /** The inspection context of one flow: the first sender stands for the initiator. */
    private FlowInspectionContext context(Flow flow, String inspector, String rule) {
        FlowKey k = flow.key();
        boolean aFirst = flow.firstSender() == Side.A;
        return new FlowInspectionContext(address(aFirst ? k.addressA() : k.addressB()), aFirst ? k.portA() : k.portB(),
                address(aFirst ? k.addressB() : k.addressA()), aFirst ? k.portB() : k.portA(),
                new IpProtocol(k.protocol()), table, stats.of(inspector), rule);
    }
}
