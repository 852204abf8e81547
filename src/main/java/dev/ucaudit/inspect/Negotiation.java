package dev.ucaudit.inspect;

/**
 * What signalling says about a flow. {@link Effect#DOCUMENTS}: signalling on a catalog row opened it
 * (the row and which call or transfer). {@link Effect#NOTE}: the catalog decides and the reason is
 * added (signalling found by content on a port the catalog does not document, or media such
 * signalling negotiated). {@link Effect#NOT_THE_PORTS_PROTOCOL}: the port's row documents a protocol
 * the flow does not carry (HTTP on a SIP port): undocumented, for this reason.
 */
public record Negotiation(String rule, String reason, Effect effect) {
    public enum Effect { DOCUMENTS, NOTE }

    /** Signalling on a catalog row opened the flow. */
    public Negotiation(String rule, String reason) {
        this(rule, reason, Effect.DOCUMENTS);
    }
}
