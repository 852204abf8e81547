package dev.ucaudit.audit;

/** How a flow's verdict stands to its content: what summary.json and report.html count. */
public enum ContentSeen {
    /** Documented by a row whose expected protocol the flow's first payloads showed. */
    CONFIRMED,
    /** Documented by a row on its port alone: the row expects nothing, or the content could not be told (or was not looked at). */
    PORT_ALONE,
    /** Undocumented: the row of its port expects a protocol the flow clearly does not carry. */
    CONTRADICTED,
    /** Not decided by a port's row (tied to signalling, no row fits, an ICMP error). */
    NOT_BY_PORT
}
