package dev.ucaudit.audit;

/**
 * Whether the catalog (or signalling it points to) explains a flow. {@link #PORT_ONLY}: a row's port
 * matches but the row needs a role an end cannot be shown to have (no inventory was given), so the flow
 * is neither documented nor known to be undocumented; it is never counted or shown as compliant.
 */
public enum Verdict {
    DOCUMENTED("documented"), UNDOCUMENTED("undocumented"), PORT_ONLY("port-only");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The verdict a label names, or null. */
    public static Verdict of(String label) {
        for (Verdict v : values()) {
            if (v.label.equals(label)) {
                return v;
            }
        }
        return null;
    }
}
