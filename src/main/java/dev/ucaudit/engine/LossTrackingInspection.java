package dev.ucaudit.engine;

import dev.ucaudit.catalog.IpProtocol;
import java.util.LinkedHashMap;
import dev.ucaudit.inspect.FlowInspection;
import dev.ucaudit.inspect.Negotiation;
import dev.ucaudit.inspect.WireEvidence;
import dev.ucaudit.packet.RawPacket;
import dev.ucaudit.decode.DecodedPacket;
import dev.ucaudit.flow.Flow;
import dev.ucaudit.flow.Side;
import java.util.Map;

/**
 * Wraps the run's signalling inspection and also shows every decoded TCP segment to a
 * {@link TcpGapEstimator}; everything else is passed on unchanged. This keeps the loss estimate out
 * of the Auditor itself.
 */
public final class LossTrackingInspection implements FlowInspection {
    private final FlowInspection next;
    private final TcpGapEstimator estimator;

    public LossTrackingInspection(FlowInspection next, TcpGapEstimator estimator) {
        this.next = next;
        this.estimator = estimator;
    }

    @Override
    public void onNewFlow(Flow flow, long timestampNanos) {
        next.onNewFlow(flow, timestampNanos);
    }

    @Override
    public void onPacket(Flow flow, Side from, DecodedPacket d, RawPacket raw) {
        if (d.protocol == IpProtocol.TCP.number() && d.srcPort >= 0 && !(d.fragment && d.fragmentOffset != 0)) {
            estimator.segment(flow, from == Side.A ? 0 : 1, d.tcpFlags, d.tcpSeq, d.tcpAck, d.payloadWireLength);
        }
        if (next.seesEveryPacket() || !flow.inspectionIdle()) {
            next.onPacket(flow, from, d, raw);
        }
    }

    @Override
    public void onFinished(Flow flow) {
        estimator.forget(flow);
        next.onFinished(flow);
    }

    @Override
    public void advanceTo(long timestampNanos) {
        next.advanceTo(timestampNanos);
    }

    @Override
    public Map<String, Long> held() {
        Map<String, Long> m = new LinkedHashMap<>(next.held());
        m.put("tcp_connections_for_loss_estimate", (long) estimator.connectionsTracked());
        return m;
    }

    @Override
    public boolean seesEveryPacket() {
        return true; // the gap estimator reads every TCP segment
    }

    @Override
    public Negotiation negotiationFor(Flow flow) {
        return next.negotiationFor(flow);
    }

    @Override
    public WireEvidence evidenceFor(Flow flow) {
        return next.evidenceFor(flow);
    }

    @Override
    public Map<String, Object> stats() {
        return next.stats();
    }
}
