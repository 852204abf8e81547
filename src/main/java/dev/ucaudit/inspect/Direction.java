package dev.ucaudit.inspect;

/** Which side of a flow sent a payload: the side that opened the flow (initiator) or the other one. */
public enum Direction {
    FROM_INITIATOR,
    FROM_RESPONDER;

    /** The index of this direction (0 or 1) for per-direction state arrays. */
    public int index() {
        return this == FROM_INITIATOR ? 0 : 1;
    }
}
