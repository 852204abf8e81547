package dev.ucaudit.inspect;

/** What a {@link Recogniser} says of one payload of a flow. */
public enum Look {
    /** The flow carries the protocol. */
    YES,
    /** The flow clearly does not carry the protocol. */
    NO,
    /** Cannot tell from this payload: a valid beginning, or a direction the protocol does not judge on. */
    MORE,
    /** A keep-alive the protocol allows between messages: neither proves nor disproves it, and uses no budget. */
    SKIP
}
