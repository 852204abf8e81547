package dev.ucaudit.engine;

import dev.ucaudit.audit.AuditListener;
import dev.ucaudit.packet.CaptureProblem;
import dev.ucaudit.packet.PacketSink;
import dev.ucaudit.packet.RawPacket;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Records the packets a live run reads as partial audits, one per period: packets go to this sink
 * beside the engine's, and each period's packets are streamed to the period's output as they fill
 * blocks ({@link PartialAudit#write}'s form, one part per period: run name = the run, sequence = the
 * period's number, name = the input). Merging a run's period partials gives the audit of all its
 * packets in one part after the other. Used from one thread.
 */
public final class PartialStream implements PacketSink {
    private final AuditConfig config;
    private final AuditListener listener;
    private final String runName;
    private final String input;
    private final RecordedOptions options;
    private final InspectedPorts inspected;
    private PartialRecorder recorder;
    private PartialAuditFormat.Writer writer;
    private long sequence;

    /**
     * @param listener hears the problems of packets as this stream decodes them again: usually
     *                 {@link AuditListener#SILENT}, the engine's own listener having heard them
     * @param runName  names the run (e.g. interface and start time): it orders this run's periods among other runs'
     */
    public PartialStream(AuditConfig config, AuditListener listener, String runName, String input) {
        this.config = config;
        this.listener = listener;
        this.runName = runName;
        this.input = input;
        this.options = RecordedOptions.of(config);
        this.inspected = InspectedPorts.of(config);
    }

    /** Starts recording a period into {@code out} (not closed by this stream). */
    public void startPeriod(OutputStream out) throws IOException {
        if (writer != null) {
            throw new IllegalStateException("the period before was not ended");
        }
        writer = new PartialAuditFormat.Writer(out, options);
        writer.startPart(runName, sequence++, input);
        recorder = new PartialRecorder(config, inspected, listener, b -> {
            try {
                writer.block(b);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        recorder.stats().input(input);
    }

    /** Ends the period: its last packets and counts are written and the output's gzip stream finished. */
    public void endPeriod() throws IOException {
        recorder.flush();
        writer.endPart(recorder.runs(), recorder.stats());
        writer.finish();
        writer = null;
        recorder = null;
    }

    @Override
    public void packet(RawPacket raw) {
        if (recorder != null) {
            recorder.packet(raw);
        }
    }

    @Override
    public void problem(CaptureProblem p) {
        if (recorder != null) {
            recorder.problem(p);
        }
    }
}
