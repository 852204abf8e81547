package dev.ucaudit.engine;

import dev.ucaudit.audit.AuditListener;
import java.util.ArrayList;
import java.util.List;

/**
 * Phase one of split audits with one configuration ({@link AuditEngine#collect}), with what it needs worked
 * out once (the ports whose frames are kept: tens of milliseconds) for many inputs: a Spark executor's tasks
 * share one. Immutable: inputs may be collected from several threads at once.
 */
public final class PhaseOne {
    private final AuditConfig config;
    private final InspectedPorts inspected;

    public PhaseOne(AuditConfig config) {
        this.config = config;
        this.inspected = InspectedPorts.of(config);
    }

    public AuditConfig config() {
        return config;
    }

    /** {@link AuditEngine#collect(AuditConfig, AuditListener, String, long, String, AuditEngine.Opener)} with this configuration. */
    public PartialAudit collect(AuditListener listener, String runName, long sequence, String name, AuditEngine.Opener opener) {
        List<PacketBlock> blocks = new ArrayList<>();
        PartialRecorder recorder = new PartialRecorder(config, inspected, listener, b -> blocks.add(b.trimmed()));
        AuditEngine.record(recorder, new AuditEngine.Input(name, opener), (source, sink) -> sink);
        return new PartialAudit(List.of(new PartialAudit.Part(runName, sequence, name, recorder.stats(), blocks, recorder.runs())),
                RecordedOptions.of(config));
    }
}
