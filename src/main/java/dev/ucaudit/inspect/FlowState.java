package dev.ucaudit.inspect;

import dev.ucaudit.catalog.AppProtocol;

/** What {@link SignallingInspection} keeps per flow, in the flow ({@code Flow.inspection}). */
final class FlowState {
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
    /** Counted in the inspectors held until the flow finishes. */
    boolean holdsInspector;

    /** A flow still read by the inspector its port gave it, whose payloads (fewer than the budget) all said no. */
    boolean endsRuledOut(AppProtocol p) {
        return check != null && inspector != null && inspectedByPort == p && !check.rulesOut(p) && !check.confirms(p)
                && check.noes(p) > 0;
    }
}
