package dev.ucaudit.audit;

/**
 * One finished, classified flow: a row of flows.csv. Ports are -1 for protocols without ports.
 * Times are nanoseconds since the epoch.
 */
public record FlowRecord(long firstSeenNanos, long lastSeenNanos,
                         String initiator, int initiatorPort, String responder, int responderPort,
                         String protocol, long packets, long bytes,
                         String initiatorRole, String responderRole,
                         Verdict verdict, String rule, String reason,
                         String initiatorBasis, String initiatorName, String responderName,
                         long packetsFromInitiator, long packetsFromResponder,
                         long bytesFromInitiator, long bytesFromResponder,
                         String tcpFlags, long fragments) {

    public boolean documented() {
        return verdict == Verdict.DOCUMENTED;
    }
}
