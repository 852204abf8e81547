package dev.ucaudit.diff;

import java.util.Locale;

/** The kinds of change the diff reports, in the order diff.csv lists them. */
public enum Change {
    /** A signature only the current report has, with an undocumented (or mixed) verdict. */
    NEW_UNDOCUMENTED("new-undocumented"),
    /** A signature only the current report has, every flow documented. */
    NEW_DOCUMENTED("new-documented"),
    /** A signature whose verdict got worse: documented → mixed/undocumented, or mixed → undocumented. */
    VERDICT_CHANGE("verdict-change"),
    /** A signature whose verdict got better. */
    VERDICT_FIXED("verdict-fixed"),
    /** A signature only the baseline has. */
    GONE("gone"),
    /** A scan (its probes summarized in summary.json, not in flows.csv) the baseline did not have, or one that widened. */
    NEW_SCAN("new-scan"),
    /** A scan only the baseline has. */
    SCAN_GONE("scan-gone"),
    /** A flow of the current report that the allowed-flows policy does not allow, and the baseline's did not either (standing). */
    ESCAPED("escaped"),
    /** A flow of the current report the policy does not allow whose signature the baseline had allowed or not had. */
    NEW_ESCAPED("new-escaped"),
    /** A catalog opening unused now that the baseline saw used (or did not list). */
    NEWLY_UNUSED("newly-unused"),
    /** A catalog opening the baseline listed as unused that is used now. */
    NEWLY_USED("newly-used"),
    /** A catalog opening unused for at least --unused-days (needs the state file). */
    LONG_UNUSED("long-unused"),
    /** A rule of the allowed-flows policy that no flow of the current report used. */
    UNUSED_ALLOWED("unused-allowed");

    private final String label;

    Change(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Change parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (Change c : values()) {
            if (c.label.equals(t)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown change '" + text + "'");
    }
}
