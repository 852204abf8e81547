package dev.ucaudit.inspect;

import dev.ucaudit.packet.RawPacket;
import dev.ucaudit.decode.DecodedPacket;
import dev.ucaudit.flow.Flow;
import dev.ucaudit.flow.Side;
import java.util.Map;

/**
 * The audit's hook into signalling inspection: it sees each new flow and each packet, remembers the
 * media and data flows signalling opened, and says which finished flow signalling negotiated.
 */
public interface FlowInspection {
    /** The key in {@link #stats()} of the inspection bounds reached in the run: a list of lines, also printed on stderr. */
    String BOUNDS_HIT = "bounds_hit";

    /** Called once when a flow is first seen. */
    void onNewFlow(Flow flow, long timestampNanos);

    /**
     * Called for every packet of a flow after it was counted, unless the flow was marked
     * {@link Flow#markInspectionIdle() idle} by the inspection and {@link #seesEveryPacket()} is false.
     */
    void onPacket(Flow flow, Side from, DecodedPacket packet, RawPacket raw);

    /**
     * True when {@link #onPacket} must see every packet even of flows marked idle (e.g. a wrapper that
     * also counts TCP segments); the Auditor asks once.
     */
    default boolean seesEveryPacket() {
        return false;
    }

    /**
     * Called once when a flow has left the flow table (finished, idle, pushed out): whatever the
     * inspection keeps for it is released.
     */
    default void onFinished(Flow flow) {
    }

    /** Capture time moved on without a packet (a live run's idle clock): expire what is due. */
    default void advanceTo(long timestampNanos) {
    }

    /** What the inspection holds now (pinholes, flows with inspection state, ...), for the live status. */
    default Map<String, Long> held() {
        return Map.of();
    }

    /** The signalling that opened this flow, or null. */
    Negotiation negotiationFor(Flow flow);

    /** What the flow's first payloads showed of the protocols its ports' rows expect ({@link WireEvidence#NONE}: not looked at). */
    default WireEvidence evidenceFor(Flow flow) {
        return WireEvidence.NONE;
    }

    /** Per-protocol counters for summary.json. */
    Map<String, Object> stats();

    FlowInspection NONE = new FlowInspection() {
        @Override
        public void onNewFlow(Flow flow, long timestampNanos) {
        }

        @Override
        public void onPacket(Flow flow, Side from, DecodedPacket packet, RawPacket raw) {
        }

        @Override
        public Negotiation negotiationFor(Flow flow) {
            return null;
        }

        @Override
        public Map<String, Object> stats() {
            return Map.of();
        }
    };
}
