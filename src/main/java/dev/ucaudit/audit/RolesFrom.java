package dev.ucaudit.audit;

/**
 * Where a flow row's roles came from (flows.csv's {@code roles_from}): the inventory ({@code declared},
 * every row of a run given {@code --inventory}), roles learned from the traffic for both ends or one
 * end (the other end then has no usable evidence and stays {@code unknown}), or neither ({@code none}:
 * no inventory and no evidence for either end).
 */
public enum RolesFrom {
    DECLARED("declared"), LEARNED("learned"), INITIATOR_LEARNED("learned initiator"),
    RESPONDER_LEARNED("learned responder"), NONE("none");

    private final String label;

    RolesFrom(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The value for a run without inventory, from whether each end's role was learned. */
    public static RolesFrom learned(boolean initiator, boolean responder) {
        if (initiator) {
            return responder ? LEARNED : INITIATOR_LEARNED;
        }
        return responder ? RESPONDER_LEARNED : NONE;
    }

    /** True when at least one end's role was learned. */
    public boolean anyLearned() {
        return this == LEARNED || this == INITIATOR_LEARNED || this == RESPONDER_LEARNED;
    }
}
