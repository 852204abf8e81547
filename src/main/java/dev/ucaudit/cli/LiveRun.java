package dev.ucaudit.cli;

import dev.ucaudit.report.SummaryKeys;
import dev.ucaudit.text.Printable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Reader;
import java.nio.file.DirectoryStream;
import java.time.DateTimeException;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import dev.ucaudit.audit.UnusedOpening;
import dev.ucaudit.packet.CaptureProblem;
import dev.ucaudit.packet.PacketSink;
import dev.ucaudit.packet.RawPacket;
import dev.ucaudit.capture.live.LivePacketSource;
import dev.ucaudit.engine.TcpGapEstimator;
import dev.ucaudit.report.CsvReports;
import dev.ucaudit.report.Times;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The observation windows of one live run. Without rotation there is one window, written to
 * {@code --out} at the end. With rotation each period is finished into {@code --out/<start time>/}
 * by the analysis thread when capture time (packet timestamps, or the idle clock when none come)
 * reaches the period's boundary; flows open at the boundary are reported with the period's packets
 * and go on into the next period (one session, one flow table for the whole run), and
 * {@code cumulative-unused.csv} and {@code latest} are brought up to date. Each window's
 * summary.json carries its capture figures under "capture" (and the run's totals so far).
 */
final class LiveRun {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /**
     * How long after the last packet the idle clock starts moving: packets read by libpcap but not yet
     * handed over (its read timeout, the queue's partial block) must not arrive behind the clock.
     */
    static final long IDLE_MARGIN_NANOS = 1_000_000_000L;

    private final Supplier<AuditSession> sessions;
    private final TcpGapEstimator estimator;
    private final Path outDir;
    private final Duration rotate;
    private final PrintWriter out;
    private final PrintWriter err;
    private LivePacketSource source;
    private volatile AuditSession session;
    private long runStartNanos = Long.MIN_VALUE;
    private long windowStartNanos;
    private long nextBoundaryNanos = Long.MAX_VALUE;
    /** The latest packet timestamp analysed, and at which wall time (System.nanoTime) a tick first saw it. */
    private long lastPacketNanos = Long.MIN_VALUE;
    private long tickSawPacketNanos = Long.MIN_VALUE;
    private long tickSawPacketAtWall;
    private boolean ticked;
    private LivePacketSource.Stats windowStartStats = LivePacketSource.Stats.ZERO;
    private TcpGapEstimator.Snapshot windowStartLoss = TcpGapEstimator.Snapshot.ZERO;
    private Set<UnusedOpening> cumulativeUnused;
    private int worstStatus;
    private int windows;
    /** --partial: the interface the partials name as their input (null without), and the run's recorder. */
    private String partialInput;
    private LivePartials partials;

    LiveRun(Supplier<AuditSession> sessions, TcpGapEstimator estimator, Path outDir, Duration rotate,
            PrintWriter out, PrintWriter err) {
        this.sessions = sessions;
        this.estimator = estimator;
        this.outDir = outDir;
        this.rotate = rotate;
        this.out = out;
        this.err = err;
    }

    void attach(LivePacketSource source) {
        this.source = source;
    }

    /** live --keep / --keep-days. */
    Retention retention = Retention.ALL;

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
            if (partialInput != null) {
                // the run's name in its partials: runs merge in the order they started, then by interface
                partials = new LivePartials(session.engine.config(), Times.iso(nowMillis * 1_000_000L) + " " + partialInput,
                        partialInput, err);
            }
        }
        beginWindow(nowMillis * 1_000_000L);
    }

    private void beginWindow(long startNanos) {
        if (runStartNanos == Long.MIN_VALUE) {
            runStartNanos = startNanos;
        }
        windowStartNanos = startNanos;
        if (rotate != null) {
            long p = rotate.toNanos();
            nextBoundaryNanos = Math.floorDiv(startNanos, p) * p + p;
        }
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
                if (t >= nextBoundaryNanos) {
                    rotateUpTo(t);
                }
                if (t > lastPacketNanos) {
                    lastPacketNanos = t;
                }
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
     * Analysis thread, between batches ({@code wallNanos}: System.nanoTime). Once no packet came for
     * {@link #IDLE_MARGIN_NANOS}, capture time is taken to run on with the wall clock from the last
     * packet: idle flows and pinholes expire and periods end even when the network is quiet.
     */
    void tick(long wallNanos) {
        if (!ticked || lastPacketNanos != tickSawPacketNanos) {
            ticked = true;
            tickSawPacketNanos = lastPacketNanos;
            tickSawPacketAtWall = wallNanos;
            return;
        }
        long idle = wallNanos - tickSawPacketAtWall - IDLE_MARGIN_NANOS;
        if (idle <= 0) {
            return;
        }
        long captureNow = lastPacketNanos == Long.MIN_VALUE ? System.currentTimeMillis() * 1_000_000L - IDLE_MARGIN_NANOS
                : lastPacketNanos + idle;
        advanceTo(captureNow);
    }

    /** Capture time is {@code captureNanos} though no packet says so: expiry runs, ended periods are written. */
    void advanceTo(long captureNanos) {
        if (lastPacketNanos != Long.MIN_VALUE) {
            session.sink.advanceClock(captureNanos);
        }
        rotateUpTo(captureNanos);
    }

    /**
     * Writes the periods that ended by {@code captureNanos}: an empty one too (nothing was seen then),
     * as the idle clock crosses each boundary in turn. A jump of capture time over whole periods (a
     * capture clock set forward) skips the periods it jumped over rather than writing each empty.
     */
    private void rotateUpTo(long captureNanos) {
        while (captureNanos >= nextBoundaryNanos) {
            long end = nextBoundaryNanos;
            long p = rotate.toNanos();
            long next = captureNanos - end >= p ? Math.floorDiv(captureNanos, p) * p : end;
            if (source != null) {
                source.sampleStats();
            }
            try {
                closeWindow(end, false);
            } catch (IOException e) {
                err.println("ucaudit: the report for the period that just ended could not be written: " + Printable.escape(e.getMessage())
                        + "; capture goes on (check free space and permissions of " + outDir + ")");
                err.flush();
                worstStatus = 2;
            }
            beginWindow(next);
        }
    }

    /** After the capture ended and every packet was analysed: writes the last window. */
    int finish(long nowMillis) throws IOException {
        long end = Math.max(nowMillis * 1_000_000L, lastPacketNanos);
        if (rotate != null) {
            end = Math.min(end, nextBoundaryNanos);
        }
        closeWindow(end, true);
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
        LivePacketSource.Stats stats = source == null ? LivePacketSource.Stats.ZERO : source.stats();
        TcpGapEstimator.Snapshot loss = estimator.snapshot();
        Map<String, Object> capture = new LinkedHashMap<>();
        if (source != null) {
            capture.put("interface", source.name());
            capture.put("capture_engine", source.engine().label());
            capture.put("link_type", source.linkType());
            capture.put("snaplen", source.config().snaplen());
            capture.put("buffer_bytes", source.config().bufferBytes());
            capture.put("queue_bytes", source.queueBytes());
            capture.put("promiscuous", source.config().promiscuous());
            capture.put("filter", source.config().filter() == null ? "" : source.config().filter());
        }
        capture.put("rotate", rotate == null ? "" : Durations.format(rotate));
        capture.put("started_at", Times.iso(windowStartNanos));
        capture.put(SummaryKeys.ENDED_AT, Times.iso(endNanos));
        capture.putAll(figures(stats.minus(windowStartStats), loss.minus(windowStartLoss)));
        capture.put("held", held());
        if (rotate != null) {
            Map<String, Object> total = new LinkedHashMap<>();
            total.put("started_at", Times.iso(runStartNanos));
            total.putAll(figures(stats, loss));
            capture.put("since_start", total);
        }
        Path dir = rotate == null ? outDir : windowFolder(windowStartNanos / 1_000_000L);
        if (partials != null) {
            session.partialFile = partials.end(dir);
            if (session.partialFile == null) {
                worstStatus = 2; // asked for, and that period cannot be merged
            }
        }
        int status;
        try {
            status = last ? session.finishAndWrite("live", dir, capture, out, err)
                    : session.cutAndWrite("live", dir, capture, out, err);
        } finally {
            LivePartials.deleteQuietly(session.partialFile); // not moved into a report that failed to be written
            session.partialFile = null;
        }
        worstStatus = Math.max(worstStatus, status);
        windows++;
        if (rotate != null) {
            if (cumulativeUnused == null) {
                cumulativeUnused = new LinkedHashSet<>(session.lastUnused);
            } else {
                cumulativeUnused.retainAll(Set.copyOf(session.lastUnused));
            }
            CsvReports.writeUnused(outDir.resolve("cumulative-unused.csv"), new ArrayList<>(cumulativeUnused));
            pointLatest(dir);
            retention.prune(outDir);
        }
        windowStartStats = stats;
        windowStartLoss = loss;
    }

    private static Map<String, Object> figures(LivePacketSource.Stats s, TcpGapEstimator.Snapshot loss) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("packets_received_by_filter", s.pcap().received());
        m.put("packets_dropped_by_kernel", s.pcap().dropped());
        m.put("packets_dropped_by_interface", s.pcap().ifDropped());
        m.put("packets_captured", s.captured());
        m.put("packets_dropped_by_ucaudit", s.droppedByUcaudit());
        m.put("packets_analysed", s.analysed());
        Map<String, Object> upstream = new LinkedHashMap<>();
        upstream.put("method", "TCP ACKs acknowledging data the capture never saw (as Zeek capture-loss)");
        upstream.put("acks", loss.acks());
        upstream.put("gaps", loss.gaps());
        upstream.put("gap_bytes", loss.gapBytes());
        upstream.put("percent", Math.round(loss.percent() * 1000) / 1000.0);
        m.put("upstream_loss", upstream);
        return m;
    }

    private Path windowFolder(long startMillis) {
        DateTimeFormatter f = rotate.toMillis() % 60_000 == 0 ? MINUTES : SECONDS;
        String base = f.format(Instant.ofEpochMilli(startMillis));
        Path dir = outDir.resolve(base);
        for (int i = 2; Files.exists(dir.resolve(SummaryKeys.FILE)); i++) {
            dir = outDir.resolve(base + "-" + i); // a restarted run must not overwrite a finished period
        }
        return dir;
    }

    private static final Pattern PERIOD_NAME =
            Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d{4}(\\d\\d)?Z(-\\d+)?");

    /**
     * A run started into an {@code --out} that already holds periods (a restart after SIGTERM, a crash,
     * a reboot) goes on beside them, and says where the earlier reports end: the traffic from then
     * until now (the period in progress when the earlier run died, and the time no run captured) is
     * in no report. Folders without summary.json (a run killed while writing) are named as incomplete.
     */
    void announceContinuation(long nowMillis) {
        if (rotate == null || !Files.isDirectory(outDir)) {
            return;
        }
        int complete = 0;
        String lastName = null;
        Instant lastEnd = null;
        List<String> incomplete = new ArrayList<>();
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(outDir)) {
            for (Path p : folders) {
                String name = p.getFileName().toString();
                if (!PERIOD_NAME.matcher(name).matches() || Files.isSymbolicLink(p) || !Files.isDirectory(p)) {
                    continue;
                }
                Path summary = p.resolve(SummaryKeys.FILE);
                if (!Files.isRegularFile(summary)) {
                    incomplete.add(name);
                    continue;
                }
                complete++;
                Instant end = endedAt(summary);
                if (end != null && (lastEnd == null || end.isAfter(lastEnd))) {
                    lastEnd = end;
                    lastName = name;
                }
            }
        } catch (IOException e) {
            return; // the first period's write says what is wrong with --out
        }
        if (complete == 0 && incomplete.isEmpty()) {
            return;
        }
        cumulativeUnused = readCumulativeUnused(outDir.resolve("cumulative-unused.csv"));
        StringBuilder sb = new StringBuilder("ucaudit: ").append(outDir).append(" already holds ").append(complete)
                .append(complete == 1 ? " period report" : " period reports");
        if (lastEnd != null) {
            Duration gap = Duration.ofMillis(Math.max(0, nowMillis - lastEnd.toEpochMilli()));
            sb.append(", the last (").append(lastName).append(") up to ").append(lastEnd)
                    .append("; this run continues after it: the traffic from then until now (").append(Durations.format(gap))
                    .append(") is in no report");
        }
        if (!incomplete.isEmpty()) {
            sb.append("; incomplete, without summary.json (an earlier run stopped while writing): ")
                    .append(String.join(", ", incomplete));
        }
        err.println(sb);
        err.flush();
    }

    /** The earlier run's cumulative-unused.csv, so that the restarted run narrows it further; null when unreadable. */
    private static Set<UnusedOpening> readCumulativeUnused(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (Reader r = Files.newBufferedReader(file);
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader()
                     .setSkipHeaderRecord(true).build().parse(r)) {
            Set<UnusedOpening> rows = new LinkedHashSet<>();
            for (CSVRecord rec : csv) {
                rows.add(new UnusedOpening(rec.get("rule"), rec.get("protocol"), rec.get("ports"), rec.get("source_role"),
                        rec.get("destination_role"), rec.get("destination"), rec.get("destination_name"), rec.get("purpose")));
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            return null; // not ours or damaged: the cumulative view starts again with this run
        }
    }

    private static Instant endedAt(Path summary) {
        try {
            JsonNode end = new ObjectMapper()
                    .readTree(summary.toFile()).path(SummaryKeys.CAPTURE).path(SummaryKeys.ENDED_AT);
            return end.isTextual() ? Instant.parse(end.asText()) : null;
        } catch (IOException | DateTimeException e) {
            return null;
        }
    }

    /** {@code --out/latest}: a symbolic link to the newest folder, else a file holding its name. */
    private void pointLatest(Path dir) throws IOException {
        Path latest = outDir.resolve("latest");
        Path tmp = outDir.resolve(".latest.tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createSymbolicLink(tmp, dir.getFileName());
        } catch (IOException | UnsupportedOperationException e) {
            Files.writeString(tmp, dir.getFileName() + "\n");
        }
        if (Files.isDirectory(latest, LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(tmp);
            return; // a real folder named latest: leave it alone
        }
        Files.move(tmp, latest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The run's figures as tcpdump prints them on exit, plus ucaudit's own. */
    void printStats(PrintWriter w) {
        LivePacketSource.Stats s = source == null ? LivePacketSource.Stats.ZERO : source.stats();
        TcpGapEstimator.Snapshot loss = estimator.snapshot();
        w.printf(Locale.ROOT, "%d packets captured%n", s.captured());
        w.printf(Locale.ROOT, "%d packets received by filter%n", s.pcap().received());
        w.printf(Locale.ROOT, "%d packets dropped by kernel%n", s.pcap().dropped());
        w.printf(Locale.ROOT, "%d packets dropped by interface%n", s.pcap().ifDropped());
        w.printf(Locale.ROOT, "%d packets dropped by ucaudit (analysis could not keep up)%n", s.droppedByUcaudit());
        w.printf(Locale.ROOT, "%.3f%% estimated loss upstream of the capture (%d of %d TCP ACKs acknowledged data never seen)%n",
                loss.percent(), loss.gaps(), loss.acks());
        if (rotate != null) {
            w.printf(Locale.ROOT, "%d report folders in %s%n", windows, outDir);
        }
        w.flush();
    }
}
