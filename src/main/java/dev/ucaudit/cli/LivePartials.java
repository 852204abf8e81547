package dev.ucaudit.cli;

import java.nio.file.FileSystemException;
import dev.ucaudit.audit.AuditListener;
import dev.ucaudit.packet.CaptureProblem;
import dev.ucaudit.packet.PacketSink;
import dev.ucaudit.packet.RawPacket;
import dev.ucaudit.engine.AuditConfig;
import dev.ucaudit.engine.PartialStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code live --partial}: the packets of each period recorded as a partial audit ({@link PartialStream},
 * one part per period: run name = the run, sequence = the period's number) into a hidden file beside the
 * period's report, which the report takes as partial.bin.gz. A file that cannot be written costs
 * that period its partial.bin.gz, said on standard error, never the capture. Used from the analysis thread.
 */
final class LivePartials implements PacketSink {
    private final PartialStream stream;
    private final PrintWriter err;
    /** The period's file and its stream; null between periods or when the file could not be created. */
    private Path file;
    private FailSoftOutput out;
    private IOException failedToCreate;

    /**
     * @param runName names the run: its start time in UTC (ISO-8601, milliseconds) then the interface, so
     *              that a merge reads runs in the order they started and each run's periods in order
     * @param input the interface, as the run's reports name their input
     */
    LivePartials(AuditConfig config, String runName, String input, PrintWriter err) {
        this.stream = new PartialStream(config, AuditListener.SILENT, runName, input);
        this.err = err;
    }

    /**
     * Starts recording a period into a new hidden file in {@code folder} (where the period's report is
     * written): named after {@code report} ({@code .NAME.ucaudit-partial-*.tmp}, removed by the next run of
     * that report if this one is killed), or {@code .ucaudit-partial-*.tmp} in --rotate's folder when null.
     */
    void start(Path folder, Path report) {
        failedToCreate = null;
        try {
            Path in = Files.createDirectories(folder); // the first report creates --out too
            file = report == null ? PartialFiles.temporaryIn(in) : PartialFiles.temporaryIn(in, PartialFiles.prefixFor(report));
            out = new FailSoftOutput(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
            stream.startPeriod(out);
        } catch (IOException e) {
            discard();
            failedToCreate = e;
        }
    }

    @Override
    public void packet(RawPacket raw) {
        if (out != null) {
            stream.packet(raw);
        }
    }

    @Override
    public void problem(CaptureProblem problem) {
        if (out != null) {
            stream.problem(problem);
        }
    }

    /**
     * Ends the period. Returns the file to move into {@code report} as partial.bin.gz, or null when it
     * could not be written (said on standard error: {@code ucaudit merge} cannot use that period).
     */
    Path end(Path report) {
        IOException failure = failedToCreate;
        if (out != null) {
            try {
                stream.endPeriod();
            } catch (IOException e) {
                out.failed(e);
            }
            out.close();
            failure = out.failure;
        }
        Path done = file;
        file = null;
        out = null;
        if (failure != null) {
            deleteQuietly(done);
            String why = failure instanceof FileSystemException fse ? ErrorHandler.describe(fse) : failure.getMessage();
            err.println("ucaudit: " + report.resolve(AuditSession.PARTIAL) + " could not be written (" + why
                    + "): that period cannot be merged; capture goes on");
            err.flush();
            return null;
        }
        return done;
    }

    /** Drops the period in progress and its file (the run ends without writing it: capture failed to start). */
    void discard() {
        if (out != null) {
            out.close();
        }
        deleteQuietly(file);
        file = null;
        out = null;
    }

    static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a hidden .ucaudit-partial-*.tmp left behind; nothing reads it
            }
        }
    }

    /** Writes until the first failure (a full disk), then drops the rest: the period goes on, its file is discarded. */
    private static final class FailSoftOutput extends OutputStream {
        private final OutputStream target;
        private IOException failure;

        FailSoftOutput(OutputStream target) {
            this.target = target;
        }

        void failed(IOException e) {
            if (failure == null) {
                failure = e;
            }
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (failure == null) {
                try {
                    target.write(b, off, len);
                } catch (IOException e) {
                    failed(e);
                }
            }
        }

        @Override
        public void flush() {
            if (failure == null) {
                try {
                    target.flush();
                } catch (IOException e) {
                    failed(e);
                }
            }
        }

        @Override
        public void close() {
            try {
                target.close();
            } catch (IOException e) {
                failed(e);
            }
        }
    }
}
