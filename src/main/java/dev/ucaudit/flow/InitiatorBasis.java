package dev.ucaudit.flow;

/** What decided a flow's initiator ({@link InitiatorRule}), as flows.csv's initiator_basis writes it ({@link #text()}). */
public enum InitiatorBasis {
    /** The sender of a TCP SYN. */
    SYN("syn"),
    /** The side that did not send the SYN-ACK. */
    SYN_ACK("syn-ack"),
    /** Every packet went one way: its only sender. */
    ONE_WAY("one-way"),
    /** A one-way reply whose request was not captured, oriented by its service port: its client. */
    REPLY_ONLY("reply-only"),
    /** The first sender's port is a catalog listening port and the other's is not: the other side. */
    CATALOG("catalog"),
    /** The first sender. */
    FIRST_PACKET("first-packet");

    private final String text;

    InitiatorBasis(String text) {
        this.text = text;
    }

    /** The basis as flows.csv writes it ("syn"). */
    public String text() {
        return text;
    }
}
