package dev.ucaudit.spark;

import dev.ucaudit.audit.AuditListener;
import dev.ucaudit.capture.CaptureException;
import dev.ucaudit.engine.ArrivalReplay;
import dev.ucaudit.engine.AuditConfig;
import dev.ucaudit.engine.AuditOutcome;
import dev.ucaudit.engine.PartialAudit;
import dev.ucaudit.engine.RecordedOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The Spark job: lists the capture files and report folders (on the driver), reads the reports'
 * partial audits on the driver ({@link ReportPartials}), numbers the capture files in reading order,
 * lets one task per {@link SparkJob#filesPerTask()} consecutive files run phase one of the audit on
 * them ({@link PartialTask}, in one background job: {@link ShippedPartials}), and classifies on the
 * driver as the tasks' partial audits arrive ({@link ArrivalReplay}): each part is replayed into one
 * engine as soon as every part before it in the merged order is there, so the classification runs
 * while the later tasks still read. The outcome is that of one {@code ucaudit audit} of the same files
 * in the same order, and with reports, that of {@code ucaudit merge} of the reports and of an
 * {@code audit --partial} of the files. Prints nothing; the caller writes the report.
 *
 * <p>The partial audits are collected, not tree-reduced: a merge only puts parts side by side (the
 * work is in the classification, on the driver), so merging on executors would send every partial
 * over the network once more for nothing. The driver holds a task's partial audit from its arrival
 * until its last part is replayed (all of them when the merged whole is kept for {@code --partial}):
 * see docs/scale.md. A report's partial.bin.gz is already in the form a task ships, so no task reads
 * it: the driver streams it from its file system once, where a task would fetch it and send the same
 * bytes on to the driver.
 */
public final class SparkAudit {
    /**
     * What a job found and how it ran.
     *
     * @param whole        the merged partial audits (what {@code ucaudit merge} joins with other reports), when the job
     *                     keeps them ({@link SparkJob#keepsWhole()}), else empty
     * @param repeated     files found under more than one of the paths given (read once)
     * @param partialBytes the partial audits' size as shipped to the driver
     * @param reports      how many reports' partial audits were read (on the driver)
     * @param duplicates   reports' partial audits left out as the same bytes as another one read
     * @param reportBytes  the size of the reports' partial audits read
     * @param reportsTime  reading the reports' partial audits on the driver (before any task starts)
     * @param tasksTime    from the tasks' start to the last partial audit on the driver (phase one)
     * @param classifyTime the classification on the driver after the last partial audit arrived (phase two runs
     *                     as they arrive: this is what it adds after the tasks)
     */
    public record Result(AuditOutcome outcome, PartialAudit whole, List<CaptureFile> files, List<String> repeated, int tasks,
                         long partialBytes, int reports, List<ReportPartials.Duplicate> duplicates, long reportBytes,
                         String master, Duration reportsTime, Duration tasksTime, Duration classifyTime) {
    }

    /**
     * The audit's config, chosen on the driver once the reports' partial audits are read (before any task
     * starts): a run given no options takes those the reports were recorded with, as {@code merge} does.
     */
    @FunctionalInterface
    public interface ConfigChoice {
        /**
         * @param recorded what the reports' partial audits were recorded with (one set: a mix was refused already);
         *                 empty when no report is among the paths
         * @throws CaptureException when the chosen config cannot join those reports (nothing is audited then)
         */
        Chosen choose(Optional<RecordedOptions> recorded) throws CaptureException;
    }

    /** The config the driver classifies with, and the same config as executors get it. */
    public record Chosen(AuditConfig config, ConfigCopy copy) {
    }

    private SparkAudit() {
    }

    /**
     * Runs the job on a Spark context of its own, stopped at the end, with the config {@code choice} gives
     * once the reports' partial audits are read.
     *
     * @param listener hears what the classification meets (the executors count what they meet in the partials)
     * @throws CaptureException when a path names no capture file or report folder, a report's partial audit cannot be
     *                          read, the reports were recorded with different options, or with options the chosen
     *                          config cannot join (nothing is audited then)
     */
    public static Result run(SparkJob job, ConfigChoice choice, AuditListener listener) throws CaptureException {
        try (JavaSparkContext sc = new JavaSparkContext(sparkConf(job))) {
            return run(sc, job, choice, listener);
        }
    }

    static SparkConf sparkConf(SparkJob job) {
        SparkConf conf = new SparkConf().setAppName("ucaudit " + String.join(" ", job.paths()));
        job.sparkConf().forEach(conf::set);
        if (job.master() != null) {
            conf.setMaster(job.master());
        }
        conf.setIfMissing("spark.master", "local[*]");
        conf.setIfMissing("spark.ui.enabled", "false");
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        if (!conf.get("spark.master").startsWith("local") && !conf.contains("spark.jars")) {
            // run without spark-submit on a cluster: the executors need this jar
            String[] jar = JavaSparkContext.jarOfClass(SparkAudit.class);
            if (jar.length > 0) {
                conf.setJars(jar);
            }
        }
        return conf;
    }

    /** Runs the job on a context the caller owns, with the config {@code choice} gives once the reports are read. */
    public static Result run(JavaSparkContext sc, SparkJob job, ConfigChoice choice, AuditListener listener)
            throws CaptureException {
        CaptureListing.Listing listing = CaptureListing.list(sc.hadoopConfiguration(), job.paths());
        long start = System.nanoTime();
        ReportPartials.Read read = ReportPartials.read(sc.hadoopConfiguration(), listing.reports()); // fail closed, early
        Chosen chosen = choice.choose(read.recorded());
        ReportPartials.Read reports = read.joining(RecordedOptions.of(chosen.config()));
        List<CaptureFile> files = job.order().number(listing.files());
        List<TaskFiles> tasks = TaskFiles.cut(0, files, job.filesPerTask());
        Duration reportsTime = Duration.ofNanos(System.nanoTime() - start);
        try (ShippedPartials shipped = ShippedPartials.start(sc, tasks, chosen.copy())) {
            return classify(chosen.config(), listener, job, new Site(files, tasks, allTasks(tasks.size()), reports),
                    shipped, listing.repeated(), sc.master(), reportsTime, System.nanoTime());
        }
    }

    /**
     * One site's part of a job (the whole job without {@code --per-site}).
     *
     * @param tasks    the site's tasks, each reading some of its files
     * @param numbers  the site's tasks' numbers in the job
     * @param reports  the site's reports' partial audits, read on the driver
     */
    record Site(List<CaptureFile> files, List<TaskFiles> tasks, List<Integer> numbers, ReportPartials.Read reports) {
    }

    static List<Integer> allTasks(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    /**
     * Phase two of one site on the driver, while the job's tasks still run: the site's parts replayed in the
     * merged order as they arrive ({@link ArrivalReplay}).
     */
    static Result classify(AuditConfig config, AuditListener listener, SparkJob job, Site site, ShippedPartials shipped,
                           List<String> repeated, String master, Duration reportsTime, long tasksStarted) {
        List<List<ArrivalReplay.Coming>> coming = new ArrayList<>();
        for (TaskFiles t : site.tasks()) {
            List<ArrivalReplay.Coming> c = new ArrayList<>();
            for (CaptureFile f : t.files()) {
                c.add(new ArrivalReplay.Coming(t.run(), f.sequence(), f.name()));
            }
            coming.add(c);
        }
        ArrivalReplay.Result r = ArrivalReplay.classify(config, listener, site.reports().partials(), coming,
                shipped.of(site.numbers()), job.keepsWhole());
        long end = System.nanoTime();
        long lastArrival = shipped.lastArrival(site.numbers(), tasksStarted);
        return new Result(r.outcome(), r.whole(), site.files(), repeated, site.tasks().size(), shipped.bytes(site.numbers()),
                site.reports().partials().size(), site.reports().duplicates(), site.reports().bytes(), master, reportsTime,
                Duration.ofNanos(lastArrival - tasksStarted), Duration.ofNanos(end - Math.max(lastArrival, tasksStarted)));
    }

    static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? e : t;
    }
}
