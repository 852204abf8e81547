package dev.ucaudit.audit;

/** Whether the catalog (or signalling it points to) explains a flow. */
public enum Verdict {
    DOCUMENTED, UNDOCUMENTED;

    public String label() {
        return this == DOCUMENTED ? "documented" : "undocumented";
    }
}
