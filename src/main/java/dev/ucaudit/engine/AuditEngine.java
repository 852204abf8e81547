package dev.ucaudit.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import dev.ucaudit.audit.AuditListener;
import dev.ucaudit.audit.AuditResult;
import dev.ucaudit.audit.Auditor;
import dev.ucaudit.audit.Classifier;
import dev.ucaudit.audit.FindingListener;
import java.time.Duration;
import dev.ucaudit.inspect.FlowInspection;
import dev.ucaudit.audit.RunCounts;
import dev.ucaudit.inspect.SignallingInspection;
import dev.ucaudit.audit.UnusedOpenings;
import dev.ucaudit.audit.Verdict;
import dev.ucaudit.capture.CaptureException;
import dev.ucaudit.packet.CaptureProblem;
import dev.ucaudit.packet.PacketSink;
import dev.ucaudit.packet.RawPacket;
import dev.ucaudit.capture.PacketSource;
import dev.ucaudit.flow.FlowTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /** An input to read: its name and how to open it. */
    public record Input(String name, Opener opener) {
    }

    private final AuditConfig config;
    private final Auditor auditor;
    private final AuditListener listener;
    private final EngineSink sink;
    /** Set once inputs were read through {@link #readPipelined}: its upkeep count goes on to {@link #finish()}. */
    private Replay replay;

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
        this.listener = listener;
        AuditSettings settings = config.settings();
        this.auditor = new Auditor(new Classifier(config.catalog(), config.inventory()),
                wrapInspection.apply(inspection(config, maintenance)), newResult(), settings.maxFlows(), settings.idleTimeout(),
                listener, FlowTable.Kind.INTRUSIVE, settings.decapsulation());
        this.sink = new AuditorSink(auditor);
    }

    /** The signalling inspection a config asks for: none when inspection is off. */
    static FlowInspection inspection(AuditConfig config, Executor maintenance) {
        AuditSettings settings = config.settings();
        return settings.inspection()
                ? new SignallingInspection(config.catalog(), config.inventory(), settings.pinholeLifetime(), settings.probing(), maintenance)
                : FlowInspection.NONE;
    }

    private AuditResult newResult() {
        AuditSettings settings = config.settings();
        return new AuditResult(settings.maxFlowRows(), settings.listScanFlows(), settings.maxConversations());
    }

    public AuditConfig config() {
        return config;
    }

    /**
     * A live run's findings as they become known ({@link Auditor#watchFindings}): each undocumented flow once
     * it is {@code after} old or ended, each scan once recognized. The reports are the same with or without.
     */
    public void watchFindings(FindingListener listener, Duration after) {
        auditor.watchFindings(listener, after);
    }

    /** Where packets go when the caller drives a source itself (a live capture loop). */
    public EngineSink sink() {
        return sink;
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

    /**
     * Reads inputs as {@link #read} does one after the other, with the same outcome, but with reading
     * and decoding on the caller's {@code executor} ({@code readersAhead} inputs at a time, each at
     * most a few blocks of packets ahead) while the calling thread runs flows, inspection and
     * classification. The executor must run at least {@code readersAhead} tasks at once; the engine
     * starts no thread of its own. {@code decorate} runs on the reading threads.
     *
     * @return per input, false when it could not be read at all
     */
    public List<Boolean> readPipelined(List<Input> inputs, Executor executor, int readersAhead,
                                       BiFunction<PacketSource, PacketSink, PacketSink> decorate) {
        return readPipelined(inputs, executor, readersAhead, decorate, null);
    }

    /**
     * As {@link #readPipelined(List, Executor, int, BiFunction)}, and writes what was read to {@code
     * partialOut} as a partial audit ({@link PartialAudit#write}'s form; input i has sequence i), so
     * that it can later be merged with others ({@code ucaudit merge}): its parts keep this order and come
     * before or after another run's by the name of each run's first input. The stream is not closed.
     */
    public List<Boolean> readPipelined(List<Input> inputs, Executor executor, int readersAhead,
                                       BiFunction<PacketSource, PacketSink, PacketSink> decorate,
                                       OutputStream partialOut) {
        try {
            PartialAuditFormat.Writer writer = partialOut == null ? null : new PartialAuditFormat.Writer(partialOut, RecordedOptions.of(config));
            List<Boolean> opened = new PipelinedRead(config, listener, auditor, replayer(), writer)
                    .read(inputs, executor, readersAhead, decorate);
            if (writer != null) {
                writer.finish();
            }
            return opened;
        } catch (IOException e) {
            throw new UncheckedIOException("writing the partial audit: " + e.getMessage(), e);
        }
    }

    public boolean read(PacketSource source) {
        return read(source.name(), () -> source, (s, sink) -> sink);
    }

    /** What was read so far (inputs, packets, problems), as a snapshot. */
    public RunCounts stats() {
        return auditor.stats().counts();
    }

    /** End of input: every open flow is classified, and the outcome is complete. */
    public AuditOutcome finish() {
        if (replay != null) {
            replay.end();
        }
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

    /**
     * Phase one of a split audit: reads one input (or part of one) into a {@link PartialAudit}
     * without classifying anything. Inputs failing to open are counted, as {@link #read} does.
     *
     * @param sequence orders this input among the others in {@link PartialAudit#merge}: the merged
     *                 whole is classified as one run reading the inputs in (sequence, name) order
     */
    public static PartialAudit collect(AuditConfig config, AuditListener listener, long sequence, String name,
                                       Opener opener) {
        return collect(config, listener, "", sequence, name, opener);
    }

    /**
     * {@link #collect(AuditConfig, AuditListener, long, String, Opener)} of one input of a run read
     * apart (the spark command's tasks): {@code runName} names the run as {@code audit --partial} does (its
     * first input's name), so that its parts keep together, in sequence, when merged with other runs'.
     */
    public static PartialAudit collect(AuditConfig config, AuditListener listener, String runName, long sequence, String name,
                                       Opener opener) {
        return new PhaseOne(config).collect(listener, runName, sequence, name, opener);
    }

    /**
     * Phase one of one input, wherever the recorder's blocks go ({@link #collect} keeps them, {@link
     * PipelinedRead} hands them to the analysis thread): the input is counted, read through {@code
     * decorate} into the recorder, and the recorder flushed. An input that cannot be opened or read at
     * all is counted in the part's statistics; its message is returned (null when it was read).
     */
    static String record(PartialRecorder recorder, Input input, BiFunction<PacketSource, PacketSink, PacketSink> decorate) {
        String openError = null;
        recorder.stats().input(input.name());
        try (PacketSource source = input.opener().open()) {
            source.run(decorate.apply(source, recorder));
        } catch (CaptureException e) {
            openError = e.getMessage();
            recorder.inputFailed(input.name(), openError);
        }
        recorder.flush();
        return openError;
    }

    /**
     * Phase two: classifies a merged whole. The parts' packets are replayed in their order through
     * one flow table, inspection and classifier, so the outcome equals that of one engine reading the
     * parts' inputs in that order (docs/engine.md, "Merges"). Problems were told when the parts were
     * read; {@code listener} hears none again.
     */
    public static AuditOutcome classify(AuditConfig config, AuditListener listener, PartialAudit whole) {
        AuditEngine engine = new AuditEngine(config, listener);
        engine.replay(whole);
        return engine.finish();
    }

    /**
     * Reads a merged whole into this engine, as if its parts' inputs were read here one after the
     * other (their counts are added to {@link #stats()}); {@link #finish()} then classifies.
     */
    public void replay(PartialAudit whole) {
        for (PartialAudit.Part p : whole.parts()) {
            replay(p);
        }
    }

    /** One part, after the parts replayed before it ({@link ArrivalReplay} feeds parts as they arrive). */
    void replay(PartialAudit.Part p) {
        Replay into = replayer();
        into.part(p.name(), p.blocks(), p.runs());
        into.endPart(p.stats().packets);
        auditor.stats().add(p.stats());
    }

    /** The replay of recorded packets into this engine, made at first use: packets read directly before count for the upkeep. */
    private Replay replayer() {
        if (replay == null) {
            replay = new Replay(auditor);
            replay.startAfter(auditor.stats().packets);
        }
        return replay;
    }

    private AuditOutcome outcome() {
        AuditResult result = auditor.result();
        return new AuditOutcome(result, auditor.stats().counts(), UnusedOpenings.find(config.catalog(), config.inventory(), result),
                auditor.inspection().stats(), auditor.flowsEvictedIdle(), auditor.flowsEvictedSize());
    }

    /** The engine's sink: the auditor behind it, seen through {@link EngineSink} only. */
    private record AuditorSink(Auditor auditor) implements EngineSink {
        @Override
        public void packet(RawPacket packet) {
            auditor.packet(packet);
        }

        @Override
        public void problem(CaptureProblem problem) {
            auditor.problem(problem);
        }

        @Override
        public void advanceClock(long captureNanos) {
            auditor.advanceClock(captureNanos);
        }

        @Override
        public long flowsSeen() {
            return auditor.flowsSeen();
        }

        @Override
        public long flowsClassified(Verdict verdict) {
            return auditor.classified(verdict);
        }

        @Override
        public long flowsHeld() {
            return auditor.flowsHeld();
        }

        @Override
        public Map<String, Long> inspectionHeld() {
            return auditor.inspection().held();
        }
    }
}
