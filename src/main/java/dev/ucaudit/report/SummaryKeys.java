package dev.ucaudit.report;

/**
 * summary.json's schema: its file name and the keys that more than its writer ({@link SummaryJson}) use:
 * the readers of report folders ({@code diff}, {@code export}, the folder swap) and the live run, which
 * writes the {@link #CAPTURE} section and reads {@link #ENDED_AT} back. A key renamed here is renamed for
 * all of them; the names are stable, scripts read them.
 */
public final class SummaryKeys {
    /** The file in a report folder. */
    public static final String FILE = "summary.json";
    /** The writer's name ({@link #TOOL_NAME}): a folder whose summary lacks it is not a ucaudit report. */
    public static final String TOOL = "tool";
    public static final String TOOL_NAME = "ucaudit";
    /** The report folder's layout version ({@link SummaryJson#FORMAT}; absent in the oldest: 1). */
    public static final String REPORT_FORMAT = "report_format";
    /** Whether the report is complete, and if not, why ({@link #INCOMPLETE_REASONS}, a list of lines). */
    public static final String COMPLETE = "complete";
    public static final String INCOMPLETE_REASONS = "incomplete_reasons";
    /** The capture times of the first and the {@link #LAST} packet. */
    public static final String TIME_WINDOW = "time_window";
    public static final String LAST = "last";
    /** Flow counts, among them the {@link #ROWS_NOT_WRITTEN} to flows.csv (--max-flow-rows). */
    public static final String FLOWS = "flows";
    public static final String ROWS_NOT_WRITTEN = "rows_not_written";
    /** The scans recognised: the {@link #LISTED} ones, each with its initiator, protocol, responder ports, summary. */
    public static final String SCANS = "scans";
    public static final String LISTED = "listed";
    /** The roles learned from the traffic, one object per address (issue 21). */
    public static final String ROLES_OBSERVED = "roles_observed";
    /** The signalling inspection's counters (its bounds reached: {@code FlowInspection.BOUNDS_HIT}). */
    public static final String INSPECTION = "inspection";
    /** A live run's capture figures; {@link #ENDED_AT}: when its period ended (ISO-8601). */
    public static final String CAPTURE = "capture";
    public static final String ENDED_AT = "ended_at";

    private SummaryKeys() {
    }
}
