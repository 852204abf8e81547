package dev.ucaudit.spark;

import dev.ucaudit.audit.AuditListener;
import dev.ucaudit.capture.CaptureException;
import dev.ucaudit.engine.RecordedOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * A {@code spark --per-site} job: one report per site (each first-level folder under each path, see
 * {@link CaptureListing#listSites}), all sites' files read in one Spark job. Each site's files are numbered
 * in the site's own order and its tasks hold files of that site only, named as that site's own run; so each
 * site's outcome is that of one {@code ucaudit audit} (or {@code spark}) of that site's folder alone. The
 * driver classifies the sites as their tasks' partial audits arrive (while the other sites' tasks still
 * read), several at once on its own threads ({@link #classifyingThreads}: {@code spark.driver.cores}, else
 * the machine's cores), and hands the outcomes to a {@link Sink} in site-name order: it holds the shipped
 * partials that arrived (small: see docs/scale.md) and the decoded parts and outcomes of as many sites as
 * it has classifying threads.
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
        List<SparkAudit.Site> split = new ArrayList<>();
        List<TaskFiles> tasks = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            List<CaptureFile> numbered = job.order().number(sites.get(names.get(i)).files());
            List<TaskFiles> siteTasks = TaskFiles.cut(i, numbered, job.filesPerTask());
            List<Integer> numbers = new ArrayList<>();
            for (TaskFiles t : siteTasks) {
                numbers.add(tasks.size());
                tasks.add(t);
            }
            split.add(new SparkAudit.Site(numbered, siteTasks, numbers, reads.get(i).joining(used)));
            reads.set(i, null);
        }
        Duration reportsTime = Duration.ofNanos(System.nanoTime() - start);
        int threads = classifyingThreads(sc, names.size());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "ucaudit-site-classification");
            t.setDaemon(true);
            return t;
        });
        try (ShippedPartials shipped = ShippedPartials.start(sc, tasks, chosen.copy())) {
            long tasksStarted = System.nanoTime();
            List<Future<SparkAudit.Result>> results = new ArrayList<>(Collections.nCopies(names.size(), null));
            // sites are classified `threads` at a time and handed over in name order: at most that many outcomes held
            for (int i = 0; i < names.size() + threads; i++) {
                if (i < names.size()) {
                    SparkAudit.Site site = split.get(i);
                    split.set(i, null); // classified once: the site's reports can go
                    results.set(i, pool.submit(() -> SparkAudit.classify(chosen.config(), listener, job, site, shipped,
                            List.of(), sc.master(), reportsTime, tasksStarted)));
                }
                int done = i - threads + 1;
                if (done >= 0 && done < names.size()) {
                    SparkAudit.Result r = outcome(results.get(done));
                    results.set(done, null);
                    sink.site(names.get(done), r);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * How many sites the driver classifies at once: {@code spark.driver.cores} when set, else this machine's
     * cores (the driver's own threads: the executors' cores read the files).
     */
    static int classifyingThreads(JavaSparkContext sc, int sites) {
        int cores = sc.getConf().getInt("spark.driver.cores", Runtime.getRuntime().availableProcessors());
        return Math.max(1, Math.min(sites, cores));
    }

    private static SparkAudit.Result outcome(Future<SparkAudit.Result> result) throws IOException {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a site was classified", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }
}
