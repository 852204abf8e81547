package dev.ucaudit.engine;

import dev.ucaudit.audit.AuditListener;
import dev.ucaudit.audit.AuditResult;
import dev.ucaudit.audit.Auditor;
import dev.ucaudit.audit.Classifier;
import dev.ucaudit.audit.FlowInspection;
import dev.ucaudit.audit.RunStats;
import dev.ucaudit.audit.SignallingInspection;
import dev.ucaudit.audit.UnusedOpenings;
import dev.ucaudit.capture.CaptureException;
import dev.ucaudit.capture.PacketSink;
import dev.ucaudit.capture.PacketSource;
import dev.ucaudit.flow.FlowTable;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * One audit: packets from any {@link PacketSource} (file, stream, live handle) go through decoding,
 * flows and signalling inspection into classified flows; {@link #finish()} yields the outcome. It
 * prints nothing and exits nothing: problems go to the caller's {@link AuditListener}. One engine is
 * used from one thread at a time; it starts no thread: the pinhole table's upkeep runs on the
 * executor the caller gives, by default on the calling thread.
 */
public final class AuditEngine {
    /** Opens an input; may fail when the input cannot be read at all. */
    @FunctionalInterface
    public interface Opener {
        PacketSource open() throws CaptureException;
    }

    private final AuditConfig config;
    private final Auditor auditor;

    public AuditEngine(AuditConfig config, AuditListener listener) {
        this(config, listener, UnaryOperator.identity(), Runnable::run);
    }

    /**
     * @param wrapInspection may decorate the signalling inspection (a live run adds its loss estimate)
     * @param maintenance    runs the pinhole table's upkeep (expiry, eviction): the caller owns it
     */
    public AuditEngine(AuditConfig config, AuditListener listener, UnaryOperator<FlowInspection> wrapInspection,
                       Executor maintenance) {
        this.config = config;
        this.auditor = new Auditor(new Classifier(config.catalog(), config.inventory()),
                wrapInspection.apply(inspection(config, maintenance)), newResult(), config.maxFlows(), config.idleTimeout(),
                listener, FlowTable.Kind.INTRUSIVE, config.decapsulation());
    }

    /** The signalling inspection a config asks for: none when inspection is off. */
    static FlowInspection inspection(AuditConfig config, Executor maintenance) {
        return config.inspection()
                ? new SignallingInspection(config.catalog(), config.inventory(), config.pinholeLifetime(), config.probing(),
                        maintenance)
                : FlowInspection.NONE;
    }

    private AuditResult newResult() {
        return new AuditResult(config.maxFlowRows(), config.listScanFlows(), config.maxConversations());
    }

    public AuditConfig config() {
        return config;
    }

    /** Where packets go when the caller drives a source itself (a live capture loop). */
    public Auditor sink() {
        return auditor;
    }

    /**
     * Reads one whole input named {@code name}. An input that cannot be opened or read at all is
     * counted in the run statistics, told to the listener, and the engine stays usable for the next.
     *
     * @param decorate may put a sink in front of the engine's (a filter, a progress display)
     * @return false when the input could not be read at all
     */
    public boolean read(String name, Opener opener, BiFunction<PacketSource, PacketSink, PacketSink> decorate) {
        auditor.stats().input(name);
        try (PacketSource source = opener.open()) {
            source.run(decorate.apply(source, auditor));
            return true;
        } catch (CaptureException e) {
            auditor.inputFailed(name, e.getMessage());
            return false;
        }
    }

    public boolean read(PacketSource source) {
        return read(source.name(), () -> source, (s, sink) -> sink);
    }

    /** What was read so far (inputs, packets, problems). */
    public RunStats stats() {
        return auditor.stats();
    }

    /** End of input: every open flow is classified, and the outcome is complete. */
    public AuditOutcome finish() {
        auditor.finish();
        return outcome();
    }

    /**
     * Live rotation: the period that ends (with the open flows' packets of the period) is returned, and
     * the next period starts with the flows, pinholes and inspection state kept.
     */
    public AuditOutcome cutPeriod() {
        auditor.cutPeriod();
        AuditOutcome ended = outcome();
        auditor.startPeriod(newResult());
        return ended;
    }

    private AuditOutcome outcome() {
        AuditResult result = auditor.result();
        return new AuditOutcome(result, auditor.stats(), UnusedOpenings.find(config.catalog(), config.inventory(), result),
                auditor.inspection().stats(), auditor.flowsEvictedIdle(), auditor.flowsEvictedSize());
    }
}
