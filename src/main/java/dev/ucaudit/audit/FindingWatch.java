package dev.ucaudit.audit;

/**
 * Turns the first classification of each flow into findings for a {@link FindingListener}: an
 * undocumented flow is told once; the probes of an initiator are counted as {@link ScanDetector} counts
 * them for the report, and when they make a scan the scan is told once, and its further probes are not
 * told one by one.
 */
final class FindingWatch {
    private final FindingListener listener;
    private final ScanDetector scans = new ScanDetector();

    FindingWatch(FindingListener listener) {
        this.listener = listener;
    }

    /** A flow's first classification. */
    void first(FlowRecord r) {
        if (scans.accept(r)) {
            return; // a probe of a scan already told
        }
        ScanDetector.Entry scan = scans.scanOf(r);
        if (scan != null) {
            listener.scan(new FindingListener.Scan(scan.initiator(), scan.protocol(), scan.firstSeenNanos(), scan.lastSeenNanos(),
                    scan.probes(), scan.describe()));
        } else if (r.verdict() == Verdict.UNDOCUMENTED) {
            listener.undocumentedFlow(r);
        }
    }
}
