package dev.ucaudit.report;

import dev.ucaudit.audit.FlowRecord;

/** One flow as a report states it: SPEC's flows.csv columns. Ports are -1 when the protocol has none. */
public record FlowRow(String firstSeen, String lastSeen, String initiator, int initiatorPort, String responder,
                      int responderPort, String protocol, long packets, long bytes, String initiatorRole,
                      String responderRole, String verdict, String rule, String reason) {

    public boolean documented() {
        return "documented".equals(verdict);
    }

    /** The same flow, taken from an audit that is still in memory. */
    public static FlowRow of(FlowRecord r) {
        return new FlowRow(Times.iso(r.firstSeenNanos()), Times.iso(r.lastSeenNanos()), r.initiator().text(),
                r.initiatorPort(), r.responder().text(), r.responderPort(), r.protocol().label(), r.packets(), r.bytes(), r.initiatorRole(),
                r.responderRole(), r.verdict().label(), r.rule(), r.reason());
    }
}
