package dev.ucaudit.engine;

import dev.ucaudit.audit.Verdict;
import dev.ucaudit.packet.PacketSink;
import java.util.Map;

/**
 * Where a caller that drives a packet source itself (a live capture loop, a progress display) hands
 * the engine its packets, and what it may read meanwhile: the engine's own face, not the audit's
 * classes behind it.
 */
public interface EngineSink extends PacketSink {
    /** Capture time moved on without a packet (a quiet interface): flows idle for longer end. */
    void advanceClock(long captureNanos);

    /** Flows seen so far, ended or open. */
    long flowsSeen();

    /** Flows classified with {@code verdict} since the run started (each period a flow was reported in counts). */
    long flowsClassified(Verdict verdict);

    /** Flows open now. */
    long flowsHeld();

    /** What the signalling inspection holds now (pinholes, streams, bytes), by name. */
    Map<String, Long> inspectionHeld();
}
