package dev.ucaudit.run.live;

import dev.ucaudit.audit.FindingListener;

/**
 * Where a live run tells its findings as they happen: the audit's (undocumented flows, scans) and the
 * capture's (drop bursts). {@code atNanos}: the capture time the burst was seen at.
 */
public interface LiveEvents extends FindingListener {
    void drops(DropWatch.Burst burst, long atNanos);

    /** Flushes and closes what the events go to; says how many could not be delivered. */
    default void close() {
    }
}
