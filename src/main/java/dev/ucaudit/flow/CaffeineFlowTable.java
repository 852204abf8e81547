package dev.ucaudit.flow;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import dev.ucaudit.decode.DecodedPacket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The live flows, bounded by Caffeine in size and idle time (measured on capture time). A flow that
 * leaves the table — idle, pushed out by size, or closed and reopened — is handed to the
 * {@code finished} consumer, so that evicted flows still reach the report.
 *
 * <p>The first flow table of ucaudit, kept as the reference the benchmark measures {@link
 * IntrusiveFlowTable} against: every lookup allocates a {@link FlowKey} (two address copies).
 */
public final class CaffeineFlowTable implements FlowTable {
    private final Cache<FlowKey, Flow> flows;
    private final Consumer<Flow> finished;
    private long evictedIdle;
    private long evictedSize;

    public CaffeineFlowTable(long maxFlows, Duration idleTimeout, CaptureClock clock, Consumer<Flow> finished) {
        this.finished = finished;
        this.flows = Caffeine.newBuilder()
                .maximumSize(maxFlows)
                .expireAfterAccess(idleTimeout)
                .ticker(clock)
                .executor(Runnable::run)
                .<FlowKey, Flow>removalListener((key, flow, cause) -> {
                    if (flow == null || cause == RemovalCause.EXPLICIT || cause == RemovalCause.REPLACED) {
                        return;
                    }
                    if (cause == RemovalCause.EXPIRED) {
                        evictedIdle++;
                    } else {
                        evictedSize++;
                    }
                    finished.accept(flow);
                })
                .build();
    }

    @Override
    public Flow lookup(DecodedPacket d) {
        FlowKey key = FlowKey.of(d);
        Flow flow = flows.getIfPresent(key);
        lastFromA = flow == null ? key.isFromA(d.src, d.addressLength(), d.srcPort) : flow.key().isFromA(d.src, d.addressLength(), d.srcPort);
        return flow;
    }

    private boolean lastFromA;

    @Override
    public boolean lastFromA() {
        return lastFromA;
    }

    @Override
    public Flow get(FlowKey key) {
        return flows.getIfPresent(key);
    }

    @Override
    public void put(Flow flow) {
        flows.put(flow.key(), flow);
    }

    /** Ends a flow now (a TCP connection reopened on the same ports) and hands it on. */
    @Override
    public void finish(Flow flow) {
        flows.invalidate(flow.key());
        finished.accept(flow);
    }

    /** Runs pending expiry work; called periodically so idle flows leave even when no key is touched. */
    @Override
    public void cleanUp() {
        flows.cleanUp();
    }

    /** Hands every remaining flow on, oldest first, and empties the table (end of input). */
    @Override
    public void drain() {
        flows.cleanUp();
        List<Flow> rest = new ArrayList<>(flows.asMap().values());
        flows.asMap().clear();
        rest.sort(Comparator.comparingLong(Flow::firstSeenNanos));
        rest.forEach(finished);
    }

    @Override
    public long size() {
        return flows.estimatedSize();
    }

    @Override
    public void forEach(Consumer<Flow> action) {
        flows.asMap().values().forEach(action);
    }

    @Override
    public long evictedIdle() {
        return evictedIdle;
    }

    @Override
    public long evictedSize() {
        return evictedSize;
    }
}
