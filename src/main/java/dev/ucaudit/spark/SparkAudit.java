package dev.ucaudit.spark;

import dev.ucaudit.audit.AuditListener;
import dev.ucaudit.capture.CaptureException;
import dev.ucaudit.engine.AuditConfig;
import dev.ucaudit.engine.AuditEngine;
import dev.ucaudit.engine.AuditOutcome;
import dev.ucaudit.engine.PartialAudit;
import dev.ucaudit.engine.PartialBudget;
import dev.ucaudit.engine.RecordedOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * The Spark job: lists the capture files and report folders (on the driver), reads the reports'
 * partial audits on the driver ({@link ReportPartials}), numbers the capture files in reading order,
 * lets one task per {@link SparkJob#filesPerTask()} consecutive files run phase one of the audit on
 * them ({@link PartialTask}), merges all the partial audits on the driver and classifies the whole
 * once ({@link AuditEngine#classify}): the outcome is that of one {@code ucaudit audit} of the same
 * files in the same order, and with reports, that of {@code ucaudit merge} of the reports and of an
 * {@code audit --partial} of the files. Prints nothing; the caller writes the report.
 *
 * <p>The partial audits are collected, not tree-reduced: a merge only puts parts side by side (the
 * work is in the classification, on the driver, after the merge), so merging on executors would
 * send every partial over the network once more for nothing. The driver reads each partial once
 * and merges them pairwise; it needs memory for the merged whole (see docs/scale.md). A report's
 * partial.bin.gz is already in the form a task ships, so no task reads it: the driver streams it
 * from its file system once, where a task would fetch it and send the same bytes on to the driver.
 */
public final class SparkAudit {
    /**
     * What a job found and how it ran.
     *
     * @param whole        the merged partial audits (what {@code ucaudit merge} joins with other reports)
     * @param repeated     files found under more than one of the paths given (read once)
     * @param partialBytes the partial audits' size as shipped to the driver
     * @param reports      how many reports' partial audits were read (on the driver)
     * @param duplicates   reports' partial audits left out as the same bytes as another one read
     * @param reportBytes  the size of the reports' partial audits read
     * @param reportsTime  reading the reports' partial audits on the driver (before any task starts)
     * @param tasksTime    from the tasks' start to the last partial audit on the driver (phase one)
     * @param classifyTime the merge and the classification on the driver (phase two)
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
        AuditConfig config = chosen.config();
        ConfigCopy copy = chosen.copy();
        ReportPartials.Read reports = read.joining(RecordedOptions.of(config));
        long reportsRead = System.nanoTime();
        List<CaptureFile> files = job.order().number(listing.files());
        int tasks = (files.size() + job.filesPerTask() - 1) / job.filesPerTask();
        List<byte[]> partials = files.isEmpty() ? new ArrayList<>() : audit(sc, files, tasks, copy);
        long collected = System.nanoTime();
        long bytes = partials.stream().mapToLong(b -> b.length).sum();
        List<PartialAudit> parts = new ArrayList<>(reports.partials());
        parts.addAll(read(partials));
        PartialAudit whole = merge(parts);
        AuditOutcome outcome = AuditEngine.classify(config, listener, whole);
        return new Result(outcome, whole, files, listing.repeated(), tasks, bytes, reports.partials().size(),
                reports.duplicates(), reports.bytes(), sc.master(), Duration.ofNanos(reportsRead - start),
                Duration.ofNanos(collected - reportsRead), Duration.ofNanos(System.nanoTime() - collected));
    }

    /** Phase one on the executors: the partial audits of the tasks, as shipped. */
    private static List<byte[]> audit(JavaSparkContext sc, List<CaptureFile> files, int tasks, ConfigCopy copy) {
        Broadcast<ConfigCopy> shippedConfig = sc.broadcast(copy);
        Broadcast<HadoopConf> shippedHadoop = sc.broadcast(new HadoopConf(sc.hadoopConfiguration()));
        try {
            return new ArrayList<>(sc.parallelize(files, tasks).mapPartitions(new PartialTask(shippedConfig, shippedHadoop,
                    files.get(0).name())).collect());
        } catch (RuntimeException e) { // SparkException and what else a failed job throws, with a stack trace as message
            throw new IllegalStateException("the Spark job failed: " + CaptureListing.firstLine(rootCause(e)), e);
        } finally {
            shippedConfig.destroy();
            shippedHadoop.destroy();
        }
    }

    static List<PartialAudit> read(List<byte[]> partials) {
        List<PartialAudit> read = new ArrayList<>(partials.size());
        PartialBudget budget = PartialBudget.ofHeap();
        for (int i = 0; i < partials.size(); i++) {
            try {
                read.add(PartialAudit.read(new ByteArrayInputStream(partials.get(i)), "the partial audit of task " + i, budget));
            } catch (IOException e) {
                throw new IllegalStateException("the Spark job failed: " + e.getMessage(), e);
            }
            partials.set(i, null); // read once: the bytes can go
        }
        return read;
    }

    /** In one sort (a week of one-minute periods is 10,080 partials). */
    static PartialAudit merge(List<PartialAudit> parts) {
        return PartialAudit.mergeAll(parts);
    }

    static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? e : t;
    }
}
