package dev.ucaudit.audit;

import dev.ucaudit.flow.Flow;
import java.time.Duration;
import java.util.ArrayDeque;

/**
 * A live run's findings watch: each flow is told to the {@link FindingWatch} once, when it is old
 * enough in capture time for an early look (its first payloads seen), or when it ends or a period is
 * cut, if that comes first. Keeps the new flows waiting for their early look, oldest first; bounded
 * (a flow beyond the bound is told when it ends or the period is cut).
 */
final class EarlyLooks {
    private static final int MAX_YOUNG = 100_000;
    private final FindingWatch watch;
    private final long afterNanos;
    private final ArrayDeque<Flow> young = new ArrayDeque<>();

    EarlyLooks(FindingListener listener, Duration after) {
        this.watch = new FindingWatch(listener);
        this.afterNanos = after.toNanos();
    }

    /** A new flow: it waits for its early look, unless the bound is reached. */
    void born(Flow flow) {
        if (young.size() < MAX_YOUNG) {
            young.addLast(flow);
        }
    }

    /** True when some flow waits for its early look. */
    boolean waiting() {
        return !young.isEmpty();
    }

    /** The oldest waiting flow when it is old enough by capture time {@code nowNanos}, taken off the queue; else null. */
    Flow due(long nowNanos) {
        Flow f = young.peekFirst();
        if (f == null || f.firstSeenNanos() > nowNanos - afterNanos) {
            return null;
        }
        return young.pollFirst();
    }

    /** Tells {@code r}, the classification of {@code flow}, unless the flow was told already. */
    void tell(Flow flow, FlowRecord r) {
        if (!flow.watched()) {
            flow.markWatched();
            watch.first(r);
        }
    }

    /** Tells {@code r}, a held flow's classification, whose flow had not been told when it ended. */
    void tellHeld(FlowRecord r) {
        watch.first(r);
    }
}
