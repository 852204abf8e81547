package dev.ucaudit.flow;

import dev.ucaudit.decode.DecodedPacket;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The live flows of a run, bounded in number and in idle time (measured on capture time). A flow
 * that leaves the table — idle, pushed out by size, or closed and reopened — is handed to the
 * {@code finished} consumer, so that evicted flows still reach the report.
 */
public interface FlowTable {
    /** Which implementation: {@link IntrusiveFlowTable} (default) or the Caffeine reference. */
    enum Kind { INTRUSIVE, CAFFEINE }

    static FlowTable create(Kind kind, long maxFlows, Duration idleTimeout, CaptureClock clock, Consumer<Flow> finished) {
        return kind == Kind.CAFFEINE ? new CaffeineFlowTable(maxFlows, idleTimeout, clock, finished)
                : new IntrusiveFlowTable(maxFlows, idleTimeout, clock, finished);
    }

    /**
     * The flow of a decoded packet (its key taken from the packet's addresses and ports), or null;
     * counts as an access for idle expiry. Afterwards {@link #lastFromA()} says the packet's side.
     */
    Flow lookup(DecodedPacket d);

    /** After {@link #lookup}: true when the packet travels from side A of its (found or future) key. */
    boolean lastFromA();

    /** The flow of a key, or null; counts as an access. */
    Flow get(FlowKey key);

    /** Adds a new flow (no flow of the same key may be in the table). */
    void put(Flow flow);

    /** Ends a flow now (a TCP connection reopened on the same ports) and hands it on. */
    void finish(Flow flow);

    /** Runs pending expiry work; called periodically so idle flows leave even when no key is touched. */
    void cleanUp();

    /** Hands every remaining flow on, oldest first, and empties the table (end of input). */
    void drain();

    long size();

    /** Each flow in the table, least recently seen first (not an access; the table must not change meanwhile). */
    void forEach(Consumer<Flow> action);

    long evictedIdle();

    long evictedSize();
}
