package dev.ucaudit.inspect.mgcp;

/**
 * One MGCP message (RFC 3435).
 *
 * @param verb command verb (CRCX, MDCX, ...) or null for a response
 * @param code response code, 0 for a command
 * @param transactionId transaction id
 * @param endpoint endpoint name of a command (null for a response)
 * @param callId C: parameter or null
 * @param connectionId I: parameter or null
 * @param bodyOffset offset of the SDP body, bodyLength 0 when none
 */
public record MgcpMessage(String verb, int code, String transactionId, String endpoint, String callId,
        String connectionId, int bodyOffset, int bodyLength) {
    public boolean isCommand() {
        return verb != null;
    }
}
