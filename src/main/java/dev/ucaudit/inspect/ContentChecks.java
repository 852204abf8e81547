package dev.ucaudit.inspect;

import dev.ucaudit.catalog.AppProtocol;
import dev.ucaudit.catalog.CandidateSet;
import dev.ucaudit.catalog.Catalog;
import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.decode.DecodedPacket;
import dev.ucaudit.flow.Flow;
import dev.ucaudit.flow.FlowKey;
import dev.ucaudit.flow.Side;
import dev.ucaudit.packet.RawPacket;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Holds a flow's first payloads to what the catalog rows of its ports expect ({@link ContentCheck}),
 * and lets go of the inspector a port gave a flow that proves not to carry its protocol.
 */
final class ContentChecks {
    private static final int MAX_PLANS = 4096;

    private final Catalog catalog;
    private final ProtocolRegistry registry;
    private final PortInspectors ports;
    private final InspectionCounters counters;
    /** Check plans by what decides them (a few hundred at most: candidate sets are interned). */
    private final Map<CheckPlanKey, AppProtocol[]> plans = new HashMap<>();

    ContentChecks(Catalog catalog, ProtocolRegistry registry, PortInspectors ports, InspectionCounters counters) {
        this.catalog = catalog;
        this.registry = registry;
        this.ports = ports;
        this.counters = counters;
    }

    /** The check of what the rows of the flow's two ports expect (and its inspector's protocol); null when none. */
    ContentCheck of(FlowKey k, AppProtocol inspected) {
        CandidateSet a = catalog.lookup().candidates(k.protocol(), k.portA());
        CandidateSet b = catalog.lookup().candidates(k.protocol(), k.portB());
        if (a.expected().isEmpty() && b.expected().isEmpty() && inspected == null) {
            return null;
        }
        AppProtocol overTls = ports.overTls(k);
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

    /**
     * Reads one payload into the flow's content check (a TCP flow only when its handshake was seen: a
     * stream picked up midway starts anywhere). When the check rules out the protocol of the inspector
     * the flow's port gave it (HTTP on a SIP port), that inspector lets go: what the flow carries is not
     * malformed signalling, and the classifier reports the flow as not the port's protocol.
     */
    void check(Flow flow, FlowState state, Side from, DecodedPacket d, RawPacket raw) {
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
            counters.payloadsMissing++;
            return;
        }
        int[] m = PayloadFeed.firstMessage(d, raw);
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
            InspectionCounters.add(counters.ruledOut, inspected);
            InspectionCounters.add(counters.notOnPort, inspected);
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
}
