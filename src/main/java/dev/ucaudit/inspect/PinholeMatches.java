package dev.ucaudit.inspect;

import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.flow.Flow;
import dev.ucaudit.flow.FlowKey;
import dev.ucaudit.flow.Side;
import java.util.Optional;

/**
 * Ties a new flow to the pinhole signalling opened for it: the flow is documented by the signalling's
 * catalog row (or noted, when the signalling was found by content, or a finding, when its protocol's
 * registration says the pinhole's kind is not documented), and a negotiated channel of a protocol
 * with an inspector (H.245 opened by H.225) gets that inspector.
 */
final class PinholeMatches {
    /** A flow that matched no pinhole is checked again on its first packets (RTP may race the 200 OK). */
    static final int MATCH_ATTEMPTS = 8;

    private final ExpectationTable table;
    private final ProtocolRegistry registry;
    private final FlowContexts contexts;
    private final InspectionCounters counters;

    PinholeMatches(ExpectationTable table, ProtocolRegistry registry, FlowContexts contexts, InspectionCounters counters) {
        this.table = table;
        this.registry = registry;
        this.contexts = contexts;
        this.counters = counters;
    }

    /** Matches the flow against the pinholes once more. */
    void tryMatch(Flow flow, FlowState state) {
        FlowKey k = flow.key();
        if (k.portA() < 0) {
            return;
        }
        state.matchAttempts++;
        // the port the flow was sent to first: the pinhole of the message that opened that port is cited
        boolean aSent = flow.firstSender() == Side.A;
        IpProtocol protocol = new IpProtocol(k.protocol());
        Optional<Expectation> hit = aSent
                ? table.match(protocol, FlowContexts.address(k.addressB()), k.portB(), FlowContexts.address(k.addressA()), k.portA())
                : table.match(protocol, FlowContexts.address(k.addressA()), k.portA(), FlowContexts.address(k.addressB()), k.portB());
        if (hit.isEmpty()) {
            return;
        }
        Expectation e = hit.get();
        // which catalog row the signalling that opened the pinhole was on: kept with the pinhole
        Object tag = table.lastMatchTag();
        String rule = tag instanceof String id ? id : "";
        if (registry.opensFinding(e.kind())) {
            state.negotiation = new Negotiation("", e.reason(), Negotiation.Effect.NOT_THE_PORTS_PROTOCOL);
        } else if (tag instanceof SignallingProbes.ProbedSignalling p) {
            state.negotiation = new Negotiation("", e.reason() + "; " + p.finding(), Negotiation.Effect.NOTE);
            counters.mediaOfProbedSignalling++;
        } else {
            state.negotiation = new Negotiation(rule, e.reason());
            counters.negotiatedFlows++;
        }
        state.probesLeft = 0;
        if (state.inspector != null) {
            return;
        }
        // a negotiated channel of a protocol with an inspector (H.245 opened by H.225) is read too
        e.kind().protocol().flatMap(registry::newInspector).ifPresent(i -> {
            state.inspector = i;
            state.rule = rule;
            state.context = contexts.of(flow, e.inspector(), tag);
        });
    }
}
