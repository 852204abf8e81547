package dev.ucaudit.audit;

import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.inventory.IpAddress;

/**
 * Hears findings as soon as they are known, while a live run goes on: each undocumented flow the first
 * time it is classified, and each scan when it is recognized. Called on the analysis thread; the
 * listener decides how (and whether) anyone is told. The report of the period still holds everything.
 */
public interface FindingListener {
    /** An undocumented flow, classified for the first time (while still open, or as it ended). */
    void undocumentedFlow(FlowRecord flow);

    /** An initiator just recognized as scanning over a protocol: once per run. */
    void scan(Scan scan);

    /** A scan as recognized: who, over what, when, and its one-line description. */
    record Scan(IpAddress initiator, IpProtocol protocol, long firstSeenNanos, long lastSeenNanos, long probes,
                String description) {
    }
}
