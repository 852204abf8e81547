package dev.ucaudit.cli;

import dev.ucaudit.audit.UnusedOpening;
import dev.ucaudit.capture.live.LivePacketSource;
import dev.ucaudit.capture.live.TcpGapEstimator;
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
 * by the analysis thread at the period's boundary, a fresh session starts, and
 * {@code cumulative-unused.csv} and {@code latest} are brought up to date. Each window's
 * summary.json carries its capture figures under "capture" (and the run's totals so far).
 */
final class LiveRun {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Supplier<AuditSession> sessions;
    private final TcpGapEstimator estimator;
    private final Path outDir;
    private final Duration rotate;
    private final PrintWriter out;
    private final PrintWriter err;
    private LivePacketSource source;
    private volatile AuditSession session;
    private long runStartMillis = -1;
    private long windowStartMillis;
    private long nextBoundaryMillis = Long.MAX_VALUE;
    private LivePacketSource.Stats windowStartStats = LivePacketSource.Stats.ZERO;
    private TcpGapEstimator.Snapshot windowStartLoss = TcpGapEstimator.Snapshot.ZERO;
    private Set<UnusedOpening> cumulativeUnused;
    private int worstStatus;
    private int windows;

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

    AuditSession session() {
        return session;
    }

    void startWindow(long nowMillis) {
        if (runStartMillis < 0) {
            runStartMillis = nowMillis;
        }
        session = sessions.get();
        windowStartMillis = nowMillis;
        if (rotate != null) {
            long p = rotate.toMillis();
            nextBoundaryMillis = Math.floorDiv(nowMillis, p) * p + p;
        }
    }

    /** Analysis thread, between batches: closes the window when its period is over. */
    void tick(long nowMillis) {
        if (nowMillis < nextBoundaryMillis) {
            return;
        }
        source.sampleStats();
        try {
            closeWindow(nowMillis);
        } catch (IOException e) {
            err.println("ucaudit: the report for the period that just ended could not be written: " + e.getMessage()
                    + "; capture goes on (check free space and permissions of " + outDir + ")");
            err.flush();
            worstStatus = 2;
        }
        startWindow(nowMillis);
    }

    /** After the capture ended and every packet was analysed: writes the last window. */
    int finish(long nowMillis) throws IOException {
        closeWindow(nowMillis);
        return worstStatus;
    }

    private void closeWindow(long nowMillis) throws IOException {
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
        capture.put("started_at", Times.iso(windowStartMillis * 1_000_000L));
        capture.put("ended_at", Times.iso(nowMillis * 1_000_000L));
        capture.putAll(figures(stats.minus(windowStartStats), loss.minus(windowStartLoss)));
        if (rotate != null) {
            Map<String, Object> total = new LinkedHashMap<>();
            total.put("started_at", Times.iso(runStartMillis * 1_000_000L));
            total.putAll(figures(stats, loss));
            capture.put("since_start", total);
        }
        Path dir = rotate == null ? outDir : windowFolder(windowStartMillis);
        int status = session.finishAndWrite("live", dir, capture, out, err);
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
        for (int i = 2; Files.exists(dir.resolve("summary.json")); i++) {
            dir = outDir.resolve(base + "-" + i); // a restarted run must not overwrite a finished period
        }
        return dir;
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
