package dev.ucaudit.run.live;

import dev.ucaudit.capture.live.LivePacketSource;
import dev.ucaudit.engine.TcpGapEstimator;
import dev.ucaudit.report.Times;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The capture's figures of each period of a live run (summary.json's "capture"): the interface and its
 * settings, the period's packets and drops, the upstream loss estimate, and with periods the run's totals.
 */
public final class PeriodCapture {
    private final TcpGapEstimator estimator;
    private LivePacketSource source;
    private LivePacketSource.Stats startStats = LivePacketSource.Stats.ZERO;
    private TcpGapEstimator.Snapshot startLoss = TcpGapEstimator.Snapshot.ZERO;

    public PeriodCapture(TcpGapEstimator estimator) {
        this.estimator = estimator;
    }

    public void attach(LivePacketSource source) {
        this.source = source;
    }

    /** The capture, or null before it opened (tests drive a run from a file). */
    public LivePacketSource source() {
        return source;
    }

    /** The run's counters so far. */
    public LivePacketSource.Stats stats() {
        return source == null ? LivePacketSource.Stats.ZERO : source.stats();
    }

    public TcpGapEstimator.Snapshot loss() {
        return estimator.snapshot();
    }

    /**
     * The "capture" object of the window from {@code clock}'s start to {@code endNanos}; the next window's
     * figures count from here.
     *
     * @param rotate the period as --rotate gave it, empty for one window
     * @param held   flows, pinholes and connection states held now
     */
    public Map<String, Object> windowEnded(PeriodClock clock, String rotate, long endNanos, Map<String, Long> held) {
        LivePacketSource.Stats stats = stats();
        TcpGapEstimator.Snapshot loss = loss();
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
        capture.put("rotate", rotate);
        capture.put("started_at", Times.iso(clock.startNanos()));
        capture.put("ended_at", Times.iso(endNanos));
        capture.putAll(figures(stats.minus(startStats), loss.minus(startLoss)));
        capture.put("held", held);
        if (clock.rotates()) {
            Map<String, Object> total = new LinkedHashMap<>();
            total.put("started_at", Times.iso(clock.runStartNanos()));
            total.putAll(figures(stats, loss));
            capture.put("since_start", total);
        }
        startStats = stats;
        startLoss = loss;
        return capture;
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
}
