package dev.ucaudit.spark;

import dev.ucaudit.audit.AuditListener;
import dev.ucaudit.capture.CaptureException;
import dev.ucaudit.engine.AuditEngine;
import dev.ucaudit.engine.AuditOutcome;
import dev.ucaudit.engine.PartialAudit;
import dev.ucaudit.engine.RecordedOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * A {@code spark --per-site} job: one report per site (each first-level folder under each path, see
 * {@link CaptureListing#listSites}), all sites' files read in one Spark job. Each site's files are numbered
 * in the site's own order and its tasks hold files of that site only, named as that site's own run; so each
 * site's outcome is that of one {@code ucaudit audit} (or {@code spark}) of that site's folder alone. The
 * driver then merges and classifies the sites one after another, handing each outcome to a {@link Sink}
 * before the next site is merged: it holds every site's shipped partials (small: see docs/scale.md) but
 * one site's merged whole at a time.
 */
public final class SiteAudit {
    /** Takes each site's outcome (writes its report) in site-name order. */
    @FunctionalInterface
    public interface Sink {
        void site(String name, SparkAudit.Result result) throws IOException;
    }

    private SiteAudit() {
    }

    /** Runs the job on a Spark context of its own, stopped at the end. */
    public static void run(SparkJob job, SparkAudit.ConfigChoice choice, AuditListener listener, Sink sink)
            throws CaptureException, IOException {
        try (JavaSparkContext sc = new JavaSparkContext(SparkAudit.sparkConf(job))) {
            run(sc, job, choice, listener, sink);
        }
    }

    /**
     * Runs the job on a context the caller owns.
     *
     * @throws CaptureException when a path holds no site folder or a capture outside one, a report's partial audit
     *                          cannot be read, or the reports were recorded with options the chosen config cannot join
     *                          (nothing is audited then)
     */
    public static void run(JavaSparkContext sc, SparkJob job, SparkAudit.ConfigChoice choice, AuditListener listener,
                           Sink sink) throws CaptureException, IOException {
        Configuration hadoopConf = sc.hadoopConfiguration();
        Map<String, CaptureListing.Listing> sites = CaptureListing.listSites(hadoopConf, job.paths());
        long start = System.nanoTime();
        List<String> names = new ArrayList<>(sites.keySet());
        List<ReportPartials.Read> reads = new ArrayList<>();
        Optional<RecordedOptions> recorded = Optional.empty();
        for (String name : names) {
            ReportPartials.Read read = ReportPartials.read(hadoopConf, sites.get(name).reports());
            reads.add(read);
            recorded = recorded.isPresent() ? recorded : read.recorded();
        }
        SparkAudit.Chosen chosen = choice.choose(recorded);
        RecordedOptions used = RecordedOptions.of(chosen.config());
        List<List<CaptureFile>> files = new ArrayList<>();
        List<SiteTask.Files> tasks = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            reads.set(i, reads.get(i).joining(used));
            List<CaptureFile> numbered = job.order().number(sites.get(names.get(i)).files());
            files.add(numbered);
            for (int from = 0; from < numbered.size(); from += job.filesPerTask()) {
                tasks.add(new SiteTask.Files(i, numbered.get(0).name(),
                        numbered.subList(from, Math.min(numbered.size(), from + job.filesPerTask()))));
            }
        }
        long reportsRead = System.nanoTime();
        List<SiteTask.Partial> shipped = tasks.isEmpty() ? List.of() : audit(sc, tasks, chosen.copy());
        long collected = System.nanoTime();
        Duration reportsTime = Duration.ofNanos(reportsRead - start);
        Duration tasksTime = Duration.ofNanos(collected - reportsRead);
        for (int i = 0; i < names.size(); i++) {
            long site = System.nanoTime();
            List<byte[]> partials = new ArrayList<>();
            int siteTasks = 0;
            for (SiteTask.Partial p : shipped) {
                if (p.site() == i) {
                    partials.add(p.bytes());
                    siteTasks++;
                }
            }
            long bytes = partials.stream().mapToLong(b -> b.length).sum();
            ReportPartials.Read read = reads.get(i);
            reads.set(i, null); // merged once: the site's reports can go
            List<PartialAudit> parts = new ArrayList<>(read.partials());
            parts.addAll(SparkAudit.read(partials));
            PartialAudit whole = SparkAudit.merge(parts);
            AuditOutcome outcome = AuditEngine.classify(chosen.config(), listener, whole);
            sink.site(names.get(i), new SparkAudit.Result(outcome, whole, files.get(i), List.of(), siteTasks, bytes,
                    read.partials().size(), read.duplicates(), read.bytes(), sc.master(), reportsTime, tasksTime,
                    Duration.ofNanos(System.nanoTime() - site)));
        }
    }

    /** Phase one on the executors: every site's tasks in one job. */
    private static List<SiteTask.Partial> audit(JavaSparkContext sc, List<SiteTask.Files> tasks, ConfigCopy copy) {
        Broadcast<ConfigCopy> shippedConfig = sc.broadcast(copy);
        Broadcast<HadoopConf> shippedHadoop = sc.broadcast(new HadoopConf(sc.hadoopConfiguration()));
        try {
            return new ArrayList<>(sc.parallelize(tasks, tasks.size()).map(new SiteTask(shippedConfig, shippedHadoop)).collect());
        } catch (RuntimeException e) { // SparkException and what else a failed job throws, with a stack trace as message
            throw new IllegalStateException("the Spark job failed: " + CaptureListing.firstLine(SparkAudit.rootCause(e)), e);
        } finally {
            shippedConfig.destroy();
            shippedHadoop.destroy();
        }
    }
}
