package dev.ucaudit.inspect;

/**
 * What signalling says about a flow. {@link Effect#DOCUMENTS}: signalling on a catalog row opened it
 * (the row and which call or transfer). {@link Effect#NOTE}: the catalog decides and the reason is
 * added (signalling found by content on a port the catalog does not document, or media such
 * signalling negotiated). {@link Effect#NOT_THE_PORTS_PROTOCOL}: the inspector of the port's protocol
 * found a use its row does not document (a TFTP write request: an upload): undocumented, for this
 * reason. (What a port carries is checked by its rows' recognisers: {@link WireEvidence}.)
 */
public record Negotiation(String rule, String reason, Effect effect) {
    public enum Effect { DOCUMENTS, NOTE, NOT_THE_PORTS_PROTOCOL }

    /** Signalling on a catalog row opened the flow. */
    public Negotiation(String rule, String reason) {
        this(rule, reason, Effect.DOCUMENTS);
    }
}
