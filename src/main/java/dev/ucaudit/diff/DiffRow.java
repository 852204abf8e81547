package dev.ucaudit.diff;

/**
 * One row of diff.csv. For flow changes the signature columns name the flow; for opening changes
 * {@code initiator} is empty, {@code initiatorRole} is the opening's source role and
 * {@code responder} its destination; for policy rows {@code rule} is the policy's file:line.
 * Counts are -1 when they do not apply (written empty); {@code unusedForDays} likewise.
 */
public record DiffRow(Change change, String initiator, String initiatorRole, String responder, String responderRole,
                      String protocol, String port, String verdictBefore, String verdictAfter,
                      long flowsBefore, long flowsAfter, long packetsBefore, long packetsAfter,
                      long bytesBefore, long bytesAfter, String rule, String reason, long unusedForDays) {

    public static final String[] COLUMNS = {"change", "initiator", "initiator_role", "responder", "protocol",
        "responder_port", "verdict_before", "verdict_after", "flows_before", "flows_after", "rule", "reason",
        "responder_role", "packets_before", "packets_after", "bytes_before", "bytes_after", "unused_for_days"};

    /** The flow or opening in a few words, for the text summary. */
    public String describe() {
        String service = port.isEmpty() ? protocol : port + "/" + protocol;
        if (initiator.isEmpty()) {
            return initiatorRole + " → " + (responder.isEmpty() ? responderRole : responder) + " " + service;
        }
        return initiator + " (" + initiatorRole + ") → " + responder + " (" + responderRole + ") " + service;
    }
}
