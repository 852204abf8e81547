package dev.ucaudit.flow;

/** One end of a flow key: A is the lower endpoint, B the higher. */
public enum Side {
    A, B;

    public Side other() {
        return this == A ? B : A;
    }
}
