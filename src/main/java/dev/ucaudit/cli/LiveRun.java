package dev.ucaudit.cli;

import dev.ucaudit.capture.live.LivePacketSource;
import dev.ucaudit.engine.TcpGapEstimator;
import dev.ucaudit.packet.CaptureProblem;
import dev.ucaudit.packet.PacketSink;
import dev.ucaudit.packet.RawPacket;
import dev.ucaudit.report.Times;
import dev.ucaudit.run.live.CumulativeUnused;
import dev.ucaudit.run.live.DropWatch;
import dev.ucaudit.run.live.IdleClock;
import dev.ucaudit.run.live.LiveEvents;
import dev.ucaudit.run.live.PeriodCapture;
import dev.ucaudit.run.live.PeriodClock;
import dev.ucaudit.run.live.PeriodFolders;
import dev.ucaudit.run.live.Retention;
import dev.ucaudit.text.Printable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The observation windows of one live run. Without rotation there is one window, written to
 * {@code --out} at the end. With rotation each period is finished into {@code --out/<start time>/}
 * by the analysis thread when capture time (packet timestamps, or the idle clock when none come)
 * reaches the period's boundary; flows open at the boundary are reported with the period's packets
 * and go on into the next period (one session, one flow table for the whole run), and
 * {@code cumulative-unused.csv} and {@code latest} are brought up to date. Each window's
 * summary.json carries its capture figures under "capture" (and the run's totals so far). The
 * arithmetic of periods, their folders and figures are run.live's; this class joins them to the session.
 */
final class LiveRun {
    static final long IDLE_MARGIN_NANOS = IdleClock.MARGIN_NANOS;
    /** How old (capture time) a flow is when live --events first classifies it, unless it ended before. */
    static final Duration EVENTS_AFTER = Duration.ofSeconds(2);

    private final Supplier<AuditSession> sessions;
    private final Path outDir;
    private final Duration rotate;
    private final PrintWriter out;
    private final PrintWriter err;
    private final PeriodCapture capture;
    private final PeriodClock clock;
    private final IdleClock idle = new IdleClock();
    private final CumulativeUnused cumulative;
    private final DropWatch drops = new DropWatch();
    private volatile AuditSession session;
    private int worstStatus;
    private volatile int windows;
    /** --partial: the interface the partials name as their input (null without), and the run's recorder. */
    private String partialInput;
    private LivePartials partials;
    /** live --events / --syslog: where findings go as they happen (null without). */
    private LiveEvents events;

    LiveRun(Supplier<AuditSession> sessions, TcpGapEstimator estimator, Path outDir, Duration rotate,
            PrintWriter out, PrintWriter err) {
        this.sessions = sessions;
        this.capture = new PeriodCapture(estimator);
        this.outDir = outDir;
        this.rotate = rotate;
        this.clock = new PeriodClock(rotate);
        this.cumulative = new CumulativeUnused(outDir);
        this.out = out;
        this.err = err;
    }

    void attach(LivePacketSource source) {
        capture.attach(source);
    }

    /** live --keep / --keep-days. */
    Retention retention = Retention.ALL;

    /** Findings go to {@code events} as soon as they are known. Before {@link #startWindow}. */
    void tellEvents(LiveEvents events) {
        this.events = events;
    }

    /** Report folders written so far (live --metrics). */
    int periodsWritten() {
        return windows;
    }

    AuditSession session() {
        return session;
    }

    /** --partial: each period's report also gets partial.bin.gz, its packets for {@code ucaudit merge}. Before {@link #startWindow}. */
    void recordPartials(String interfaceName) {
        this.partialInput = interfaceName;
    }

    /** Deletes the partial file of a period that will not be written (capture failed to start, or crashed). */
    void discardPartial() {
        if (partials != null) {
            partials.discard();
        }
    }

    /**
     * Loads the run's session (catalog, inventory: their problems come first) and starts the first
     * period at {@code nowMillis}. Later periods start at the boundaries, in capture time.
     */
    void startWindow(long nowMillis) {
        if (session == null) {
            session = sessions.get();
            if (events != null) {
                session.engine.watchFindings(events, EVENTS_AFTER);
            }
            if (partialInput != null) {
                // the run's name in its partials: runs merge in the order they started, then by interface
                partials = new LivePartials(session.engine.config(), Times.iso(nowMillis * 1_000_000L) + " " + partialInput,
                        partialInput, err);
            }
        }
        beginWindow(nowMillis * 1_000_000L);
    }

    private void beginWindow(long startNanos) {
        clock.begin(startNanos);
        if (partials != null) {
            // beside the report's staging folder, so that the report takes the file by a rename
            partials.start(rotate == null ? outDir.toAbsolutePath().normalize().getParent() : outDir, rotate == null ? outDir : null);
        }
    }

    /**
     * The packets of the run, each analysed in the period its timestamp falls in: a packet at or
     * past the period's end first closes the period (capture time, not the time of analysis).
     */
    PacketSink sink() {
        return new PacketSink() {
            @Override
            public void packet(RawPacket packet) {
                long t = packet.timestampNanos;
                if (clock.ended(t)) {
                    rotateUpTo(t);
                }
                idle.packet(t);
                session.sink.packet(packet);
                if (partials != null) {
                    partials.packet(packet);
                }
            }

            @Override
            public void problem(CaptureProblem problem) {
                session.sink.problem(problem);
                if (partials != null) {
                    partials.problem(problem);
                }
            }
        };
    }

    /**
     * Analysis thread, between batches ({@code wallNanos}: System.nanoTime): the idle clock moves capture
     * time on when the network is quiet ({@link IdleClock}), and drop bursts are told to --events.
     */
    void tick(long wallNanos) {
        if (events != null && capture.source() != null) {
            DropWatch.Burst burst = drops.check(capture.stats(), wallNanos);
            if (burst != null) {
                events.drops(burst, idle.lastPacketNanos() == Long.MIN_VALUE ? System.currentTimeMillis() * 1_000_000L
                        : idle.lastPacketNanos());
            }
        }
        long captureNow = idle.tick(wallNanos, System.currentTimeMillis());
        if (captureNow != Long.MIN_VALUE) {
            advanceTo(captureNow);
        }
    }

    /** Capture time is {@code captureNanos} though no packet says so: expiry runs, ended periods are written. */
    void advanceTo(long captureNanos) {
        if (idle.lastPacketNanos() != Long.MIN_VALUE) {
            session.sink.advanceClock(captureNanos);
        }
        rotateUpTo(captureNanos);
    }

    /**
     * Writes the periods that ended by {@code captureNanos}: an empty one too (nothing was seen then),
     * as the idle clock crosses each boundary in turn; a jump over whole periods skips them.
     */
    private void rotateUpTo(long captureNanos) {
        while (clock.ended(captureNanos)) {
            long end = clock.boundary();
            long next = clock.nextStart(captureNanos);
            if (capture.source() != null) {
                capture.source().sampleStats();
            }
            try {
                closeWindow(end, false);
            } catch (IOException e) {
                err.println("ucaudit: the report for the period that just ended could not be written: " + Printable.escape(e.getMessage())
                        + "; capture goes on (check free space and permissions of " + Printable.escape(outDir.toString()) + ")");
                err.flush();
                worstStatus = 2;
            }
            beginWindow(next);
        }
    }

    /** After the capture ended and every packet was analysed: writes the last window. */
    int finish(long nowMillis) throws IOException {
        closeWindow(clock.lastEnd(Math.max(nowMillis * 1_000_000L, idle.lastPacketNanos())), true);
        return worstStatus;
    }

    /** Flows, pinholes and connection states the run holds now (summary.json "capture"."held"). */
    Map<String, Long> held() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("flows", session.sink.flowsHeld());
        m.putAll(session.sink.inspectionHeld());
        return m;
    }

    private void closeWindow(long endNanos, boolean last) throws IOException {
        Map<String, Object> figures = capture.windowEnded(clock, rotate == null ? "" : Durations.format(rotate), endNanos, held());
        Path dir = rotate == null ? outDir : PeriodFolders.of(outDir, rotate, clock.startNanos() / 1_000_000L);
        if (partials != null) {
            session.partialFile = partials.end(dir);
            if (session.partialFile == null) {
                worstStatus = 2; // asked for, and that period cannot be merged
            }
        }
        int status;
        try {
            status = last ? session.finishAndWrite("live", dir, figures, out, err)
                    : session.cutAndWrite("live", dir, figures, out, err);
        } finally {
            LivePartials.deleteQuietly(session.partialFile); // not moved into a report that failed to be written
            session.partialFile = null;
        }
        worstStatus = Math.max(worstStatus, status);
        windows++;
        if (rotate != null) {
            cumulative.narrow(session.lastUnused);
            PeriodFolders.pointLatest(outDir, dir);
            retention.prune(outDir);
        }
    }

    /**
     * A run started into an {@code --out} that already holds periods (a restart after SIGTERM, a crash,
     * a reboot) goes on beside them, and says where the earlier reports end: the traffic from then
     * until now (the period in progress when the earlier run died, and the time no run captured) is
     * in no report. Folders without summary.json (a run killed while writing) are named as incomplete.
     */
    void announceContinuation(long nowMillis) {
        PeriodFolders.Earlier earlier = rotate == null ? null : PeriodFolders.earlier(outDir);
        if (earlier == null) {
            return;
        }
        cumulative.continueEarlier();
        StringBuilder sb = new StringBuilder("ucaudit: ").append(Printable.escape(outDir.toString())).append(" already holds ")
                .append(earlier.complete()).append(earlier.complete() == 1 ? " period report" : " period reports");
        if (earlier.lastEnd() != null) {
            Duration gap = Duration.ofMillis(Math.max(0, nowMillis - earlier.lastEnd().toEpochMilli()));
            sb.append(", the last (").append(earlier.lastName()).append(") up to ").append(earlier.lastEnd())
                    .append("; this run continues after it: the traffic from then until now (").append(Durations.format(gap))
                    .append(") is in no report");
        }
        if (!earlier.incomplete().isEmpty()) {
            sb.append("; incomplete, without summary.json (an earlier run stopped while writing): ")
                    .append(String.join(", ", earlier.incomplete()));
        }
        err.println(sb);
        err.flush();
    }

    /** The run's figures as tcpdump prints them on exit, plus ucaudit's own. */
    void printStats(PrintWriter w) {
        LivePacketSource.Stats s = capture.stats();
        TcpGapEstimator.Snapshot loss = capture.loss();
        w.printf(Locale.ROOT, "%d packets captured%n", s.captured());
        w.printf(Locale.ROOT, "%d packets received by filter%n", s.pcap().received());
        w.printf(Locale.ROOT, "%d packets dropped by kernel%n", s.pcap().dropped());
        w.printf(Locale.ROOT, "%d packets dropped by interface%n", s.pcap().ifDropped());
        w.printf(Locale.ROOT, "%d packets dropped by ucaudit (analysis could not keep up)%n", s.droppedByUcaudit());
        w.printf(Locale.ROOT, "%.3f%% estimated loss upstream of the capture (%d of %d TCP ACKs acknowledged data never seen)%n",
                loss.percent(), loss.gaps(), loss.acks());
        if (rotate != null) {
            w.printf(Locale.ROOT, "%d report folders in %s%n", windows, Printable.escape(outDir.toString()));
        }
        w.flush();
    }
}
